import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import './define.js';
import type { ReelSpinner } from './reel-spinner.js';

const graphic = (el: ReelSpinner) => el.shadowRoot!.querySelector('svg')!;

describe('reel-spinner', () => {
  afterEach(() => setLocale('en'));

  it('is an indeterminate progressbar named "Loading…", in every locale', async () => {
    const el = await themedFixture<ReelSpinner>(html`<reel-spinner></reel-spinner>`);
    expect(graphic(el).getAttribute('role')).to.equal('progressbar');
    expect(graphic(el).getAttribute('aria-label')).to.equal('Loading…');
    expect(graphic(el).hasAttribute('aria-valuenow')).to.equal(false);
    await expect(el).to.be.accessible();
    await setLocale('es');
    await el.updateComplete;
    expect(graphic(el).getAttribute('aria-label')).to.equal('Cargando…');
    await setLocale('ar');
    await el.updateComplete;
    expect(graphic(el).getAttribute('aria-label')).to.equal('جارٍ التحميل…');
    expect(el.getAttribute('dir')).to.equal('rtl');
  });

  it('takes a label', async () => {
    const el = await themedFixture<ReelSpinner>(html`<reel-spinner label="Loading episodes"></reel-spinner>`);
    expect(graphic(el).getAttribute('aria-label')).to.equal('Loading episodes');
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    expect([...(await mountMany(() => document.createElement('reel-spinner')))]).to.deep.equal([]);
  });
});
