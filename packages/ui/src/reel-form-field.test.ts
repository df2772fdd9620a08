import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import './define.js';
import type { ReelFormField } from './reel-form-field.js';

describe('reel-form-field', () => {
  afterEach(() => setLocale('en'));

  it('names and describes a native control across the shadow boundary', async () => {
    const el = await themedFixture<ReelFormField>(
      html`<reel-form-field label="Review" help-text="Plain text."><textarea></textarea></reel-form-field>`,
    );
    const control = el.querySelector('textarea')!;
    expect(control.getAttribute('aria-label')).to.equal('Review');
    expect(control.getAttribute('aria-description')).to.equal('Plain text.');
    expect(control.hasAttribute('aria-invalid')).to.equal(false);
    await expect(el).to.be.accessible();

    el.error = 'Too long.';
    await el.updateComplete;
    expect(control.getAttribute('aria-invalid')).to.equal('true');
    expect(control.getAttribute('aria-description')).to.equal('Too long. Plain text.');
    el.error = '';
    await el.updateComplete;
    expect(control.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('never overrides what the page set on the control', async () => {
    const el = await themedFixture<ReelFormField>(
      html`<reel-form-field label="Review"><input aria-label="Your review" /></reel-form-field>`,
    );
    expect(el.querySelector('input')!.getAttribute('aria-label')).to.equal('Your review');
  });

  it('focuses the control when its label is clicked', async () => {
    const el = await themedFixture<ReelFormField>(html`<reel-form-field label="Name"><input /></reel-form-field>`);
    el.shadowRoot!.querySelector<HTMLElement>('.label')!.click();
    expect(document.activeElement).to.equal(el.querySelector('input'));
  });

  it('is a labelled group of several controls with `group`', async () => {
    const el = await themedFixture<ReelFormField>(html`<reel-form-field label="Notify me about" group>
      <reel-checkbox>New episodes</reel-checkbox><reel-checkbox>Recommendations</reel-checkbox>
    </reel-form-field>`);
    await expect(el).to.be.accessible();
    expect(el.querySelector('reel-checkbox')!.hasAttribute('aria-label')).to.equal(false);
  });

  it('lays out right to left in Arabic', async () => {
    const el = await themedFixture<ReelFormField>(
      html`<reel-form-field label="مراجعة" required><input /></reel-form-field>`,
    );
    await setLocale('ar');
    await el.updateComplete;
    const label = el.shadowRoot!.querySelector('.label')!.getBoundingClientRect();
    const field = el.getBoundingClientRect();
    expect(field.right - label.right).to.be.lessThan(1);
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const leaked = await mountMany(() => {
      const el = Object.assign(document.createElement('reel-form-field'), { label: 'Name' });
      el.append(document.createElement('input'));
      return el;
    });
    expect([...leaked]).to.deep.equal([]);
  });
});
