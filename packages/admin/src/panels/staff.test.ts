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
import './staff.js';
import type { ReelAdminStaff } from './staff.js';

describe('<reel-admin-staff>', function () {
  this.timeout(60_000);
  let provider: ReelAuthProvider;
  let stop: () => Promise<void>;

  before(async () => {
    ({ provider, stop } = await adminProvider());
  });
  after(() => stop());

  const open = () =>
    mount<ReelAdminStaff>(provider, 'reel-admin-staff', (s) => s.querySelector('reel-admin-table')).then(async (el) => {
      await waitUntil(() => rowTexts(el).some((t) => t.includes('admin@reel.test')), 'the staff list loads', {
        timeout: 15000,
      });
      return el;
    });

  it('lists staff with role and status, and is accessible', async () => {
    const el = await open();
    const row = rowTexts(el).find((t) => t.includes('admin@reel.test')) as string;
    expect(row).to.include('Administrator');
    expect(row).to.include('Active');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('invites by email (the form keeps its values on errors), then deactivates and reactivates with a confirmation', async () => {
    const el = await open();
    press(root(el), 'Invite');
    const dialog = root(el).querySelector('reel-dialog') as HTMLElement & { open: boolean };
    await waitUntil(() => dialog.open, 'the invite dialog opens');
    await waitUntil(() => dialog.querySelector('reel-checkbox[value="analyst"]'), 'the roles load');
    const email = `invitee-${Date.now().toString(36)}@reel.test`;
    await fill(dialog, 'email', email);
    press(dialog, 'Send invitation');
    await waitUntil(() => dialog.querySelector('.error-text')?.textContent?.includes('role'), 'asks for a role');
    expect((dialog.querySelector('reel-text-field[name="email"]') as HTMLElement & { value: string }).value).to.equal(
      email,
    );
    await expect(el).to.be.accessible();
    tick(dialog, 'analyst');
    await el.updateComplete;
    press(dialog, 'Send invitation');
    await waitUntil(() => !dialog.open, 'the invitation is sent', { timeout: 15000 });
    await waitUntil(() => root(el).querySelector('#member-heading'), 'the new member opens');
    const card = root(el).querySelector('section.card') as HTMLElement;
    expect(card.textContent).to.include(email);
    expect(card.textContent).to.include('Invited');
    await waitUntil(() => rowTexts(el).some((t) => t.includes(email)), 'the list shows the invitation');

    press(card, 'Deactivate');
    await confirmDialog(el, 'deactivate');
    await waitUntil(
      () =>
        [...(root(el).querySelector('section.card')?.querySelectorAll('reel-button:not([disabled])') ?? [])].some((b) =>
          b.textContent?.includes('Reactivate'),
        ),
      'deactivated',
      { timeout: 15000 },
    );
    press(root(el).querySelector('section.card') as HTMLElement, 'Reactivate');
    await confirmDialog(el, 'reactivate');
    await waitUntil(
      () =>
        [...(root(el).querySelector('section.card')?.querySelectorAll('reel-button:not([disabled])') ?? [])].some((b) =>
          b.textContent?.includes('Deactivate'),
        ),
      'reactivated',
      { timeout: 15000 },
    );
    el.remove();
  });

  it('opens a member and changes their roles', async () => {
    const el = await open();
    await waitUntil(() => rowTexts(el).some((t) => t.includes('invitee-')), 'an invited member is listed');
    const text = rowTexts(el).find((t) => t.includes('invitee-')) as string;
    const email = /invitee-[a-z0-9]+@reel\.test/.exec(text)?.[0] as string;
    openRow(el, email);
    await waitUntil(() => root(el).querySelector('#member-heading'), 'the member opens');
    const card = root(el).querySelector('section.card') as HTMLElement;
    await waitUntil(() => card.querySelector('reel-checkbox[value="moderator"]'), 'roles render');
    tick(card, 'moderator');
    await el.updateComplete;
    press(card, 'Save roles');
    await waitUntil(() => rowTexts(el).some((t) => t.includes(email) && t.includes('Moderator')), 'the role is saved', {
      timeout: 15000,
    });
    el.remove();
  });
});
