import { expect, html, oneEvent } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import { deepActiveElement } from './popup.js';
import type { ReelConfirmDialog } from './reel-confirm-dialog.js';

const part = (el: ReelConfirmDialog, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
const confirmButton = (el: ReelConfirmDialog) =>
  part(el, 'confirm-button').shadowRoot!.querySelector<HTMLButtonElement>('button')!;

async function settle(el: ReelConfirmDialog) {
  await el.updateComplete;
  const dialog = part(el, 'dialog') as HTMLElement & { updateComplete: Promise<unknown> };
  await dialog.updateComplete;
}

describe('reel-confirm-dialog', () => {
  afterEach(() => setLocale('en'));

  it('enables the destructive button only once the confirmation word is typed', async () => {
    const el = await themedFixture<ReelConfirmDialog>(
      html`<reel-confirm-dialog heading="Delete the Kids profile?" confirm-text="Kids" confirm-label="Delete" danger
        >Its history will be deleted.</reel-confirm-dialog
      >`,
    );
    const answer = el.ask();
    await settle(el);
    expect(deepActiveElement()?.localName).to.equal('input'); // focus starts on the field
    expect(confirmButton(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'kids' });
    await settle(el);
    expect(confirmButton(el).disabled).to.equal(true); // exact match only
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'Kids' });
    await settle(el);
    expect(confirmButton(el).disabled).to.equal(false);
    const confirmed = oneEvent(el, 'reel-confirm');
    await sendKeys({ press: 'Enter' });
    await confirmed;
    expect(await answer).to.equal(true);
    expect(el.open).to.equal(false);
  });

  it('focuses Cancel (never the destructive action) and resolves false on Escape', async () => {
    const el = await themedFixture<ReelConfirmDialog>(
      html`<reel-confirm-dialog heading="Sign out of every device?" confirm-label="Sign out everywhere"></reel-confirm-dialog>`,
    );
    const answer = el.ask();
    await settle(el);
    const focusedHost = (deepActiveElement()!.getRootNode() as ShadowRoot).host;
    expect(focusedHost.getAttribute('part')).to.equal('cancel-button');
    const cancelled = oneEvent(el, 'reel-cancel');
    await sendKeys({ press: 'Escape' });
    await cancelled;
    expect(await answer).to.equal(false);
  });

  it('stays open and busy when the owner takes over the confirmation', async () => {
    const el = await themedFixture<ReelConfirmDialog>(
      html`<reel-confirm-dialog heading="Clear My List?"></reel-confirm-dialog>`,
    );
    el.addEventListener('reel-confirm', (e) => {
      e.preventDefault();
      el.busy = true;
    });
    void el.ask();
    await settle(el);
    confirmButton(el).click();
    await settle(el);
    expect(el.open).to.equal(true);
    expect(el.busy).to.equal(true);
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('true');
  });

  it('speaks Spanish and Arabic', async () => {
    const el = await themedFixture<ReelConfirmDialog>(
      html`<reel-confirm-dialog heading="x" confirm-text="Kids"></reel-confirm-dialog>`,
    );
    await setLocale('es');
    void el.ask();
    await settle(el);
    const field = el.shadowRoot!.querySelector('reel-text-field')!;
    expect(field.label).to.equal('Escribe “Kids” para confirmar');
    expect(part(el, 'cancel-button').textContent!.trim()).to.equal('Cancelar');
    await setLocale('ar');
    await settle(el);
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(part(el, 'cancel-button').textContent!.trim()).to.equal('إلغاء');
  });
});
