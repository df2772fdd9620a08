import { expect, html, oneEvent } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import './define.js';
import type { ReelMenu } from './reel-menu.js';

const trigger = (el: ReelMenu) => el.shadowRoot!.querySelector<HTMLButtonElement>('#trigger')!;
const menu = (el: ReelMenu) => el.shadowRoot!.querySelector<HTMLElement>('[role="menu"]')!;
const focused = () =>
  document.activeElement?.localName === 'reel-menu-item'
    ? document.activeElement.textContent?.trim()
    : document.activeElement?.localName;

const mount = () =>
  themedFixture<ReelMenu>(html`<reel-menu icon="more" label="More actions">
    <reel-menu-item value="play">Play from start</reel-menu-item>
    <reel-menu-item value="list">Add to My List</reel-menu-item>
    <reel-menu-item value="download" disabled>Download</reel-menu-item>
    <reel-menu-item value="share">Share</reel-menu-item>
  </reel-menu>`);
const press = async (el: ReelMenu, key: string) => {
  await sendKeys({ press: key });
  await el.updateComplete;
};

describe('reel-menu', () => {
  afterEach(() => setLocale('en'));

  it('is a menu button: named, collapsed, controlling a menu of menuitems', async () => {
    const el = await mount();
    const button = trigger(el);
    expect(button.getAttribute('aria-label')).to.equal('More actions');
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-controls')).to.equal('menu');
    expect(menu(el).getAttribute('aria-labelledby')).to.equal('trigger');
    await expect(el).to.be.accessible();
  });

  it("shows custom trigger content (an avatar) and keeps `label` as the button's name", async () => {
    const el = await themedFixture<ReelMenu>(html`<reel-menu label="Account menu, Alex" variant="ghost">
      <span slot="trigger" class="avatar">A</span>
      <reel-menu-item value="sign-out">Sign out</reel-menu-item>
    </reel-menu>`);
    await el.updateComplete;
    const button = trigger(el);
    expect(button.getAttribute('aria-label')).to.equal('Account menu, Alex');
    const slot = button.querySelector<HTMLSlotElement>('slot[name="trigger"]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['A']);
    button.click();
    await el.updateComplete;
    expect(menu(el).matches(':popover-open')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('opens on Enter at the first item and on ArrowUp at the last; arrows wrap; Home and End', async () => {
    const el = await mount();
    el.focus();
    await press(el, 'Enter');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    expect(menu(el).matches(':popover-open')).to.equal(true);
    expect(focused()).to.equal('Play from start');
    await expect(el).to.be.accessible();
    await press(el, 'ArrowUp');
    expect(focused()).to.equal('Share');
    await press(el, 'ArrowDown');
    expect(focused()).to.equal('Play from start');
    await press(el, 'End');
    expect(focused()).to.equal('Share');
    await press(el, 'Home');
    expect(focused()).to.equal('Play from start');
    await press(el, 's');
    expect(focused()).to.equal('Share');
    await press(el, 'Escape');
    expect(menu(el).matches(':popover-open')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(trigger(el));
    await press(el, 'ArrowUp');
    expect(focused()).to.equal('Share');
  });

  it('chooses an item with Enter, Space or a click, fires reel-select and returns focus', async () => {
    const el = await mount();
    const chosen: string[] = [];
    el.addEventListener('reel-select', (e) => chosen.push(e.detail.value));
    el.focus();
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    expect(chosen).to.deep.equal(['list']);
    expect(el.shadowRoot!.activeElement).to.equal(trigger(el));
    await press(el, 'Space');
    await press(el, 'Space');
    trigger(el).click();
    await el.updateComplete;
    el.querySelector<HTMLElement>('[value="share"]')!.click();
    expect(chosen).to.deep.equal(['list', 'play', 'share']);
  });

  it('does not choose a disabled item, and Tab closes the menu', async () => {
    const el = await mount();
    el.focus();
    await press(el, 'ArrowDown');
    await press(el, 'd');
    expect(focused()).to.equal('Download');
    const chosen: string[] = [];
    el.addEventListener('reel-select', (e) => chosen.push(e.detail.value));
    await press(el, 'Enter');
    expect(chosen).to.deep.equal([]);
    expect(menu(el).matches(':popover-open')).to.equal(true);
    await press(el, 'Tab');
    expect(menu(el).matches(':popover-open')).to.equal(false);
  });

  it('closes on a click outside', async () => {
    const el = await mount();
    trigger(el).click();
    await el.updateComplete;
    expect(menu(el).matches(':popover-open')).to.equal(true);
    await sendMouse({ type: 'click', position: [700, 500] });
    await el.updateComplete;
    expect(menu(el).matches(':popover-open')).to.equal(false);
  });

  it('aligns the menu to the right edge of its button in Arabic', async () => {
    const el = await themedFixture<HTMLDivElement>(
      html`<div><reel-menu label="الترتيب"><reel-menu-item>الأحدث</reel-menu-item></reel-menu></div>`,
      { dir: 'rtl' },
    );
    const menuEl = el.querySelector('reel-menu')!;
    await setLocale('ar');
    await menuEl.updateComplete;
    menuEl.show();
    await menuEl.updateComplete;
    const b = trigger(menuEl).getBoundingClientRect();
    const m = menu(menuEl).getBoundingClientRect();
    expect(Math.abs(m.right - b.right)).to.be.lessThan(1);
  });

  it('leaves no listener behind, even after being opened', async () => {
    const leaked = await mountMany(
      () => {
        const el = Object.assign(document.createElement('reel-menu'), { label: 'More' });
        el.append(Object.assign(document.createElement('reel-menu-item'), { textContent: 'Share' }));
        el.updateComplete.then(() => el.show());
        return el;
      },
      { times: 50 },
    );
    expect([...leaked]).to.deep.equal([]);
  });

  it('fires a cancelable reel-select that keeps the menu open', async () => {
    const el = await mount();
    el.addEventListener('reel-select', (e) => e.preventDefault());
    el.show();
    await el.updateComplete;
    const selected = oneEvent(el, 'reel-select');
    el.querySelector<HTMLElement>('[value="play"]')!.click();
    await selected;
    expect(menu(el).matches(':popover-open')).to.equal(true);
  });
});
