import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { ReelEmptyState } from './reel-empty-state.js';

describe('reel-empty-state', () => {
  afterEach(() => setLocale('en'));

  it('has a heading, the explanation and a reachable call to action', async () => {
    const el = await themedFixture<ReelEmptyState>(html`<reel-empty-state heading="Your list is empty" icon="bookmark">
      Add films to watch later.
      <reel-button slot="actions" variant="primary">Browse films</reel-button>
    </reel-empty-state>`);
    const heading = el.shadowRoot!.querySelector('[role="heading"]')!;
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(heading.textContent).to.equal('Your list is empty');
    await expect(el).to.be.accessible();
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.textContent?.trim()).to.equal('Browse films');
  });

  it('says "Nothing here yet" by default, translated', async () => {
    const el = await themedFixture<ReelEmptyState>(html`<reel-empty-state></reel-empty-state>`);
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.textContent).to.equal('Nothing here yet');
    await setLocale('es');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.textContent).to.equal('Aún no hay nada aquí');
    await setLocale('ar');
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
  });
});
