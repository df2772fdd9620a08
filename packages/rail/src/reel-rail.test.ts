// Runs against the real reference API (the test runner passes /api and /media to it).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TitleSummary } from '@reel/contracts';
import { type ReelAuthProvider, setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import type { CardSelectEvent } from '@reel/title-card';
import { manyTitles, nextFrame, settled, signInAsAlex, signOut } from '@reel/title-card/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@reel/core/define';
import './define.js';
import type { ReelRail } from './reel-rail.js';

async function publicTitles(n = 40): Promise<TitleSummary[]> {
  const response = await fetch(`/api/v1/trending?limit=${n}`);
  return ((await response.json()) as { items: TitleSummary[] }).items;
}

const cards = (rail: ReelRail) => [...rail.shadowRoot!.querySelectorAll<HTMLElement>('li.card, li .card')];
const positionOf = (el: Element | null | undefined) => Number(el?.closest('li')?.getAttribute('aria-posinset')) - 1;
const indexes = (rail: ReelRail) => cards(rail).map(positionOf);
const active = (rail: ReelRail) => String(positionOf(rail.shadowRoot!.activeElement));

async function railWith(items: TitleSummary[], width = 1200): Promise<ReelRail> {
  const wrapper = await themedFixture<HTMLDivElement>(
    html`<div><reel-rail heading="Many titles" .items=${items}></reel-rail></div>`,
  );
  wrapper.style.inlineSize = `${width}px`;
  const rail = wrapper.querySelector('reel-rail') as ReelRail;
  await rail.updateComplete;
  await nextFrame();
  await nextFrame();
  return rail;
}

describe('<reel-rail>', () => {
  before(signOut);

  it('loads a public source with no session (a partner page) and links every card to its title', async () => {
    const rail = await fixture<ReelRail>(html`<reel-rail source="trending" api-base="/api/v1"></reel-rail>`);
    await waitUntil(() => cards(rail).length > 0, 'cards render', { timeout: 8000 });
    const trending = await (await fetch('/api/v1/trending?limit=40')).json();
    expect(rail.shadowRoot!.querySelector('h2')!.textContent).to.equal('Trending now');
    const first = cards(rail)[0]!;
    expect(first.querySelector('a')!.getAttribute('href')).to.equal(`/title/${trending.items[0].id}`);
    expect(first.querySelector('.card__name')!.textContent).to.equal(trending.items[0].name);
    // No watchlist buttons without a profile.
    expect(rail.shadowRoot!.querySelector('[data-action="watchlist"]')).to.equal(null);
  });

  it('links cards through href-template and lets the host take a choice with reel-select', async () => {
    const rail = await fixture<ReelRail>(
      html`<reel-rail source="trending" api-base="/api/v1" href-template="https://partner.example/watch?title={id}"></reel-rail>`,
    );
    await waitUntil(() => cards(rail).length > 0, 'cards render', { timeout: 8000 });
    const link = cards(rail)[0]!.querySelector('a')!;
    const id =
      cards(rail)[0]!.closest('[data-id]')?.getAttribute('data-id') ??
      link.closest('[data-id]')?.getAttribute('data-id');
    expect(link.getAttribute('href')).to.equal(`https://partner.example/watch?title=${encodeURIComponent(String(id))}`);
    let chosen: string | null = null;
    rail.addEventListener('reel-select', (e) => {
      chosen = (e as unknown as CardSelectEvent).detail.titleId;
      e.preventDefault();
    });
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    link.dispatchEvent(click);
    expect(chosen).to.equal(id);
    expect(click.defaultPrevented, 'the host took the choice: the link is not followed').to.equal(true);
  });

  it('shows Top 10 as rank numerals beside posters, in the server’s order', async () => {
    const rail = await fixture<ReelRail>(html`<reel-rail source="top10"></reel-rail>`);
    await waitUntil(() => cards(rail).length > 0, 'cards render', { timeout: 8000 });
    const top = await (await fetch('/api/v1/top10')).json();
    expect(rail.getAttribute('source')).to.equal('top10');
    const ranks = cards(rail).map((c) => c.querySelector('.card__rank')?.textContent);
    expect(ranks.slice(0, 3)).to.deep.equal(['1', '2', '3']);
    expect(cards(rail)[0]!.querySelector('img')!.getAttribute('src')).to.equal(top.items[0].artwork.poster);
    expect(rail.shadowRoot!.querySelector('h2')!.textContent).to.match(/^Top 10 in .+ today$/);
  });

  it('takes its heading and "see all" from a collection source', async () => {
    const rail = await fixture<ReelRail>(html`<reel-rail source="collection:reel-originals"></reel-rail>`);
    await waitUntil(() => cards(rail).length > 0, 'cards render', { timeout: 8000 });
    const collection = await (await fetch('/api/v1/collections/reel-originals')).json();
    expect(rail.shadowRoot!.querySelector('h2')!.textContent).to.equal(collection.name);
    expect(rail.shadowRoot!.querySelector('.see-all')!.getAttribute('href')).to.equal('/collections/reel-originals');
  });

  it('keeps the number of rendered cards bounded for 1,000 titles, wherever it is scrolled', async () => {
    const items = manyTitles(await publicTitles(), 1000);
    const rail = await railWith(items);
    const initial = cards(rail).length;
    expect(initial).to.be.greaterThan(3);
    expect(initial).to.be.at.most(20);
    // The list still announces its full length.
    expect(rail.shadowRoot!.querySelector('li')!.getAttribute('aria-setsize')).to.equal('1000');
    const viewport = rail.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
    expect(viewport.scrollWidth).to.be.greaterThan(100 * viewport.clientWidth);
    viewport.scrollLeft = viewport.scrollWidth / 2;
    await waitUntil(() => indexes(rail).includes(500), 'cards near the middle render');
    expect(cards(rail).length).to.be.at.most(20);
    expect(Math.min(...indexes(rail))).to.be.greaterThan(480);
    viewport.scrollLeft = viewport.scrollWidth;
    await waitUntil(() => indexes(rail).includes(999), 'the last cards render');
    expect(cards(rail).length).to.be.at.most(20);
  });

  it('is one tab stop; arrow keys move card to card, Home and End go to the ends', async () => {
    const items = manyTitles(await publicTitles(), 1000);
    const rail = await railWith(items);
    const links = [...rail.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.card__link')];
    expect(links.filter((a) => a.tabIndex === 0)).to.have.length(1);
    links[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => active(rail) === '1', 'focus moves to the second card');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => active(rail) === '2', 'and the third');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => active(rail) === '1', 'and back');
    await sendKeys({ press: 'End' });
    await waitUntil(() => active(rail) === '999', 'End reaches the last of 1,000 cards');
    expect(cards(rail).length).to.be.at.most(20);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => active(rail) === '0', 'Home goes back to the first');
    // Still exactly one card in the tab order.
    const tabbable = [...rail.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.card__link')].filter(
      (a) => a.tabIndex === 0,
    );
    expect(tabbable).to.have.length(1);
  });

  it('pages with its buttons', async () => {
    const rail = await railWith(manyTitles(await publicTitles(), 60));
    const viewport = rail.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
    const prev = rail.shadowRoot!.querySelector<HTMLButtonElement>('.page--prev')!;
    expect(prev.hidden).to.equal(true);
    rail.shadowRoot!.querySelector<HTMLButtonElement>('.page--next')!.click();
    await waitUntil(() => viewport.scrollLeft > viewport.clientWidth * 0.7, 'a page further', { timeout: 4000 });
    await waitUntil(() => !prev.hidden, 'the previous button shows');
  });

  it('reserves the artwork’s box before it loads and lazy-loads it', async () => {
    const rail = await railWith(await publicTitles(12));
    const img = cards(rail)[0]!.querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    const art = cards(rail)[0]!.querySelector<HTMLElement>('.card__art')!.getBoundingClientRect();
    expect(art.width / art.height).to.be.closeTo(16 / 9, 0.02);
  });

  it('speaks the page’s language and mirrors in Arabic: headings translated, ArrowLeft moves forward', async () => {
    const rail = await fixture<ReelRail>(html`<reel-rail source="trending"></reel-rail>`);
    await waitUntil(() => cards(rail).length > 0, 'cards render', { timeout: 8000 });
    await setLocale('ar');
    await waitUntil(() => rail.shadowRoot!.querySelector('h2')!.textContent === 'الأكثر رواجًا الآن', 'Arabic heading');
    expect(rail.getAttribute('dir')).to.equal('rtl');
    const first = rail.shadowRoot!.querySelector<HTMLElement>('.card__link')!;
    first.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => active(rail) === '1', 'ArrowLeft moves to the next card in right-to-left');
    await setLocale('en');
  });

  it('is accessible', async () => {
    const rail = await railWith(await publicTitles(20));
    await expect(rail).to.be.accessible();
  });

  it('hides itself when a source has nothing (Continue Watching signed out)', async () => {
    const rail = await fixture<ReelRail>(html`<reel-rail source="continue-watching"></reel-rail>`);
    await waitUntil(() => rail.empty, 'empty');
    expect(getComputedStyle(rail).display).to.equal('none');
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const items = await publicTitles(20);
    const leaks = await mountMany(
      () => {
        const el = document.createElement('reel-rail');
        el.items = items;
        return el;
      },
      { times: 40 },
    );
    expect([...leaks.keys()]).to.deep.equal([]);
  });

  describe('signed in as Alex', () => {
    let provider: ReelAuthProvider;
    before(async () => {
      // Not a fixture: fixtures are removed after each test, and these tests share one session.
      provider = document.createElement('reel-auth-provider');
      document.body.append(provider);
      await signInAsAlex(await settled(provider));
    });
    after(async () => {
      provider.remove();
      await signOut();
    });

    it('shows Continue Watching with progress bars and "remove from row", and asks before removing', async () => {
      const rail = document.createElement('reel-rail');
      rail.source = 'continue-watching';
      provider.append(rail);
      await waitUntil(() => cards(rail).length > 0, 'cards render', { timeout: 8000 });
      expect(rail.shadowRoot!.querySelector('h2')!.textContent).to.equal('Continue watching');
      expect(rail.shadowRoot!.querySelectorAll('progress.card__progress').length).to.equal(cards(rail).length);
      const remove = rail.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="remove"]')!;
      const id = remove.closest<HTMLElement>('.card')!.dataset.id!;
      // A host can take the request over; then nothing changes here.
      rail.addEventListener('reel-continue-watching-remove-request', (e) => e.preventDefault(), { once: true });
      const request = oneEvent(rail, 'reel-continue-watching-remove-request');
      remove.click();
      expect((await request).detail.titleId).to.equal(id);
      expect(cards(rail).some((c) => c.dataset.id === id)).to.equal(true);
      rail.remove();
    });

    it('a My List button asks first, and a cancelled request changes nothing', async () => {
      const rail = document.createElement('reel-rail');
      rail.source = 'trending';
      provider.append(rail);
      await waitUntil(() => rail.shadowRoot!.querySelector('[data-action="watchlist"]'), 'watchlist buttons', {
        timeout: 8000,
      });
      const button = rail.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="watchlist"]')!;
      const id = button.closest<HTMLElement>('.card')!.dataset.id!;
      const before = rail.titles.find((t) => t.id === id)!.in_watchlist === true;
      rail.addEventListener('reel-watchlist-toggle-request', (e) => e.preventDefault(), { once: true });
      const request = oneEvent(rail, 'reel-watchlist-toggle-request');
      button.click();
      expect((await request).detail).to.deep.equal({ titleId: id, add: !before });
      expect(rail.titles.find((t) => t.id === id)!.in_watchlist === true).to.equal(before);
      rail.remove();
    });

    it('repaints a card at once when its progress changes elsewhere on the page', async () => {
      const items = await publicTitles(10);
      const rail = await railWith(items);
      const id = items[0]!.id;
      window.dispatchEvent(
        new CustomEvent('reel-progress-change', {
          detail: {
            titleId: id,
            progress: {
              position: 600,
              duration: 1200,
              fraction: 0.5,
              completed: false,
              updated_at: new Date().toISOString(),
            },
          },
        }),
      );
      await rail.updateComplete;
      expect(cards(rail)[0]!.querySelector<HTMLProgressElement>('progress')!.value).to.equal(50);
    });
  });
});
