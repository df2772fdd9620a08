// Runs against the real reference API (the test runner passes /api and /media to it). The demo
// viewer's profile Alex has seeded history (films part-way and finished, a series' episodes).
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { historyStreams } from '@reel/contracts';
import { type ReelAuthProvider, setLocale } from '@reel/core';
import { settled, signInAsAlex, signOut } from '@reel/title-card/testing';
import '@reel/core/define';
import './define.js';
import type { ReelHistory } from './reel-history.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;
const entries = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part="entry"]')];
const days = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part="day"]')];

describe('<reel-history> signed out', () => {
  it('asks to sign in without a signed-in profile', async () => {
    await signOut();
    const lone = document.createElement('reel-auth-provider');
    document.body.append(lone);
    await settled(lone);
    const el = document.createElement('reel-history');
    lone.append(el);
    await waitUntil(() => root(el).textContent?.includes('Sign in to see your viewing history'), 'the prompt');
    lone.remove();
  });
});

describe('<reel-history>', () => {
  let provider: ReelAuthProvider;
  let alex: string;

  async function mount(attrs: Record<string, string> = {}): Promise<ReelHistory> {
    const el = document.createElement('reel-history');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    provider.append(el);
    await waitUntil(() => entries(el).length > 0, 'entries render', { timeout: 10000 });
    await waitUntil(() => root(el).querySelector('.card--weeks svg'), 'stats render', { timeout: 10000 });
    await waitUntil(() => root(el).querySelector('.feed'), 'activity renders', { timeout: 10000 });
    return el;
  }

  before(async () => {
    await signOut();
    provider = document.createElement('reel-auth-provider');
    document.body.append(provider);
    alex = await signInAsAlex(await settled(provider));
  });
  after(async () => {
    provider.remove();
    await signOut();
  });

  it("groups Alex's history by day with artwork, episode, progress and time watched", async () => {
    const el = await mount();
    const page = await provider.session!.client.call(historyStreams, {
      params: { profile_id: alex },
      query: { limit: 30 },
    });
    expect(entries(el).length).to.equal(page.items.length);
    expect(days(el).length).to.be.greaterThan(1);
    const first = entries(el)[0] as HTMLElement;
    expect(first.querySelector('img')?.getAttribute('src')).to.match(/^\/media\//);
    const bar = first.querySelector('reel-progress-bar') as HTMLElement & { value: number };
    expect(bar.value).to.equal(Math.round((page.items[0]?.fraction ?? 0) * 100));
    expect(first.querySelector('.entry__meta')?.textContent).to.contain('Watched');
    // The seeded series has episodes: one shows "S1 E…".
    expect(
      entries(el).some((e) => /S\d+ E\d+ · /.test(e.querySelector('.entry__episode')?.textContent ?? '')),
    ).to.equal(true);
    expect(entries(el).some((e) => e.querySelector('.entry__status--done'))).to.equal(true);
    el.remove();
  });

  it('shows stats with charts and an activity feed', async () => {
    const el = await mount();
    const weeks = root(el).querySelectorAll('.card--weeks rect.chart__bar');
    expect(weeks.length).to.equal(12);
    expect(root(el).querySelectorAll('.card--weeks table tr').length).to.equal(12);
    expect(root(el).querySelectorAll('.genres li').length).to.be.greaterThan(0);
    expect(root(el).querySelector('.completion__value')?.textContent).to.match(/\d+\s?%/);
    expect(root(el).querySelectorAll('.feed li').length).to.be.greaterThan(0);
    // Another period asks again.
    const fourWeeks = [...root(el).querySelectorAll<HTMLButtonElement>('.period')][0] as HTMLButtonElement;
    fourWeeks.click();
    await waitUntil(() => root(el).querySelectorAll('.card--weeks rect.chart__bar').length === 4, 'four weeks');
    expect(el.getAttribute('period')).to.equal('4w');
    el.remove();
  });

  it('filters to films only, and by date range', async () => {
    const el = await mount();
    const all = entries(el).length;
    el.type = 'film';
    await waitUntil(() => entries(el).every((e) => !e.querySelector('.entry__episode')), 'films only', {
      timeout: 8000,
    });
    expect(entries(el).length).to.be.lessThan(all);
    expect(el.getAttribute('type')).to.equal('film');
    el.type = 'all';
    el.range = '7d';
    await waitUntil(() => entries(el).length > 0 && el.getAttribute('range') === '7d', 'last 7 days', {
      timeout: 8000,
    });
    const cutoff = Date.now() - 7 * 86_400_000;
    const page = await provider.session!.client.call(historyStreams, {
      params: { profile_id: alex },
      query: { from: new Date(cutoff).toISOString() },
    });
    await waitUntil(() => entries(el).length <= page.items.length + 1, 'the range applies', { timeout: 8000 });
    el.remove();
  });

  it('removes an entry at once, and Undo brings it back (on the server too)', async () => {
    const el = await mount();
    const before = entries(el).length;
    const target = entries(el)[0] as HTMLElement;
    const id = target.dataset.entry as string;
    const hidden = oneEvent(el, 'reel-history-hide');
    (target.querySelector('reel-icon-button') as HTMLElement).click();
    expect((await hidden).detail.entryId).to.equal(id);
    expect(entries(el).length).to.equal(before - 1);
    expect(entries(el).some((e) => e.dataset.entry === id)).to.equal(false);
    // Focus moved to the next entry's remove button, not lost to the body.
    expect(root(el).activeElement?.classList.contains('entry__remove')).to.equal(true);
    const serverAfterHide = await provider.session!.client.call(historyStreams, {
      params: { profile_id: alex },
      query: { limit: 50 },
    });
    expect(serverAfterHide.items.some((e) => e.id === id)).to.equal(false);
    // The toast offers Undo.
    const region = document.querySelector('reel-toast-region') as HTMLElement;
    await waitUntil(() => region?.shadowRoot?.querySelector('reel-toast'), 'a toast', { timeout: 4000 });
    const toastEl = region.shadowRoot!.querySelector('reel-toast') as HTMLElement & { message: string };
    expect(toastEl.message).to.contain('from your history');
    const restored = oneEvent(el, 'reel-history-restore');
    const action = toastEl.shadowRoot!.querySelector<HTMLElement>('[part~="action"]');
    action!.click();
    expect((await restored).detail.entryId).to.equal(id);
    await waitUntil(() => entries(el).some((e) => e.dataset.entry === id), 'back in the list');
    const server = await provider.session!.client.call(historyStreams, {
      params: { profile_id: alex },
      query: { limit: 50 },
    });
    expect(server.items.some((e) => e.id === id)).to.equal(true);
    el.remove();
  });

  it('exports a file through the API, named by the server', async () => {
    const el = await mount();
    const exported = oneEvent(el, 'reel-history-export');
    void el.export('csv');
    const detail = (await exported).detail;
    expect(detail.format).to.equal('csv');
    expect(detail.filename).to.match(/^reel-history-alex-\d{4}-\d\d-\d\d\.csv$/);
    el.remove();
  });

  it('is accessible, in English and in Arabic (right to left)', async function () {
    this.timeout(40000);
    const el = await mount();
    await expect(el).to.be.accessible();
    await setLocale('ar');
    await waitUntil(() => root(el).querySelector('h1')?.textContent === 'سجل المشاهدة', 'Arabic heading', {
      timeout: 8000,
    });
    expect(el.getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
    await setLocale('es');
    await waitUntil(
      () => root(el).querySelector('h1')?.textContent === 'Historial de reproducción',
      'Spanish heading',
      {
        timeout: 8000,
      },
    );
    await setLocale('en');
    el.remove();
  });
});
