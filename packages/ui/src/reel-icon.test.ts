import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import { svg } from 'lit';
import './define.js';
import { iconNames, registerIcons } from './icons.js';
import type { ReelIcon } from './reel-icon.js';

describe('reel-icon', () => {
  afterEach(() => setLocale('en'));

  it('draws every icon of the set as inline SVG, hidden from assistive technology', async () => {
    const names = iconNames();
    expect(names).to.include.members([
      'play',
      'pause',
      'plus',
      'check',
      'chevron-left',
      'chevron-right',
      'chevron-up',
      'chevron-down',
      'close',
      'search',
      'bell',
      'user',
      'settings',
      'volume',
      'volume-off',
      'fullscreen',
      'pip',
      'subtitles',
      'star',
      'thumbs-up',
      'thumbs-down',
      'trash',
      'drag-handle',
      'download',
      'info',
      'warning',
      'error',
    ]);
    const wrapper = await themedFixture<HTMLDivElement>(
      html`<div>${names.map((n) => html`<reel-icon name=${n}></reel-icon>`)}</div>`,
    );
    for (const icon of wrapper.querySelectorAll('reel-icon')) {
      await icon.updateComplete;
      const el = icon.shadowRoot!.querySelector('svg')!;
      expect(el.getAttribute('aria-hidden'), icon.name).to.equal('true');
      expect(el.childElementCount, icon.name).to.be.greaterThan(0);
    }
    await expect(wrapper).to.be.accessible();
  });

  it('is an image with a name when labelled', async () => {
    const el = await themedFixture<ReelIcon>(html`<reel-icon name="star" label="Rated 4 of 5"></reel-icon>`);
    const graphic = el.shadowRoot!.querySelector('svg')!;
    expect(graphic.getAttribute('role')).to.equal('img');
    expect(graphic.getAttribute('aria-label')).to.equal('Rated 4 of 5');
    await expect(el).to.be.accessible();
  });

  it('renders nothing for an unknown name, and icons registered later', async () => {
    const el = await themedFixture<ReelIcon>(html`<reel-icon name="four-k"></reel-icon>`);
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
    registerIcons({ 'four-k': { template: svg`<rect x="2" y="6" width="20" height="12" rx="2"/>` } });
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('svg rect')).to.exist;
  });

  it('mirrors directional icons in right-to-left text only', async () => {
    const wrapper = await themedFixture<HTMLDivElement>(
      html`<div><reel-icon name="chevron-right"></reel-icon><reel-icon name="play"></reel-icon></div>`,
    );
    const [chevron, play] = [...wrapper.querySelectorAll('reel-icon')] as [ReelIcon, ReelIcon];
    const transform = (icon: ReelIcon) => getComputedStyle(icon.shadowRoot!.querySelector('svg')!).transform;
    expect(transform(chevron)).to.equal('none');
    await setLocale('ar');
    await chevron.updateComplete;
    expect(transform(chevron)).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    expect(transform(play)).to.equal('none');
  });
});
