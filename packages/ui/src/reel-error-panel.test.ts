import { expect, html, oneEvent } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { ReelErrorPanel } from './reel-error-panel.js';

describe('reel-error-panel', () => {
  afterEach(() => setLocale('en'));

  it('is an alert with a message, a retry request and folded details', async () => {
    const el = await themedFixture<ReelErrorPanel>(
      html`<reel-error-panel message="We couldn't load your list." .error=${new Error('503 from /me/list')}></reel-error-panel>`,
    );
    const panel = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(panel.textContent).to.contain('Something went wrong').and.contain("We couldn't load your list.");
    expect(el.shadowRoot!.querySelector('details')!.open).to.equal(false);
    expect(el.shadowRoot!.querySelector('code')!.textContent).to.equal('503 from /me/list');
    await expect(el).to.be.accessible();
    const retry = oneEvent(el, 'reel-retry');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await retry;
  });

  it('can go without retry', async () => {
    const el = await themedFixture<ReelErrorPanel>(html`<reel-error-panel no-retry></reel-error-panel>`);
    expect(el.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
  });

  it('is translated, right to left in Arabic', async () => {
    const el = await themedFixture<ReelErrorPanel>(html`<reel-error-panel bordered></reel-error-panel>`);
    await setLocale('es');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Algo salió mal').and.contain('Reintentar');
    await setLocale('ar');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('حدث خطأ ما');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });
});
