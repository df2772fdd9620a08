// Runs against the real reference API (the test runner passes /api and /media to it).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TitleSummary } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import '@reel/core/define';
import './define.js';
import type { ReelTitleCard } from './reel-title-card.js';
import { settled, signInAsAlex, signOut } from './testing.js';

async function trending(n = 10): Promise<TitleSummary[]> {
  return ((await (await fetch(`/api/v1/trending?limit=${n}`)).json()) as { items: TitleSummary[] }).items;
}

const part = (card: ReelTitleCard, selector: string) => card.shadowRoot!.querySelector<HTMLElement>(selector);

describe('<reel-title-card>', () => {
  before(signOut);

  it('shows a given title without a request: artwork in a reserved 16:9 box, name, badges, link', async () => {
    const [title] = await trending(1);
    const card = await themedFixture<ReelTitleCard>(html`<reel-title-card .title=${title}></reel-title-card>`);
    expect(part(card, '.card__name')!.textContent).to.equal(title!.name);
    expect(part(card, 'a')!.getAttribute('href')).to.equal(`/title/${title!.id}`);
    expect(part(card, 'img')!.getAttribute('src')).to.equal(title!.artwork.backdrop);
    const box = part(card, '.card__art')!.getBoundingClientRect();
    expect(box.width / box.height).to.be.closeTo(16 / 9, 0.02);
    // The element stays an HTMLElement: reading `title` gives the name; `current` is the object.
    expect(card.title).to.equal(title!.name);
    expect(card.current?.id).to.equal(title!.id);
    if (title!.certification) expect(part(card, '.card__cert')!.textContent).to.equal(title!.certification);
  });

  it('fetches the title for a title-id', async () => {
    const [title] = await trending(1);
    const card = await fixture<ReelTitleCard>(html`<reel-title-card title-id=${title!.id}></reel-title-card>`);
    await waitUntil(() => part(card, '.card__name'), 'the card renders', { timeout: 8000 });
    expect(part(card, '.card__name')!.textContent).to.equal(title!.name);
  });

  it('shows new, Top 10, sub/dub and progress, and reflects progress and My List state', async () => {
    const [base] = await trending(1);
    const title: TitleSummary = {
      ...base!,
      badges: { ...base!.badges, is_new: true, top10_rank: 3, sub: true, dub: true, coming_soon: false },
      progress: {
        position: 1200,
        duration: 3000,
        fraction: 0.4,
        completed: false,
        updated_at: new Date().toISOString(),
      },
      in_watchlist: true,
    };
    const card = await themedFixture<ReelTitleCard>(html`<reel-title-card .title=${title}></reel-title-card>`);
    const badges = [...card.shadowRoot!.querySelectorAll('.card__badges .badge')].map((b) => b.textContent);
    expect(badges).to.deep.equal(['New', 'Sub', 'Dub']);
    expect(part(card, '.badge--top10')!.textContent).to.contain('Top 10 today, number 3');
    expect((part(card, 'progress') as HTMLProgressElement).value).to.equal(40);
    expect(card.getAttribute('progress')).to.equal('40');
    expect(card.hasAttribute('in-watchlist')).to.equal(true);
    await expect(card).to.be.accessible();
  });

  it('draws Top 10 as a rank numeral beside the poster', async () => {
    const [title] = await trending(1);
    const card = await themedFixture<ReelTitleCard>(
      html`<reel-title-card layout="rank" .title=${{ ...title!, badges: { ...title!.badges, top10_rank: 7 } }}></reel-title-card>`,
    );
    expect(part(card, '.card__rank')!.textContent).to.equal('7');
    expect(part(card, 'img')!.getAttribute('src')).to.equal(title!.artwork.poster);
    const box = part(card, '.card__art')!.getBoundingClientRect();
    expect(box.width / box.height).to.be.closeTo(2 / 3, 0.02);
  });

  it('expands after the pointer rests on it: year, genres, maturity and a play link', async () => {
    const [title] = await trending(1);
    const card = await themedFixture<ReelTitleCard>(html`<reel-title-card .title=${title}></reel-title-card>`);
    const link = part(card, '.card__link')!;
    link.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    part(card, '.host')!.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    await waitUntil(() => part(card, '.preview'), 'the preview opens', { timeout: 3000 });
    expect(card.hasAttribute('previewing')).to.equal(true);
    const preview = part(card, '.preview')!;
    expect(preview.getAttribute('aria-hidden')).to.equal('true');
    expect(preview.querySelector('.round--play')!.getAttribute('href')).to.equal(`/watch/${title!.id}`);
    expect(preview.querySelector('.preview__meta')!.textContent).to.contain(String(title!.year));
    expect([...preview.querySelectorAll('.preview__genres li')].map((li) => li.textContent)).to.deep.equal(
      title!.genres.slice(0, 3).map((g) => g.name),
    );
    // A missing thumbnail sprite (404) leaves the backdrop: no error.
    part(card, '.host')!.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    await waitUntil(() => !part(card, '.preview'), 'the preview closes');
  });

  it('the preview’s play button asks first, so a host can play in place', async () => {
    const [title] = await trending(1);
    const card = await themedFixture<ReelTitleCard>(html`<reel-title-card .title=${title}></reel-title-card>`);
    part(card, '.host')!.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
    await waitUntil(() => part(card, '.preview'), 'the preview opens', { timeout: 3000 });
    card.addEventListener('reel-title-play-request', (e) => e.preventDefault(), { once: true });
    const request = oneEvent(card, 'reel-title-play-request');
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    part(card, '.round--play')!.dispatchEvent(click);
    expect((await request).detail.titleId).to.equal(title!.id);
    expect(click.defaultPrevented, 'the link is not followed').to.equal(true);
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const [title] = await trending(1);
    const leaks = await mountMany(
      () => {
        const el = document.createElement('reel-title-card');
        el.title = title as unknown as string;
        return el;
      },
      { times: 50 },
    );
    expect([...leaks.keys()]).to.deep.equal([]);
  });

  describe('signed in as Alex', () => {
    let provider: ReelAuthProvider;
    before(async () => {
      provider = document.createElement('reel-auth-provider');
      document.body.append(provider);
      await signInAsAlex(await settled(provider));
    });
    after(async () => {
      provider.remove();
      await signOut();
    });

    it('has a My List toggle that paints at once and asks first', async () => {
      const [title] = await trending(1);
      const card = document.createElement('reel-title-card');
      card.title = { ...title!, in_watchlist: false } as unknown as string;
      provider.append(card);
      await card.updateComplete;
      const button = part(card, '[data-action="watchlist"]')!;
      expect(button.getAttribute('aria-label')).to.equal(`Add ${title!.name} to My List`);
      // Cancelled: nothing changes.
      card.addEventListener('reel-watchlist-toggle-request', (e) => e.preventDefault(), { once: true });
      button.click();
      await card.updateComplete;
      expect(card.hasAttribute('in-watchlist')).to.equal(false);
      // Not cancelled: the card shows the new state before the server answers.
      const request = oneEvent(card, 'reel-watchlist-toggle-request');
      button.click();
      expect((await request).detail).to.deep.equal({ titleId: title!.id, add: true });
      await card.updateComplete;
      expect(card.hasAttribute('in-watchlist')).to.equal(true);
      expect(part(card, '[data-action="watchlist"]')!.getAttribute('aria-label')).to.equal(
        `Remove ${title!.name} from My List`,
      );
      await expect(card).to.be.accessible();
      card.remove();
    });

    it('follows My List changes made elsewhere on the page', async () => {
      const [title] = await trending(1);
      const card = document.createElement('reel-title-card');
      card.title = { ...title!, in_watchlist: false } as unknown as string;
      provider.append(card);
      await card.updateComplete;
      window.dispatchEvent(
        new CustomEvent('reel-watchlist-change', { detail: { titleId: title!.id, inWatchlist: true } }),
      );
      await card.updateComplete;
      expect(card.hasAttribute('in-watchlist')).to.equal(true);
      card.remove();
    });
  });
});
