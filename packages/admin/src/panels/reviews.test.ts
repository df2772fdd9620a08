// Runs against the real reference API: the demo viewer (Alex) reports a seeded review; the demo
// admin finds it in the moderation queue and keeps it with a note (a note is required).
import { expect, waitUntil } from '@open-wc/testing';
import { adminReviewsReports, reviewsList, reviewsReport } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { settled, signInAsAlex, signOut } from '@reel/title-card/testing';
import '@reel/core/define';
import '../define.js';
import './reviews.js';
import { signInAsAdmin, themedPage } from './ops-testing.js';
import type { ReelAdminReviews } from './reviews.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;

describe('<reel-admin-reviews>', function () {
  this.timeout(60_000);
  let page: HTMLElement;
  let admin: ReelAuthProvider;
  let reviewId = '';

  before(async () => {
    await signOut();
    page = themedPage();
    const viewer = document.createElement('reel-auth-provider');
    page.append(viewer);
    await signInAsAlex(await settled(viewer));
    const client = viewer.session!.client;
    // A seeded review by someone else, reported by Alex.
    const titles = (await (await fetch('/api/v1/titles?limit=20')).json()) as { items: { id: string }[] };
    for (const t of titles.items) {
      const list = await client.call(reviewsList, { params: { title_id: t.id }, query: { limit: 20 } });
      const other = list.items.find((r) => !(r as { mine?: boolean }).mine);
      if (other) {
        reviewId = other.id;
        break;
      }
    }
    if (!reviewId) throw new Error('no seeded review to report');
    await client.call(reviewsReport, {
      params: { review_id: reviewId },
      body: { reason: 'off_topic', text: 'Admin panel test' },
    });
    viewer.remove();
    admin = document.createElement('reel-auth-provider');
    page.append(admin);
    await signInAsAdmin(admin);
  });
  after(async () => {
    page.remove();
    await signOut();
  });

  it('lists the reported review as text, requires a note, and keeps it; accessible', async () => {
    const queue = await admin.session!.client.call(adminReviewsReports, { query: { status: 'open', limit: 100 } });
    const kase = queue.items.find((c) => c.review.id === reviewId);
    expect(kase, 'the report opened a case').to.not.equal(undefined);
    const el = document.createElement('reel-admin-reviews') as ReelAdminReviews;
    admin.append(el);
    await waitUntil(() => root(el).querySelector('.cases'), 'the queue renders', { timeout: 15000 });
    // The queue may hold more cases than a page: show more until ours is there.
    await waitUntil(
      () => {
        if (root(el).querySelector(`li[data-id="${kase!.id}"]`)) return true;
        const more = [...root(el).querySelectorAll('reel-button')].find((b) => b.textContent?.includes('Show more'));
        (more as HTMLElement | undefined)?.click();
        return false;
      },
      'our case is listed',
      { timeout: 15000, interval: 300 },
    );
    await expect(el).to.be.accessible();
    const item = root(el).querySelector(`li[data-id="${kase!.id}"]`) as HTMLElement;
    expect(item.textContent).to.contain('Admin panel test');
    (item.querySelector('reel-button[data-action="keep"]') as HTMLElement).click();
    const dialog = root(el).querySelector('reel-dialog') as HTMLElement & { open: boolean };
    await waitUntil(() => dialog.open, 'the dialog opens');
    const confirm = root(el).querySelector('reel-button.confirm') as HTMLElement;
    confirm.click();
    const note = root(el).querySelector('reel-text-field[name="note"]') as HTMLElement & {
      error: string;
      value: string;
    };
    await waitUntil(() => note.error, 'a note is required');
    note.dispatchEvent(new CustomEvent('reel-input', { detail: { value: 'Fine: on topic' } }));
    await el.updateComplete;
    confirm.click();
    await waitUntil(() => !root(el).querySelector(`li[data-id="${kase!.id}"]`), 'the case leaves the open queue', {
      timeout: 10000,
    });
    const resolved = await admin.session!.client.call(adminReviewsReports, {
      query: { status: 'resolved', limit: 100 },
    });
    const done = resolved.items.find((c) => c.id === kase!.id);
    expect(done?.resolution?.action).to.equal('keep');
    expect(done?.resolution?.note).to.equal('Fine: on topic');
    el.remove();
  });
});
