import { expect, html, oneEvent } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { ReelTextField } from './reel-text-field.js';

const input = (el: ReelTextField) => el.shadowRoot!.querySelector<HTMLInputElement>('.control')!;

describe('reel-text-field', () => {
  afterEach(() => setLocale('en'));

  it('labels its input and describes it with help, error and counter', async () => {
    const el = await themedFixture<ReelTextField>(
      html`<reel-text-field label="Profile name" help-text="Shown on the profile picker." maxlength="20" value="Ana"></reel-text-field>`,
    );
    const control = input(el);
    expect(control.labels?.[0]?.textContent?.trim()).to.equal('Profile name');
    expect(control.getAttribute('aria-describedby')).to.equal('help counter');
    expect(control.getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.querySelector('#counter')!.textContent).to.equal('17 characters left');
    await expect(el).to.be.accessible();

    el.error = 'That name is taken.';
    await el.updateComplete;
    expect(control.getAttribute('aria-invalid')).to.equal('true');
    expect(control.getAttribute('aria-describedby')).to.equal('help error counter');
    expect(el.shadowRoot!.querySelector('#error')!.textContent).to.contain('That name is taken.');
    await expect(el).to.be.accessible();
  });

  it('takes typing, fires reel-input on each change and reel-change when committed', async () => {
    const el = await themedFixture<ReelTextField>(html`<reel-text-field label="Search"></reel-text-field>`);
    const inputs: string[] = [];
    el.addEventListener('reel-input', (e) => inputs.push(e.detail.value));
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    await sendKeys({ type: 'dune' });
    expect(el.value).to.equal('dune');
    expect(inputs).to.deep.equal(['d', 'du', 'dun', 'dune']);
    const changed = oneEvent(el, 'reel-change');
    input(el).blur();
    expect((await changed).detail.value).to.equal('dune');
  });

  it('submits, validates and resets with its form', async () => {
    const form = await themedFixture<HTMLFormElement>(html`<form>
      <reel-text-field name="email" label="Email" type="email" required value="ana@example.com"></reel-text-field>
    </form>`);
    const el = form.querySelector('reel-text-field')!;
    expect(new FormData(form).get('email')).to.equal('ana@example.com');
    expect(el.checkValidity()).to.equal(true);
    el.value = 'not an email';
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.typeMismatch).to.equal(true);
    el.value = '';
    await el.updateComplete;
    expect(el.validity.valueMissing).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('ana@example.com');
    expect(input(el).value).to.equal('ana@example.com');
  });

  it('shows a password on request, as a toggle button', async () => {
    const el = await themedFixture<ReelTextField>(
      html`<reel-text-field label="Password" type="password" revealable value="hunter2"></reel-text-field>`,
    );
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('.inline-button')!;
    expect(input(el).type).to.equal('password');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(input(el).type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('is a text area when multiline', async () => {
    const el = await themedFixture<ReelTextField>(
      html`<reel-text-field label="Review" multiline rows="3"></reel-text-field>`,
    );
    expect(input(el).localName).to.equal('textarea');
    await expect(el).to.be.accessible();
  });

  it('counts with the plural rules of the locale, right to left in Arabic', async () => {
    const el = await themedFixture<ReelTextField>(
      html`<reel-text-field label="Name" maxlength="5" value="abc"></reel-text-field>`,
    );
    await setLocale('es');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#counter')!.textContent).to.equal('Quedan 2 caracteres');
    await setLocale('ar');
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(el.shadowRoot!.querySelector('#counter')!.textContent).to.equal('بقي حرفان');
    const box = el.shadowRoot!.querySelector('.box')!.getBoundingClientRect();
    const counter = el.shadowRoot!.querySelector('#counter')!.getBoundingClientRect();
    expect(counter.left - box.left).to.be.lessThan(box.right - counter.right); // end edge is the left
  });

  it('renders user text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await themedFixture<ReelTextField>(
      html`<reel-text-field label=${hostile} error=${hostile} .value=${hostile}></reel-text-field>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.contain(hostile);
    expect(input(el).value).to.equal(hostile);
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const leaked = await mountMany(() => Object.assign(document.createElement('reel-text-field'), { label: 'Name' }));
    expect([...leaked]).to.deep.equal([]);
  });
});
