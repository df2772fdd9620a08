import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import './define.js';
import type { ReelBadge } from './reel-badge.js';

const variants = ['neutral', 'accent', 'success', 'warning', 'danger', 'info', 'outline'];

describe('reel-badge', () => {
  afterEach(() => setLocale('en'));

  for (const theme of ['dark', 'light'] as const) {
    it(`reads as text with enough contrast in every variant (${theme})`, async () => {
      const wrapper = await themedFixture<HTMLDivElement>(
        html`<div>${variants.map((v) => html`<reel-badge variant=${v} ?dot=${v === 'danger'}>${v}</reel-badge>`)}</div>`,
        { theme },
      );
      expect(wrapper.querySelector('reel-badge')!.textContent).to.equal('neutral');
      await expect(wrapper).to.be.accessible();
    });
  }

  it('puts its dot on the right in Arabic', async () => {
    const el = await themedFixture<ReelBadge>(html`<reel-badge dot variant="danger">مباشر</reel-badge>`);
    await setLocale('ar');
    await el.updateComplete;
    const dot = el.shadowRoot!.querySelector('.dot')!.getBoundingClientRect();
    expect(dot.left - el.getBoundingClientRect().left).to.be.greaterThan(el.getBoundingClientRect().width / 2);
  });
});
