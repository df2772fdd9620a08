import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import './define.js';
import type { ReelProgressBar } from './reel-progress-bar.js';

const bar = (el: ReelProgressBar) => el.shadowRoot!.querySelector<HTMLElement>('[role="progressbar"]')!;

describe('reel-progress-bar', () => {
  afterEach(() => setLocale('en'));

  it('is a named progressbar with its value, range and a localised value text', async () => {
    const el = await themedFixture<ReelProgressBar>(
      html`<reel-progress-bar label="Uploading" value="42" show-label></reel-progress-bar>`,
    );
    const node = bar(el);
    expect(node.getAttribute('aria-label')).to.equal('Uploading');
    expect(node.getAttribute('aria-valuenow')).to.equal('42');
    expect(node.getAttribute('aria-valuemin')).to.equal('0');
    expect(node.getAttribute('aria-valuemax')).to.equal('100');
    expect(node.getAttribute('aria-valuetext')).to.equal('42%');
    const fill = el.shadowRoot!.querySelector('.fill')!.getBoundingClientRect();
    expect(fill.width / node.getBoundingClientRect().width).to.be.closeTo(0.42, 0.01);
    await expect(el).to.be.accessible();
    await setLocale('es');
    await el.updateComplete;
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('42\u00a0%');
  });

  it('has no value while indeterminate', async () => {
    const el = await themedFixture<ReelProgressBar>(
      html`<reel-progress-bar label="Transcoding" indeterminate></reel-progress-bar>`,
    );
    expect(bar(el).hasAttribute('aria-valuenow')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('clamps its value and uses a custom value text', async () => {
    const el = await themedFixture<ReelProgressBar>(
      html`<reel-progress-bar label="Watched" value="70" max="48" value-text="48 of 48 min"></reel-progress-bar>`,
    );
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('48');
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('48 of 48 min');
  });

  it('fills from the right in Arabic, without a style attribute (strict CSP)', async () => {
    const el = await themedFixture<ReelProgressBar>(
      html`<reel-progress-bar label="تحميل" value="25"></reel-progress-bar>`,
    );
    await setLocale('ar');
    await el.updateComplete;
    const track = bar(el).getBoundingClientRect();
    const fill = el.shadowRoot!.querySelector('.fill')!.getBoundingClientRect();
    expect(Math.abs(fill.right - track.right)).to.be.lessThan(1);
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const leaked = await mountMany(() =>
      Object.assign(document.createElement('reel-progress-bar'), { label: 'x', value: 10 }),
    );
    expect([...leaked]).to.deep.equal([]);
  });
});
