// Runs against the real reference API, signed in as the demo admin.
import { expect, waitUntil } from '@open-wc/testing';
import type { ReelAuthProvider } from '@reel/core';
import { adminProvider, confirmDialog, fill, mount, press, root, tick } from './platform-test-support.js';
import './permissions.js';
import type { ReelAdminPermissions } from './permissions.js';

describe('<reel-admin-permissions>', function () {
  this.timeout(60_000);
  let provider: ReelAuthProvider;
  let stop: () => Promise<void>;

  before(async () => {
    ({ provider, stop } = await adminProvider());
  });
  after(() => stop());

  const open = () =>
    mount<ReelAdminPermissions>(
      provider,
      'reel-admin-permissions',
      (s) => s.querySelectorAll('table.matrix tbody tr').length > 10,
    );

  it('shows every permission against every role, grouped, and is accessible', async () => {
    const el = await open();
    const text = root(el).querySelector('table.matrix')?.textContent ?? '';
    for (const name of ['staff.manage', 'jwks.manage', 'catalog.manage', 'reviews.moderate'])
      expect(text).to.include(name);
    for (const group of ['Content', 'Platform', 'Operations']) expect(text).to.include(group);
    expect(text).to.include('Administrator');
    await expect(el).to.be.accessible();
    // A built-in role opens read-only.
    press(root(el).querySelector('table.matrix thead') as HTMLElement, 'Moderator');
    await waitUntil(() => root(el).querySelector('#role-heading')?.textContent?.includes('read-only'), 'read-only');
    const boxes = [...root(el).querySelectorAll('form reel-checkbox')] as (HTMLElement & { disabled: boolean })[];
    expect(boxes.length).to.be.greaterThan(10);
    expect(boxes.every((b) => b.hasAttribute('disabled'))).to.equal(true);
    el.remove();
  });

  it('creates a custom role from checked permissions, edits and deletes it (confirmed)', async () => {
    const el = await open();
    press(root(el), 'New role');
    await waitUntil(() => root(el).querySelector('form reel-checkbox[value="audit.view"]'), 'the form opens');
    const form = root(el).querySelector('form') as HTMLFormElement;
    const key = `qa_${Date.now().toString(36)}`;
    await fill(form, 'name', 'Not A Key');
    await fill(form, 'label', 'QA lead');
    press(form, 'Save');
    await waitUntil(
      () => form.querySelector('reel-text-field[name="name"]')?.getAttribute('error'),
      'the key is refused',
    );
    await fill(form, 'name', key);
    tick(form, 'audit.view');
    tick(form, 'assets.manage');
    await el.updateComplete;
    press(form, 'Save');
    await waitUntil(
      () =>
        root(el).querySelector('table.matrix thead')?.textContent?.includes('QA lead') &&
        !root(el).querySelector('form'),
      'the role is created',
      { timeout: 15000 },
    );
    await expect(el).to.be.accessible();
    const headers = [...root(el).querySelectorAll('table.matrix thead reel-button')];
    (headers.at(-1) as HTMLElement).click();
    await waitUntil(() => root(el).querySelector('#role-heading')?.textContent?.includes('QA lead'), 'editing');
    const edit = root(el).querySelector('form') as HTMLFormElement;
    press(edit, 'Delete');
    await confirmDialog(el, 'delete');
    await waitUntil(() => !root(el).querySelector('table.matrix thead')?.textContent?.includes('QA lead'), 'deleted', {
      timeout: 15000,
    });
    el.remove();
  });
});
