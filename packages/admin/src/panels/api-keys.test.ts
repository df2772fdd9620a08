// Runs against the real reference API, signed in as the demo admin.
import { expect, waitUntil } from '@open-wc/testing';
import type { ReelAuthProvider } from '@reel/core';
import {
  adminProvider,
  confirmDialog,
  fill,
  mount,
  openRow,
  press,
  root,
  rowTexts,
  tick,
} from './platform-test-support.js';
import './api-keys.js';
import type { ReelAdminApiKeys } from './api-keys.js';

describe('<reel-admin-api-keys>', function () {
  this.timeout(60_000);
  let provider: ReelAuthProvider;
  let stop: () => Promise<void>;

  before(async () => {
    ({ provider, stop } = await adminProvider());
  });
  after(() => stop());

  const open = () =>
    mount<ReelAdminApiKeys>(provider, 'reel-admin-api-keys', (s) => s.querySelector('reel-admin-table'));

  it('creates a key with scopes and origins, shows the secret once with a copy button, and revokes it (confirmed)', async () => {
    const el = await open();
    await expect(el).to.be.accessible();
    press(root(el), 'New API key');
    const dialog = root(el).querySelector('reel-dialog') as HTMLElement & { open: boolean };
    await waitUntil(() => dialog.open, 'the form opens');
    const name = `Test site ${Date.now().toString(36)}`;
    await fill(dialog, 'name', name);
    await fill(dialog, 'allowed_origins', 'not an origin');
    press(dialog, 'Create key');
    await waitUntil(
      () => dialog.querySelector('reel-text-field[name="allowed_origins"]')?.getAttribute('error'),
      'origins refused',
    );
    expect((dialog.querySelector('reel-text-field[name="name"]') as HTMLElement & { value: string }).value).to.equal(
      name,
    );
    await fill(dialog, 'allowed_origins', 'https://test.example.com\nhttps://*.example.org');
    tick(dialog, 'catalog');
    await el.updateComplete;
    press(dialog, 'Create key');
    const secretDialog = root(el).querySelectorAll('reel-dialog')[1] as HTMLElement & { open: boolean };
    await waitUntil(() => secretDialog.open, 'the secret shows', { timeout: 15000 });
    const secret = secretDialog.querySelector('.secret code')?.textContent ?? '';
    expect(secret.length).to.be.greaterThan(20);
    expect([...secretDialog.querySelectorAll('reel-button')].some((b) => b.textContent?.includes('Copy'))).to.equal(
      true,
    );
    await expect(el).to.be.accessible();
    press(secretDialog, 'Done');
    await waitUntil(() => !secretDialog.open, 'closed');
    expect(root(el).textContent).not.to.include(secret);

    await waitUntil(() => rowTexts(el).some((t) => t.includes(name)), 'listed');
    openRow(el, name);
    await waitUntil(() => root(el).querySelector('#key-heading')?.textContent?.includes(name), 'the key opens', {
      timeout: 15000,
    });
    const card = root(el).querySelector('section.card') as HTMLElement;
    expect(card.textContent).to.include('https://*.example.org');
    expect(card.textContent).to.include('Never');
    press(card, 'Revoke');
    await confirmDialog(el, 'revoke');
    await waitUntil(() => rowTexts(el).some((t) => t.includes(name) && t.includes('Revoked')), 'revoked', {
      timeout: 15000,
    });
    el.remove();
  });
});
