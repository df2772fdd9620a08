import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { ReelIconButton } from './reel-icon-button.js';

const button = (el: ReelIconButton) => el.shadowRoot!.querySelector('button')!;

describe('reel-icon-button', () => {
  afterEach(() => setLocale('en'));

  it('is named by its label, with the icon hidden, and passes axe', async () => {
    const el = await themedFixture<ReelIconButton>(
      html`<reel-icon-button name="settings" label="Settings"></reel-icon-button>`,
    );
    expect(button(el).getAttribute('aria-label')).to.equal('Settings');
    expect(button(el).hasAttribute('aria-pressed')).to.equal(false);
    expect(el.shadowRoot!.querySelector('.tooltip')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('is a toggle whose owner decides: aria-pressed follows `pressed`', async () => {
    const el = await themedFixture<ReelIconButton>(
      html`<reel-icon-button toggle name="subtitles" label="Subtitles"></reel-icon-button>`,
    );
    expect(button(el).getAttribute('aria-pressed')).to.equal('false');
    el.addEventListener('click', () => {
      el.pressed = !el.pressed;
    });
    el.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button(el).getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.pressed).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows its tooltip on keyboard focus', async () => {
    const el = await themedFixture<ReelIconButton>(
      html`<reel-icon-button name="pip" label="Picture in picture"></reel-icon-button>`,
    );
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
    expect(button(el).matches(':focus-visible')).to.equal(true);
  });

  it('keeps its tooltip centred in right-to-left text', async () => {
    const el = await themedFixture<ReelIconButton>(
      html`<reel-icon-button name="pip" label="صورة داخل صورة"></reel-icon-button>`,
    );
    await setLocale('ar');
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    const tip = el.shadowRoot!.querySelector('.tooltip')!.getBoundingClientRect();
    const own = el.getBoundingClientRect();
    expect(Math.abs(tip.left + tip.width / 2 - (own.left + own.width / 2))).to.be.lessThan(2);
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const leaked = await mountMany(() =>
      Object.assign(document.createElement('reel-icon-button'), { name: 'play', label: 'Play' }),
    );
    expect([...leaked]).to.deep.equal([]);
  });
});
