// Runs against the real reference API, signed in as the demo admin. Rotating and retiring change
// the key that signs the admin's own token: the session refreshes and goes on.
import { expect, waitUntil } from '@open-wc/testing';
import type { ReelAuthProvider } from '@reel/core';
import { adminProvider, confirmDialog, mount, press, root } from './platform-test-support.js';
import './jwks.js';
import type { ReelAdminJwks } from './jwks.js';

const states = (el: Element) =>
  [...root(el).querySelectorAll('li.key')].map((li) => [
    li.getAttribute('data-state'),
    li.querySelector('.kid span')?.textContent,
  ]);

describe('<reel-admin-jwks>', function () {
  this.timeout(60_000);
  let provider: ReelAuthProvider;
  let stop: () => Promise<void>;

  before(async () => {
    ({ provider, stop } = await adminProvider());
  });
  after(() => stop());

  it('shows the keys with state badges, rotates and retires with a confirmation, and is accessible', async () => {
    const el = await mount<ReelAdminJwks>(provider, 'reel-admin-jwks', (s) => s.querySelector('li.key'));
    const before = states(el);
    const active = before.find(([s]) => s === 'active')?.[1];
    const next = before.find(([s]) => s === 'next')?.[1];
    expect(active).to.be.a('string');
    expect(next).to.be.a('string');
    await expect(el).to.be.accessible();

    press(root(el), 'Rotate');
    await confirmDialog(el, 'rotate');
    await waitUntil(() => states(el).some(([s, kid]) => s === 'active' && kid === next), 'rotated', { timeout: 15000 });
    expect(states(el).find(([, kid]) => kid === active)?.[0]).to.equal('retiring');

    const retiring = [...root(el).querySelectorAll('li.key')].find(
      (li) => li.querySelector('.kid span')?.textContent === active,
    ) as HTMLElement;
    press(retiring, 'Retire');
    await confirmDialog(el, 'retire');
    await waitUntil(() => states(el).some(([s, kid]) => s === 'retired' && kid === active), 'retired', {
      timeout: 15000,
    });
    await expect(el).to.be.accessible();
    el.remove();
  });
});
