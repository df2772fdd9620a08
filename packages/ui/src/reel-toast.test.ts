import { aTimeout, expect, html, oneEvent } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { ReelToast } from './reel-toast.js';
import { announce, type ReelToastRegion, toast } from './reel-toast-region.js';

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const toasts = (region: ReelToastRegion) => [...region.shadowRoot!.querySelectorAll('reel-toast')];

describe('reel-toast and reel-toast-region', () => {
  afterEach(async () => {
    await setLocale('en');
    for (const region of document.querySelectorAll('reel-toast-region')) region.remove();
  });

  it('shows a toast in the top layer and announces it through a polite live region', async () => {
    const handle = toast({ message: 'Added to My List' });
    const region = document.querySelector('reel-toast-region')!;
    await region.updateComplete;
    await nextFrame();
    const status = region.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent).to.equal('Added to My List');
    expect(region.shadowRoot!.querySelector('.stack')!.matches(':popover-open')).to.equal(true);
    expect(toasts(region)).to.have.length(1);
    await expect(region).to.be.accessible();
    handle.dismiss();
    expect(await handle.closed).to.equal('dismiss');
  });

  it('announces errors assertively', async () => {
    toast({ message: 'Couldn’t save', variant: 'error' });
    const region = document.querySelector('reel-toast-region')!;
    await region.updateComplete;
    await nextFrame();
    expect(region.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Couldn’t save');
  });

  it('runs its action and reports why it closed', async () => {
    let undone = false;
    const handle = toast({ message: 'Removed', actionLabel: 'Undo', onAction: () => (undone = true) });
    const region = document.querySelector('reel-toast-region')!;
    await region.updateComplete;
    const item = toasts(region)[0] as ReelToast;
    await item.updateComplete;
    item.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!.click();
    expect(await handle.closed).to.equal('action');
    expect(undone).to.equal(true);
  });

  it('goes away after its duration, and Escape dismisses a focused toast', async () => {
    const timed = toast({ message: 'Saved', duration: 1000 });
    expect(await timed.closed).to.equal('timeout');
    const kept = toast({ message: 'Kept', duration: 0 });
    const region = document.querySelector('reel-toast-region')!;
    await region.updateComplete;
    const item = toasts(region)[0] as ReelToast;
    await item.updateComplete;
    item.shadowRoot!.querySelector('reel-icon-button')!.focus();
    await sendKeys({ press: 'Escape' });
    expect(await kept.closed).to.equal('dismiss');
  });

  it('keeps at most `max` toasts', async () => {
    for (let i = 0; i < 5; i++) toast({ message: `Toast ${i}`, duration: 0 });
    const region = document.querySelector('reel-toast-region')!;
    await region.updateComplete;
    expect(toasts(region).map((t) => t.getAttribute('message'))).to.deep.equal(['Toast 2', 'Toast 3', 'Toast 4']);
  });

  it('announces without a toast, and renders messages as text', async () => {
    announce('3 results');
    const region = document.querySelector('reel-toast-region')!;
    await region.updateComplete;
    await nextFrame();
    expect(region.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('3 results');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    toast({ message: hostile });
    await region.updateComplete;
    const item = toasts(region)[0] as ReelToast;
    await item.updateComplete;
    expect(item.shadowRoot!.querySelector('img')).to.equal(null);
    expect(item.shadowRoot!.textContent).to.contain(hostile);
  });

  it('passes axe as a standalone toast, and lays out right to left in Arabic', async () => {
    const el = await themedFixture<ReelToast>(
      html`<reel-toast duration="0" variant="success" message="تمت الإضافة" action-label="تراجع"></reel-toast>`,
    );
    await setLocale('ar');
    await el.updateComplete;
    const icon = el.shadowRoot!.querySelector('.icon')!.getBoundingClientRect();
    const dismiss = el.shadowRoot!.querySelector('.dismiss')!.getBoundingClientRect();
    expect(icon.left).to.be.greaterThan(dismiss.left);
    await expect(el).to.be.accessible();
    const dismissButton = el.shadowRoot!.querySelector('reel-icon-button')!;
    await dismissButton.updateComplete;
    expect(dismissButton.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('إغلاق الإشعار');
  });

  it('stops its timer when removed', async () => {
    const el = await themedFixture<ReelToast>(html`<reel-toast duration="1000" message="x"></reel-toast>`);
    let dismissed = false;
    el.addEventListener('reel-toast-dismiss', () => (dismissed = true));
    el.remove();
    await aTimeout(1200);
    expect(dismissed).to.equal(false);
    const leaked = await mountMany(() => Object.assign(document.createElement('reel-toast'), { message: 'x' }));
    expect([...leaked]).to.deep.equal([]);
  });

  it('fires reel-toast-dismiss with the reason', async () => {
    const el = await themedFixture<ReelToast>(html`<reel-toast duration="0" message="x"></reel-toast>`);
    const dismissed = oneEvent(el, 'reel-toast-dismiss');
    el.dismiss();
    expect((await dismissed).detail.reason).to.equal('dismiss');
    expect(el.hidden).to.equal(true);
  });
});
