// Runs against the real reference API (the test runner passes /api and /media to it).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Rail, TitleSummary } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { mountMany } from '@reel/core/testing';
import type { ReelRail } from '@reel/rail';
import { nextFrame, serverRails, settled, signInAsAlex, signOut } from '@reel/title-card/testing';
import '@reel/core/define';
import './define.js';
import type { ReelHome } from './reel-home.js';

const rails = (home: ReelHome) => [...home.shadowRoot!.querySelectorAll<ReelRail>('reel-rail')];

async function allRails(home: ReelHome, count: number): Promise<ReelRail[]> {
  await waitUntil(() => rails(home).length === count, `${count} rails render`, { timeout: 10000 });
  await Promise.all(rails(home).map((r) => r.updateComplete));
  return rails(home);
}

describe('<reel-home>', () => {
  describe('signed out', () => {
    let provider: ReelAuthProvider;
    let home: ReelHome;
    let expected: Rail[];
    before(async () => {
      await signOut();
      // Not a fixture (those are removed after each test): the tests share one page.
      provider = document.createElement('reel-auth-provider');
      provider.setAttribute('data-reel-theme', 'dark');
      document.body.append(provider);
      await settled(provider);
      home = document.createElement('reel-home');
      provider.append(home);
      expected = await serverRails(provider);
    });
    after(() => provider.remove());

    it('renders the server’s public rails, in the server’s order', async () => {
      const shown = await allRails(home, expected.length);
      expect(shown.map((r) => r.getAttribute('source'))).to.deep.equal(expected.map((r) => r.source));
      expect(shown.map((r) => r.titles.map((t) => t.id))).to.deep.equal(expected.map((r) => r.items.map((t) => t.id)));
      expect(shown.map((r) => r.shadowRoot!.querySelector('h2')!.textContent)).to.include('Trending now');
    });

    it('shows the top pick as the hero, and a sign-up call to action', async () => {
      await allRails(home, expected.length);
      const hero = home.shadowRoot!.querySelector<HTMLElement>('.hero')!;
      const pick = (await (await fetch('/api/v1/home/rails')).json()).hero as TitleSummary;
      expect(hero.querySelector('h2')!.textContent).to.equal(pick.name);
      expect(hero.querySelector('reel-button[data-action="play"]')!.getAttribute('href')).to.equal(`/watch/${pick.id}`);
      expect(hero.querySelector('reel-button[href^="/title/"]')!.getAttribute('href')).to.equal(`/title/${pick.id}`);
      expect(home.shadowRoot!.querySelector('.cta reel-button[variant="primary"]')!.getAttribute('href')).to.equal(
        '/sign-up',
      );
      // No My List without a profile.
      expect(hero.querySelector('[data-action="watchlist"]')).to.equal(null);
      await waitUntil(() => hero.querySelector('.hero__synopsis')!.textContent!.length > 0, 'the synopsis arrives');
    });

    it('is accessible', async function () {
      this.timeout(30000);
      await allRails(home, expected.length);
      await expect(provider).to.be.accessible();
    });
  });

  it('draws the first rails in the first frame and the rest right after, without a request when given data', async () => {
    const data = await (await fetch('/api/v1/home/rails?items_per_rail=40')).json();
    const many = {
      hero: data.hero,
      rails: [...data.rails, ...data.rails, ...data.rails].map((r: Rail, i: number) => ({ ...r, id: `${r.id}-${i}` })),
    };
    const before = performance.getEntriesByType('resource').filter((e) => e.name.includes('/home/rails')).length;
    const home = await fixture<ReelHome>(html`<reel-home .data=${many}></reel-home>`);
    const first = rails(home).length;
    expect(first).to.be.greaterThan(0);
    expect(first).to.be.lessThan(many.rails.length);
    await nextFrame();
    await allRails(home, many.rails.length);
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes('/home/rails')).length).to.equal(
      before,
    );
    // Every rail renders only the cards near its viewport.
    for (const rail of rails(home)) expect(rail.shadowRoot!.querySelectorAll('li').length).to.be.at.most(20);
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const data = await (await fetch('/api/v1/home/rails?items_per_rail=8')).json();
    const leaks = await mountMany(
      () => {
        const el = document.createElement('reel-home');
        el.data = data;
        return el;
      },
      { times: 20 },
    );
    expect([...leaks.keys()]).to.deep.equal([]);
  });

  describe('signed in as Alex', () => {
    let provider: ReelAuthProvider;
    let home: ReelHome;
    let expected: Rail[];
    before(async () => {
      provider = document.createElement('reel-auth-provider');
      provider.setAttribute('data-reel-theme', 'dark');
      document.body.append(provider);
      await signInAsAlex(await settled(provider));
      expected = await serverRails(provider);
      home = document.createElement('reel-home');
      provider.append(home);
    });
    after(async () => {
      provider.remove();
      await signOut();
    });

    it('renders Alex’s rails in the server’s order, Continue Watching first with progress', async () => {
      const shown = await allRails(home, expected.length);
      expect(shown.map((r) => r.getAttribute('source'))).to.deep.equal(expected.map((r) => r.source));
      expect(shown[0]!.getAttribute('source')).to.equal('continue-watching');
      expect(shown[0]!.shadowRoot!.querySelectorAll('progress').length).to.be.greaterThan(0);
      expect(shown.some((r) => r.getAttribute('kind') === 'because-you-watched')).to.equal(true);
      expect(home.shadowRoot!.querySelector('.cta')).to.equal(null);
      expect(home.shadowRoot!.querySelector('.hero [data-action="watchlist"]')).to.not.equal(null);
    });

    it('is accessible', async function () {
      this.timeout(30000);
      await allRails(home, expected.length);
      await expect(provider).to.be.accessible();
    });
  });
});
