// Runs against the real reference API, signed in as the demo admin: delivery settings are edited
// (bad input keeps values), the signing secret is rotated with a grace period, and a signed
// delivery cookie is issued and revoked.
import { expect, waitUntil } from '@open-wc/testing';
import { adminCdnDeliveryGet, adminCdnDeliveryUpdate } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { signOut } from '@reel/title-card/testing';
import '@reel/core/define';
import '../define.js';
import './delivery.js';
import './cdn-cookies.js';
import type { ReelAdminCdnCookies } from './cdn-cookies.js';
import type { ReelAdminDelivery } from './delivery.js';
import { autoReauth, signInAsAdmin, themedPage } from './ops-testing.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;

describe('<reel-admin-delivery>', function () {
  this.timeout(60_000);
  let page: HTMLElement;
  let provider: ReelAuthProvider;

  before(async () => {
    await signOut();
    page = themedPage();
    provider = document.createElement('reel-auth-provider');
    page.append(provider);
    await signInAsAdmin(provider);
  });
  after(async () => {
    page.remove();
    await signOut();
  });

  it('edits lifetimes and rotates the secret with a grace period; accessible', async () => {
    const client = provider.session!.client;
    const original = await client.call(adminCdnDeliveryGet);
    const el = document.createElement('reel-admin-delivery') as ReelAdminDelivery;
    provider.append(el);
    const stopReauth = autoReauth(provider);
    try {
      await waitUntil(() => root(el).querySelector('.key-id'), 'the settings render', { timeout: 15000 });
      await expect(el).to.be.accessible();
      const field = (name: string) =>
        root(el).querySelector(`reel-text-field[name="${name}"]`) as HTMLElement & { value: string; error: string };
      const type = async (name: string, value: string) => {
        field(name).dispatchEvent(new CustomEvent('reel-input', { detail: { value } }));
        await el.updateComplete;
      };
      await type('token_lifetimes.signed_url_seconds', '5');
      (root(el).querySelector('reel-button.save') as HTMLElement).click();
      await waitUntil(() => field('token_lifetimes.signed_url_seconds').error, 'out of range is refused');
      expect(field('token_lifetimes.signed_url_seconds').value).to.equal('5');
      await type('token_lifetimes.signed_url_seconds', '900');
      (root(el).querySelector('reel-button.save') as HTMLElement).click();
      await waitUntil(
        async () => (await client.call(adminCdnDeliveryGet)).token_lifetimes.signed_url_seconds === 900,
        'saved',
      );

      const before = (root(el).querySelector('.key-id') as HTMLElement).textContent;
      (root(el).querySelector('reel-button.rotate') as HTMLElement).click();
      const dialog = root(el).querySelector('reel-dialog') as HTMLElement & { open: boolean };
      await waitUntil(() => dialog.open, 'the confirmation opens');
      (root(el).querySelector('reel-button.confirm-rotate') as HTMLElement).click();
      await waitUntil(
        () => (root(el).querySelector('.key-id') as HTMLElement).textContent !== before,
        'a new key is in use',
        {
          timeout: 10000,
        },
      );
      expect(root(el).textContent).to.contain('verifies until');
    } finally {
      const now = await client.call(adminCdnDeliveryGet);
      await client.call(adminCdnDeliveryUpdate, {
        body: {
          token_lifetimes: original.token_lifetimes,
          allowed_origins: original.allowed_origins,
          cache_policies: original.cache_policies,
          version: now.version,
        },
      });
      stopReauth();
      el.remove();
    }
  });
});

describe('<reel-admin-cdn-cookies>', function () {
  this.timeout(60_000);
  let page: HTMLElement;
  let provider: ReelAuthProvider;

  before(async () => {
    await signOut();
    page = themedPage();
    provider = document.createElement('reel-auth-provider');
    page.append(provider);
    await signInAsAdmin(provider);
  });
  after(async () => {
    page.remove();
    await signOut();
  });

  it('issues a cookie (value shown once), lists and revokes it; bad input keeps values; accessible', async () => {
    const el = document.createElement('reel-admin-cdn-cookies') as ReelAdminCdnCookies;
    provider.append(el);
    const stopReauth = autoReauth(provider);
    try {
      await waitUntil(() => root(el).querySelector('form') && root(el).querySelector('.toolbar'), 'the panel renders', {
        timeout: 15000,
      });
      const field = (name: string) =>
        root(el).querySelector(`reel-text-field[name="${name}"]`) as HTMLElement & { value: string; error: string };
      const type = async (name: string, value: string) => {
        field(name).dispatchEvent(new CustomEvent('reel-input', { detail: { value } }));
        await el.updateComplete;
      };
      await type('path_prefix', '/api/v1/');
      await type('note', 'browser test');
      (root(el).querySelector('reel-button.issue') as HTMLElement).click();
      await waitUntil(() => field('path_prefix').error, 'the prefix is refused');
      expect(field('note').value).to.equal('browser test');
      await type('path_prefix', '/media/ast_browser_test/');
      (root(el).querySelector('reel-button.issue') as HTMLElement).click();
      await waitUntil(() => root(el).querySelector('.issued-value'), 'the value is shown', { timeout: 10000 });
      expect(root(el).querySelector('.issued-value')?.textContent?.length).to.be.greaterThan(20);
      const dialogs = root(el).querySelectorAll('reel-dialog');
      (dialogs[0] as HTMLElement & { open: boolean }).open = false;
      await waitUntil(() => !root(el).querySelector('.issued-value'), 'the value is gone');
      await expect(el).to.be.accessible();
      const row = [...root(el).querySelectorAll('table.cookies tbody tr')].find((r) =>
        r.textContent?.includes('/media/ast_browser_test/'),
      ) as HTMLElement;
      expect(row.textContent).to.contain('active');
      (row.querySelector('reel-button') as HTMLElement).click();
      await waitUntil(() => (dialogs[1] as HTMLElement & { open: boolean }).open, 'the confirmation opens');
      (root(el).querySelector('reel-button.confirm-revoke') as HTMLElement).click();
      await waitUntil(
        () =>
          [...root(el).querySelectorAll('table.cookies tbody tr')]
            .find((r) => r.textContent?.includes('/media/ast_browser_test/'))
            ?.textContent?.includes('revoked'),
        'it is revoked',
        { timeout: 10000 },
      );
    } finally {
      stopReauth();
      el.remove();
    }
  });
});
