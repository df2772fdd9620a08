// Runs against the real reference API, signed in as the demo admin. The plan it creates has a
// unique code and nobody subscribes to it, so archiving it at the end deletes it (nothing left over).
import { expect, waitUntil } from '@open-wc/testing';
import type { ReelAuthProvider } from '@reel/core';
import { adminProvider, fill, mount, press, root } from './platform-test-support.js';
import './plans.js';
import type { ReelAdminPlans } from './plans.js';

type Field = HTMLElement & { value: string; updateComplete: Promise<unknown> };

describe('<reel-admin-plans>', function () {
  this.timeout(60_000);
  let provider: ReelAuthProvider;
  let stop: () => Promise<void>;

  before(async () => {
    ({ provider, stop } = await adminProvider());
  });
  after(() => stop());

  const crudOf = (el: Element) => root(el).querySelector('reel-admin-crud') as HTMLElement;
  const form = (el: Element) => crudOf(el).shadowRoot?.querySelector('form') as HTMLFormElement;
  const field = (el: Element, name: string) => form(el).querySelector(`[name="${name}"]`) as Field;
  const errorOf = (el: Element, name: string) => field(el, name)?.getAttribute('error') ?? '';
  // The records table lives in <reel-admin-crud>'s shadow root.
  const rows = (el: Element) => [
    ...(crudOf(el)?.shadowRoot?.querySelector('reel-admin-table')?.shadowRoot?.querySelectorAll('tbody tr') ?? []),
  ];
  const rowTexts = (el: Element) => rows(el).map((r) => r.textContent ?? '');
  const openRow = (el: Element, text: string) => {
    const row = rows(el).find((r) => r.textContent?.includes(text));
    if (!row) throw new Error(`no row with ${text}`);
    (row.querySelector('td') as HTMLElement).click();
  };

  it('lists the plans, keeps field errors beside their fields, creates, and archives behind a confirmation', async () => {
    const el = await mount<ReelAdminPlans>(provider, 'reel-admin-plans', (s) => s.querySelector('reel-admin-crud'));
    await waitUntil(() => rowTexts(el).some((r) => r.includes('Standard')), 'the plans list', { timeout: 15000 });
    expect(rowTexts(el).some((r) => r.includes('Basic') && r.includes('720p'))).to.equal(true);
    await expect(el).to.be.accessible();

    press(root(el), 'New plan');
    await waitUntil(() => form(el), 'the form opens');
    const code = `t-${Date.now().toString(36)}`;
    await fill(form(el), 'code', code);
    const name = `Student ${code}`;
    await fill(form(el), 'name', name);
    await fill(form(el), 'price.amount', '9.99');
    press(form(el), 'Save');
    // Checked with the contract's schema before sending: a fractional price, missing entitlements.
    await waitUntil(() => errorOf(el, 'price.amount'), 'the price is refused');
    expect(errorOf(el, 'entitlements.concurrent_streams')).to.not.equal('');
    expect(errorOf(el, 'name')).to.equal('');

    await fill(form(el), 'price.amount', '699');
    await fill(form(el), 'price.currency', 'xyz');
    await fill(form(el), 'entitlements.concurrent_streams', '1');
    await fill(form(el), 'entitlements.profiles', '1');
    await fill(form(el), 'entitlements.downloads', '0');
    press(form(el), 'Save');
    // The server knows no currency XYZ: its field error lands beside the currency, the form keeps what was typed.
    await waitUntil(() => errorOf(el, 'price.currency'), 'the currency is refused', { timeout: 15000 });
    expect(errorOf(el, 'price.amount')).to.equal('');
    expect(field(el, 'name').value).to.equal(name);
    expect(field(el, 'price.amount').value).to.equal('699');
    await expect(el).to.be.accessible();

    await fill(form(el), 'price.currency', 'EUR');
    press(form(el), 'Save');
    await waitUntil(() => rowTexts(el).some((r) => r.includes(name)), 'the new plan is listed', { timeout: 15000 });
    const row = rowTexts(el).find((r) => r.includes(name)) as string;
    expect(row).to.include('6.99');
    expect(row).to.include('On sale');

    openRow(el, name);
    await waitUntil(() => form(el), 'the edit form opens');
    expect(field(el, 'price.currency').value).to.equal('EUR');
    press(form(el), 'Archive');
    await waitUntil(() => crudOf(el).shadowRoot?.querySelector('reel-confirm-dialog'), 'the confirmation is asked');
    const confirmation = crudOf(el).shadowRoot?.querySelector('reel-confirm-dialog') as HTMLElement & {
      open: boolean;
      heading: string;
    };
    await waitUntil(() => confirmation.open, 'the confirmation opens');
    expect(confirmation.heading).to.equal(`Archive ${name}?`);
    expect(confirmation.shadowRoot?.textContent).to.include('Nobody is subscribed');
    await expect(el).to.be.accessible();
    (confirmation.shadowRoot as ShadowRoot).querySelector<HTMLElement>('[part~="confirm-button"]')?.click();
    await waitUntil(() => !rowTexts(el).some((r) => r.includes(name)), 'archived (unused: deleted)', {
      timeout: 15000,
    });
    el.remove();
  });
});
