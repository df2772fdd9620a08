import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { ReelSwitch } from './reel-switch.js';

const control = (el: ReelSwitch) => el.shadowRoot!.querySelector('button')!;

describe('reel-switch', () => {
  afterEach(() => setLocale('en'));

  it('is a switch with aria-checked, named by its label', async () => {
    const el = await themedFixture<ReelSwitch>(html`<reel-switch checked>Data saver</reel-switch>`);
    expect(control(el).getAttribute('role')).to.equal('switch');
    expect(control(el).getAttribute('aria-checked')).to.equal('true');
    expect(el.shadowRoot!.getElementById(control(el).getAttribute('aria-labelledby')!)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('toggles with Space, Enter and a click on its label, firing reel-change', async () => {
    const el = await themedFixture<ReelSwitch>(html`<reel-switch>Data saver</reel-switch>`);
    const seen: boolean[] = [];
    el.addEventListener('reel-change', (e) => seen.push(e.detail.checked ?? false));
    el.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    el.shadowRoot!.querySelector<HTMLElement>('[part="label"]')!.click();
    await el.updateComplete;
    expect(seen).to.deep.equal([true, false, true]);
    expect(control(el).getAttribute('aria-checked')).to.equal('true');
  });

  it('submits its value when on', async () => {
    const form = await themedFixture<HTMLFormElement>(
      html`<form><reel-switch name="saver" checked>Data saver</reel-switch></form>`,
    );
    expect(new FormData(form).get('saver')).to.equal('on');
  });

  it('moves its thumb to the left when on, in Arabic', async () => {
    const el = await themedFixture<ReelSwitch>(html`<reel-switch checked>توفير البيانات</reel-switch>`);
    await setLocale('ar');
    await el.updateComplete;
    const track = control(el).getBoundingClientRect();
    const thumb = el.shadowRoot!.querySelector('.thumb')!.getBoundingClientRect();
    expect(thumb.left - track.left).to.be.lessThan(track.right - thumb.right);
    await expect(el).to.be.accessible();
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const leaked = await mountMany(() => Object.assign(document.createElement('reel-switch'), { label: 'x' }));
    expect([...leaked]).to.deep.equal([]);
  });
});
