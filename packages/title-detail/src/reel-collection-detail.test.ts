// Runs against the real reference API (the test runner passes /api and /media to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import { themedFixture } from '@reel/core/testing';
import { signOut } from '@reel/title-card/testing';
import './define.js';
import type { ReelCollectionDetail } from './reel-collection-detail.js';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.grid .card')];

describe('<reel-collection-detail>', () => {
  before(signOut);

  async function mount(slug = 'reel-originals', pageSize = 48): Promise<ReelCollectionDetail> {
    const el = await themedFixture<ReelCollectionDetail>(
      html`<reel-collection-detail slug=${slug} page-size=${pageSize}></reel-collection-detail>`,
    );
    await waitUntil(() => $(el, 'h1'), 'the collection renders', { timeout: 8000 });
    return el;
  }

  it('shows the collection and every title as a card linking to its page', async () => {
    const el = await mount();
    const collection = await (await fetch('/api/v1/collections/reel-originals?limit=48')).json();
    expect($(el, 'h1')!.textContent).to.equal(collection.name);
    expect($(el, '.description')!.textContent).to.equal(collection.description);
    expect(cards(el).map((c) => c.querySelector('a')!.getAttribute('href'))).to.deep.equal(
      collection.items.map((t: { id: string }) => `/title/${t.id}`),
    );
  });

  it('loads the next page with "Show more"', async () => {
    const all = await (await fetch('/api/v1/collections/reel-originals?limit=100')).json();
    const el = await mount('reel-originals', 5);
    await waitUntil(() => cards(el).length === 5, 'the first page');
    $(el, '.more reel-button')!.click();
    await waitUntil(() => cards(el).length > 5, 'more titles', { timeout: 8000 });
    expect(cards(el).length).to.be.at.most(all.items.length);
    const ids = cards(el).map((c) => c.dataset.id);
    expect(new Set(ids).size, 'no title twice').to.equal(ids.length);
  });

  it('says so when the collection does not exist', async () => {
    const el = await themedFixture<ReelCollectionDetail>(
      html`<reel-collection-detail slug="no-such-collection"></reel-collection-detail>`,
    );
    await waitUntil(() => $(el, '.reel-state--empty'), 'not found', { timeout: 8000 });
  });

  it('is accessible', async function () {
    this.timeout(30000);
    const el = await mount();
    await expect(el).to.be.accessible();
  });
});
