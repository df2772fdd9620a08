import { expect, html, oneEvent } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { ReelTab } from './reel-tab.js';
import type { ReelTabPanel } from './reel-tab-panel.js';
import type { ReelTabs } from './reel-tabs.js';

const mount = (activation: 'auto' | 'manual' = 'auto') =>
  themedFixture<ReelTabs>(html`<reel-tabs label="Title details" activation=${activation}>
    <reel-tab slot="nav" panel="episodes">Episodes</reel-tab>
    <reel-tab slot="nav" panel="more">More like this</reel-tab>
    <reel-tab slot="nav" panel="trailers" disabled>Trailers</reel-tab>
    <reel-tab slot="nav" panel="details">Details</reel-tab>
    <reel-tab-panel name="episodes">Episode list</reel-tab-panel>
    <reel-tab-panel name="more">Similar titles</reel-tab-panel>
    <reel-tab-panel name="trailers">Trailers</reel-tab-panel>
    <reel-tab-panel name="details">Cast and crew</reel-tab-panel>
  </reel-tabs>`);
const tabs = (el: ReelTabs) => [...el.querySelectorAll('reel-tab')];
const panels = (el: ReelTabs) => [...el.querySelectorAll('reel-tab-panel')];
const visible = (el: ReelTabs) =>
  panels(el)
    .filter((p) => !p.hidden)
    .map((p) => p.getAttribute('name'));
const press = async (el: ReelTabs, key: string) => {
  await sendKeys({ press: key });
  await el.updateComplete;
};

describe('reel-tabs', () => {
  afterEach(() => setLocale('en'));

  it('wires tabs and panels together, with one tab in the Tab order', async () => {
    const el = await mount();
    expect(el.value).to.equal('episodes');
    expect(el.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('Title details');
    const [first, second] = tabs(el) as [ReelTab, ReelTab];
    const [panel] = panels(el) as [ReelTabPanel];
    expect(first.getAttribute('aria-controls')).to.equal(panel.id);
    expect(panel.getAttribute('aria-labelledby')).to.equal(first.id);
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    expect(first.selected).to.equal(true);
    expect(second.selected).to.equal(false);
    expect(visible(el)).to.deep.equal(['episodes']);
    await expect(el).to.be.accessible();
  });

  it('moves with the arrow keys, skipping disabled tabs, showing each panel (automatic activation)', async () => {
    const el = await mount();
    const changes: string[] = [];
    el.addEventListener('reel-tab-change', (e) => changes.push(e.detail.name));
    tabs(el)[0]!.focus();
    await press(el, 'ArrowRight');
    expect(document.activeElement?.textContent).to.equal('More like this');
    await press(el, 'ArrowRight');
    expect(document.activeElement?.textContent).to.equal('Details');
    expect(visible(el)).to.deep.equal(['details']);
    await press(el, 'ArrowRight');
    expect(document.activeElement?.textContent).to.equal('Episodes');
    await press(el, 'End');
    await press(el, 'Home');
    await press(el, 'ArrowLeft');
    expect(document.activeElement?.textContent).to.equal('Details');
    expect(changes).to.deep.equal(['more', 'details', 'episodes', 'details', 'episodes', 'details']);
  });

  it('waits for Enter or Space with manual activation', async () => {
    const el = await mount('manual');
    tabs(el)[0]!.focus();
    await press(el, 'ArrowRight');
    expect(document.activeElement?.textContent).to.equal('More like this');
    expect(visible(el)).to.deep.equal(['episodes']);
    await press(el, 'Enter');
    expect(visible(el)).to.deep.equal(['more']);
  });

  it('selects on click', async () => {
    const el = await mount();
    const changed = oneEvent(el, 'reel-tab-change');
    tabs(el)[3]!.click();
    expect((await changed).detail.name).to.equal('details');
    expect(document.activeElement).to.equal(tabs(el)[3]);
  });

  it('mirrors the arrow keys in Arabic', async () => {
    const el = await mount();
    await setLocale('ar');
    await el.updateComplete;
    tabs(el)[0]!.focus();
    await press(el, 'ArrowLeft');
    expect(document.activeElement?.textContent).to.equal('More like this');
    const [a, b] = tabs(el).map((t) => t.getBoundingClientRect()) as [DOMRect, DOMRect];
    expect(a.left).to.be.greaterThan(b.left); // the first tab is on the right
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const leaked = await mountMany(() => {
      const el = document.createElement('reel-tabs');
      el.append(Object.assign(document.createElement('reel-tab'), { slot: 'nav', panel: 'a', textContent: 'A' }));
      el.append(Object.assign(document.createElement('reel-tab-panel'), { name: 'a', textContent: 'Panel' }));
      return el;
    });
    expect([...leaked]).to.deep.equal([]);
  });
});
