import { expect, html, oneEvent } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import './define.js';
import { deepActiveElement } from './popup.js';
import type { ReelDialog } from './reel-dialog.js';

const native = (el: ReelDialog) => el.shadowRoot!.querySelector('dialog')!;

async function mountWithOpener() {
  const wrapper = await themedFixture<HTMLDivElement>(html`<div>
    <button id="opener">Edit profile</button>
    <reel-dialog label="Edit profile">
      <reel-text-field label="Name" value="Ana"></reel-text-field>
      <reel-button slot="footer" id="cancel">Cancel</reel-button>
      <reel-button slot="footer" variant="primary">Save</reel-button>
    </reel-dialog>
  </div>`);
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  const dialog = wrapper.querySelector('reel-dialog')!;
  return { wrapper, opener, dialog };
}

async function open(opener: HTMLButtonElement, dialog: ReelDialog) {
  opener.focus();
  const opened = oneEvent(dialog, 'reel-dialog-open');
  dialog.show();
  await opened;
}

describe('reel-dialog', () => {
  afterEach(() => setLocale('en'));

  it('opens modally, named by its title, and focuses its first field', async () => {
    const { opener, dialog } = await mountWithOpener();
    await open(opener, dialog);
    expect(native(dialog).open).to.equal(true);
    expect(native(dialog).matches(':modal')).to.equal(true);
    expect(dialog.shadowRoot!.getElementById(native(dialog).getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Edit profile',
    );
    expect(deepActiveElement()?.localName).to.equal('input');
    await expect(dialog).to.be.accessible();
  });

  it('keeps focus inside while open (the page is inert)', async () => {
    const { opener, dialog } = await mountWithOpener();
    await open(opener, dialog);
    expect(opener.matches(':focus')).to.equal(false);
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      expect(active, `tab ${i}`).to.exist;
      expect(
        active!.getRootNode() === document ? dialog.contains(active) : true,
        `tab ${i}: ${active?.localName}`,
      ).to.equal(true);
    }
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      expect(active!.getRootNode() === document ? dialog.contains(active) : true, `shift+tab ${i}`).to.equal(true);
    }
    await sendKeys({ up: 'Shift' });
  });

  it('asks to close on Escape; the owner can refuse; focus returns to the opener', async () => {
    const { opener, dialog } = await mountWithOpener();
    await open(opener, dialog);
    const refuse = (e: Event) => e.preventDefault();
    dialog.addEventListener('reel-dialog-close-request', refuse, { once: true });
    const request = oneEvent(dialog, 'reel-dialog-close-request');
    await sendKeys({ press: 'Escape' });
    expect((await request).detail.source).to.equal('escape');
    await dialog.updateComplete;
    expect(native(dialog).open).to.equal(true);

    const closed = oneEvent(dialog, 'reel-dialog-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('closes with its close button, and on the backdrop with light-dismiss', async () => {
    const { opener, dialog } = await mountWithOpener();
    await open(opener, dialog);
    const request = oneEvent(dialog, 'reel-dialog-close-request');
    dialog
      .shadowRoot!.querySelector<HTMLElement>('[part="close-button"]')!
      .shadowRoot!.querySelector('button')!
      .click();
    expect((await request).detail.source).to.equal('close-button');
    await dialog.updateComplete;
    expect(native(dialog).open).to.equal(false);

    dialog.lightDismiss = true;
    await open(opener, dialog);
    const backdrop = oneEvent(dialog, 'reel-dialog-close-request');
    await sendMouse({ type: 'click', position: [3, 3] });
    expect((await backdrop).detail.source).to.equal('backdrop');
  });

  it('is an alert dialog described by its body when `alert`', async () => {
    const { opener, dialog } = await mountWithOpener();
    dialog.alert = true;
    await open(opener, dialog);
    expect(native(dialog).getAttribute('role')).to.equal('alertdialog');
    expect(native(dialog).getAttribute('aria-describedby')).to.equal('body');
    await expect(dialog).to.be.accessible();
  });

  it('puts its close button on the left in Arabic, and says "Close" in Spanish', async () => {
    const { opener, dialog } = await mountWithOpener();
    await setLocale('ar');
    await open(opener, dialog);
    const title = dialog.shadowRoot!.querySelector('.title')!.getBoundingClientRect();
    const close = dialog.shadowRoot!.querySelector('.close')!.getBoundingClientRect();
    expect(close.right).to.be.lessThan(title.left + 1);
    await setLocale('es');
    await dialog.updateComplete;
    const closeButton = dialog.shadowRoot!.querySelector('reel-icon-button')!;
    await closeButton.updateComplete;
    expect(closeButton.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('Cerrar');
  });

  it('closes when removed from the page, leaving nothing behind', async () => {
    const leaked = await mountMany(
      () => {
        const el = Object.assign(document.createElement('reel-dialog'), { label: 'x', open: true });
        el.textContent = 'Body';
        return el;
      },
      { times: 40 },
    );
    expect([...leaked]).to.deep.equal([]);
    expect(document.querySelector('dialog[open]')).to.equal(null);
  });

  it('lets Escape close an open select or menu inside it first', async () => {
    const wrapper = await themedFixture<HTMLDivElement>(html`<div>
      <button id="opener">Open</button>
      <reel-dialog label="Filters">
        <reel-select label="Genre" .options=${[{ value: 'a', label: 'Anime' }]}></reel-select>
        <reel-menu label="Sort"><reel-menu-item>Newest</reel-menu-item></reel-menu>
      </reel-dialog>
    </div>`);
    const dialog = wrapper.querySelector('reel-dialog')!;
    await open(wrapper.querySelector<HTMLButtonElement>('#opener')!, dialog);
    const select = wrapper.querySelector('reel-select')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await select.updateComplete;
    const listbox = select.shadowRoot!.querySelector('[role="listbox"]')!;
    expect(listbox.matches(':popover-open')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await select.updateComplete;
    expect(listbox.matches(':popover-open')).to.equal(false);
    expect(native(dialog).open).to.equal(true);

    const menu = wrapper.querySelector('reel-menu')!;
    menu.focus();
    await sendKeys({ press: 'Enter' });
    await menu.updateComplete;
    await sendKeys({ press: 'Escape' });
    await menu.updateComplete;
    expect(menu.shadowRoot!.querySelector('[role="menu"]')!.matches(':popover-open')).to.equal(false);
    expect(native(dialog).open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await dialog.updateComplete;
    expect(native(dialog).open).to.equal(false);
  });
});
