import { expect, html, oneEvent } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { ReelCheckbox } from './reel-checkbox.js';

const input = (el: ReelCheckbox) => el.shadowRoot!.querySelector('input')!;

describe('reel-checkbox', () => {
  afterEach(() => setLocale('en'));

  it('is a native checkbox named by its slotted label, and passes axe', async () => {
    const el = await themedFixture<ReelCheckbox>(
      html`<reel-checkbox help-text="Starts the next episode.">Autoplay</reel-checkbox>`,
    );
    expect(input(el).type).to.equal('checkbox');
    expect(input(el).getAttribute('aria-labelledby')).to.equal('text');
    expect(input(el).getAttribute('aria-describedby')).to.equal('help');
    await expect(el).to.be.accessible();
  });

  it('toggles with Space and with a click on its label, firing reel-change', async () => {
    const el = await themedFixture<ReelCheckbox>(html`<reel-checkbox value="autoplay">Autoplay</reel-checkbox>`);
    el.focus();
    const changed = oneEvent(el, 'reel-change');
    await sendKeys({ press: 'Space' });
    expect((await changed).detail).to.deep.equal({ value: 'autoplay', checked: true });
    expect(el.checked).to.equal(true);
    el.shadowRoot!.querySelector<HTMLElement>('[part="label"]')!.click();
    await el.updateComplete;
    expect(el.checked).to.equal(false);
  });

  it('shows a mixed state', async () => {
    const el = await themedFixture<ReelCheckbox>(html`<reel-checkbox indeterminate>All profiles</reel-checkbox>`);
    expect(input(el).indeterminate).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('submits its value when checked, requires and resets with its form', async () => {
    const form = await themedFixture<HTMLFormElement>(
      html`<form><reel-checkbox name="terms" value="yes" required>I agree</reel-checkbox></form>`,
    );
    const el = form.querySelector('reel-checkbox')!;
    expect(new FormData(form).has('terms')).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    el.checked = true;
    await el.updateComplete;
    expect(new FormData(form).get('terms')).to.equal('yes');
    expect(el.checkValidity()).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(el.checked).to.equal(false);
  });

  it('follows a disabled fieldset', async () => {
    const form = await themedFixture<HTMLFormElement>(
      html`<form><fieldset disabled><reel-checkbox>x</reel-checkbox></fieldset></form>`,
    );
    const el = form.querySelector('reel-checkbox')!;
    await el.updateComplete;
    expect(input(el).disabled).to.equal(true);
  });

  it('puts the box on the right in Arabic', async () => {
    const el = await themedFixture<ReelCheckbox>(html`<reel-checkbox>تشغيل تلقائي</reel-checkbox>`);
    await setLocale('ar');
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector('.control')!.getBoundingClientRect();
    const label = el.shadowRoot!.querySelector('[part="label"]')!.getBoundingClientRect();
    expect(box.left).to.be.greaterThan(label.left);
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const leaked = await mountMany(() => Object.assign(document.createElement('reel-checkbox'), { label: 'x' }));
    expect([...leaked]).to.deep.equal([]);
  });
});
