// Runs against the real reference API (the test runner passes /api to it; re-auth lasts 3 s there).
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { profilesCreate, profilesList } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import type { ReelConfirmDialog, ReelDialog, ReelSwitch, ReelTextField } from '@reel/ui';
import './define.js';
import '@reel/core/define';
import type { ReelProfileManager } from './reel-profile-manager.js';

const PASSWORD = 'lantern-harbour-meadow-42';
const uniqueEmail = () => `manager-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function setup() {
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'include' });
  const provider = await themedFixture<ReelAuthProvider>(
    html`<reel-auth-provider api-base="/api/v1"><div id="slot"></div></reel-auth-provider>`,
  );
  await waitUntil(() => provider.status !== 'loading', 'settled', { timeout: 8000 });
  const session = provider.session;
  if (!session) throw new Error('no session');
  await session.signUp({ email: uniqueEmail(), password: PASSWORD, display_name: 'Morgan', accept_terms: true });
  const manager = document.createElement('reel-profile-manager');
  provider.querySelector('#slot')?.append(manager);
  await waitUntil(() => tiles(manager).length === 1, 'the tiles', { timeout: 8000 });
  return { provider, manager, session };
}

const tiles = (m: ReelProfileManager) => [
  ...(m.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.tile[data-profile]') ?? []),
];
const editor = (m: ReelProfileManager) =>
  m.shadowRoot?.querySelector('reel-dialog[part="editor"]') as ReelDialog | null;
const nameField = (m: ReelProfileManager) =>
  m.shadowRoot?.querySelector('reel-text-field[name="name"]') as ReelTextField;
const footerButton = (m: ReelProfileManager, text: string) =>
  [...(m.shadowRoot?.querySelectorAll<HTMLElement>('reel-button[slot="footer"]') ?? [])].find((b) =>
    b.textContent?.includes(text),
  );

async function typeName(m: ReelProfileManager, value: string) {
  const field = nameField(m);
  await field.updateComplete;
  const input = field.shadowRoot?.querySelector('input') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await m.updateComplete;
}

/** Answers the provider's re-authentication prompt, if the server asks for one. */
async function answerReauth(provider: ReelAuthProvider, until: () => boolean) {
  await waitUntil(
    () => {
      const dialog = provider.shadowRoot?.querySelector('dialog[open]');
      if (dialog) {
        (dialog.querySelector('input') as HTMLInputElement).value = PASSWORD;
        dialog.querySelector('form')?.requestSubmit();
      }
      return until();
    },
    'done (after re-authenticating if asked)',
    { timeout: 10_000 },
  );
}

describe('<reel-profile-manager> with the real API', function () {
  // Each test signs up a new account and hashes PINs and passwords on a shared, 2-core machine.
  this.timeout(30_000);
  it('adds a kids profile, edits it, refuses a duplicate name at the field, and deletes after confirming', async () => {
    const { provider, manager } = await setup();
    await expect(manager).to.be.accessible();
    expect(tiles(manager)[0]?.querySelector('.overlay'), 'edit overlays in manage mode').to.exist;

    // Add.
    manager.shadowRoot?.querySelector<HTMLElement>('.tile.add')?.click();
    await waitUntil(() => editor(manager)?.open, 'the editor opens', { timeout: 5000 });
    await expect(manager).to.be.accessible();
    await typeName(manager, 'Kiddo');
    const kidsSwitch = manager.shadowRoot?.querySelector('reel-switch[name="kids"]') as ReelSwitch;
    kidsSwitch.shadowRoot?.querySelector<HTMLElement>('[role="switch"]')?.click();
    await manager.updateComplete;
    const created = oneEvent(manager, 'reel-profile-created');
    footerButton(manager, 'Save')?.click();
    const { profile } = (await created).detail;
    expect(profile.name).to.equal('Kiddo');
    expect(profile.is_kids).to.equal(true);
    expect(profile.maturity_level).to.be.at.most(12);
    await waitUntil(() => tiles(manager).length === 2, 'the new tile');

    // Edit: a name already used is refused at the field, and what was typed stays.
    tiles(manager)
      .find((t) => t.dataset.profile === profile.id)
      ?.click();
    await waitUntil(() => editor(manager)?.open, 'the editor opens', { timeout: 5000 });
    await typeName(manager, 'Morgan');
    footerButton(manager, 'Save')?.click();
    await waitUntil(() => nameField(manager)?.error, 'the duplicate name is refused', { timeout: 8000 });
    expect(nameField(manager).error).to.contain('already has this name');
    expect(nameField(manager).value).to.equal('Morgan');
    await typeName(manager, 'Kiddo Two');
    const updated = oneEvent(manager, 'reel-profile-updated');
    footerButton(manager, 'Save')?.click();
    expect((await updated).detail.profile.name).to.equal('Kiddo Two');
    await waitUntil(
      () => tiles(manager).some((t) => t.textContent?.includes('Kiddo Two')),
      'the tile shows the new name',
    );

    // Delete, after confirming (the server wants a fresh re-authentication for it).
    tiles(manager)
      .find((t) => t.dataset.profile === profile.id)
      ?.click();
    await waitUntil(() => editor(manager)?.open, 'the editor opens', { timeout: 5000 });
    footerButton(manager, 'Delete')?.click();
    const confirm = manager.shadowRoot?.querySelector('reel-confirm-dialog') as ReelConfirmDialog;
    await waitUntil(() => confirm.open, 'asks first');
    expect(confirm.heading).to.contain('Kiddo Two');
    const deleted = oneEvent(manager, 'reel-profile-deleted');
    confirm.shadowRoot?.querySelector<HTMLElement>('[part="confirm-button"]')?.click();
    let done = false;
    void deleted.then(() => {
      done = true;
    });
    await answerReauth(provider, () => done);
    expect((await deleted).detail.profileId).to.equal(profile.id);
    await waitUntil(() => tiles(manager).length === 1, 'the tile is gone');
  });

  it('explains the plan limit: no “Add” at the limit, and the server’s reason when another tab filled it', async () => {
    const { manager, session } = await setup();
    // The list says one more is allowed; open the editor, then another tab takes the last place.
    manager.shadowRoot?.querySelector<HTMLElement>('.tile.add')?.click();
    await waitUntil(() => editor(manager)?.open, 'the editor opens', { timeout: 5000 });
    await session.client.call(profilesCreate, { body: { name: 'Elsewhere', avatar: 'fox' } });
    await typeName(manager, 'One Too Many');
    footerButton(manager, 'Save')?.click();
    await waitUntil(() => manager.shadowRoot?.querySelector('.problem'), 'the refusal is explained', { timeout: 8000 });
    const text = manager.shadowRoot?.querySelector('.problem')?.textContent ?? '';
    expect(text).to.contain('Free plan allows 2 profiles');
    expect(text).to.contain('Basic plan allows 3');
    expect(nameField(manager).value, 'nothing typed is lost').to.equal('One Too Many');
    footerButton(manager, 'Cancel')?.click();
    await waitUntil(() => !editor(manager), 'closed');
    manager.requestUpdate();
    const list = await session.client.call(profilesList);
    expect(list.limit.can_create).to.equal(false);
  });
});
