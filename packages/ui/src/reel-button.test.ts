import { expect, html, oneEvent } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { ReelButton } from './reel-button.js';

const base = (el: ReelButton) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;

describe('reel-button', () => {
  afterEach(() => setLocale('en'));

  it('is a native button with its slotted label as name, and passes axe in every variant', async () => {
    const wrapper = await themedFixture<HTMLDivElement>(html`<div>
      ${['primary', 'secondary', 'inverse', 'ghost', 'outline', 'danger'].map(
        (variant) => html`<reel-button variant=${variant}>${variant}</reel-button>`,
      )}
    </div>`);
    for (const el of wrapper.querySelectorAll('reel-button')) {
      await el.updateComplete;
      expect(base(el).localName).to.equal('button');
    }
    await expect(wrapper).to.be.accessible();
  });

  it('passes axe in the light theme too', async () => {
    const wrapper = await themedFixture<HTMLDivElement>(
      html`<div>
        <reel-button variant="primary">Play</reel-button><reel-button>More info</reel-button
        ><reel-button variant="danger">Delete</reel-button>
      </div>`,
      { theme: 'light' },
    );
    await expect(wrapper).to.be.accessible();
  });

  it('activates with Enter and Space, and is focusable through the host', async () => {
    const el = await themedFixture<ReelButton>(html`<reel-button>Play</reel-button>`);
    let clicks = 0;
    el.addEventListener('click', () => clicks++);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(base(el));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(clicks).to.equal(2);
  });

  it('ignores presses while disabled or loading, and says it is busy', async () => {
    const el = await themedFixture<ReelButton>(html`<reel-button loading>Saving</reel-button>`);
    let clicks = 0;
    el.addEventListener('click', () => clicks++);
    base(el).click();
    expect(clicks).to.equal(0);
    expect(base(el).getAttribute('aria-disabled')).to.equal('true');
    el.loading = false;
    el.disabled = true;
    await el.updateComplete;
    base(el).click();
    expect(clicks).to.equal(0);
    expect((base(el) as HTMLButtonElement).disabled).to.equal(true);
  });

  it('submits and resets its form', async () => {
    const form = await themedFixture<HTMLFormElement>(html`<form>
      <input name="q" value="dune" />
      <reel-button type="submit">Search</reel-button>
      <reel-button type="reset">Clear</reel-button>
    </form>`);
    const [submit, reset] = form.querySelectorAll('reel-button');
    const submitted = oneEvent(form, 'submit');
    form.addEventListener('submit', (e) => e.preventDefault());
    base(submit!).click();
    await submitted;
    form.querySelector('input')!.value = 'alien';
    base(reset!).click();
    expect(form.querySelector('input')!.value).to.equal('dune');
  });

  it('renders a link when it has an href', async () => {
    const el = await themedFixture<ReelButton>(html`<reel-button href="/watch/1" variant="inverse">Play</reel-button>`);
    expect(base(el).localName).to.equal('a');
    expect(base(el).getAttribute('href')).to.equal('/watch/1');
    await expect(el).to.be.accessible();
  });

  it('lays out right to left in Arabic', async () => {
    const el = await themedFixture<ReelButton>(
      html`<reel-button><reel-icon slot="start" name="plus"></reel-icon>قائمتي</reel-button>`,
    );
    await setLocale('ar');
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    const icon = el.querySelector('reel-icon')!.getBoundingClientRect();
    const label = base(el).querySelector('.label')!.getBoundingClientRect();
    expect(icon.left).to.be.greaterThan(label.left); // the start icon sits on the right
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    const leaked = await mountMany(() => {
      const el = document.createElement('reel-button');
      el.textContent = 'Play';
      return el;
    });
    expect([...leaked]).to.deep.equal([]);
  });
});
