// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { profilesCreate, profilesList } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import type { ReelTextField } from '@reel/ui';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import '@reel/core/define';
import type { ReelProfileGate } from './reel-profile-gate.js';

const PASSWORD = 'lantern-harbour-meadow-42';
const uniqueEmail = () => `gate-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** A new account signed in inside a provider, with a kids profile locked by PIN 1234, and a gate. */
async function setup() {
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'include' });
  const provider = await themedFixture<ReelAuthProvider>(
    html`<reel-auth-provider api-base="/api/v1"><div id="slot"></div></reel-auth-provider>`,
  );
  await waitUntil(() => provider.status !== 'loading', 'settled', { timeout: 8000 });
  const session = provider.session;
  if (!session) throw new Error('no session');
  await session.signUp({ email: uniqueEmail(), password: PASSWORD, display_name: 'Robin', accept_terms: true });
  const kids = await session.client.call(profilesCreate, {
    body: { name: 'Little Ones', avatar: 'fox', is_kids: true, pin: '1234' },
  });
  const gate = document.createElement('reel-profile-gate');
  provider.querySelector('#slot')?.append(gate);
  await waitUntil(() => gate.shadowRoot?.querySelectorAll('button.tile[data-profile]').length === 2, 'the tiles', {
    timeout: 8000,
  });
  return { provider, gate, kids };
}

const tile = (gate: ReelProfileGate, id: string) =>
  gate.shadowRoot?.querySelector<HTMLButtonElement>(`button.tile[data-profile="${id}"]`) as HTMLButtonElement;

describe('<reel-profile-gate> with the real API', function () {
  // Each test signs up a new account and hashes PINs and passwords on a shared, 2-core machine.
  this.timeout(30_000);
  it('shows who is watching, moves with the arrow keys, and switches the whole page to a profile', async () => {
    const { provider, gate, kids } = await setup();
    await expect(gate).to.be.accessible();
    expect(gate.shadowRoot?.querySelector('h1')?.textContent).to.contain('Who’s watching?');
    const tiles = [...(gate.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.tile[data-profile]') ?? [])];
    expect(tiles.map((t) => t.tabIndex)).to.deep.equal([0, -1], 'one tile in the Tab order');
    expect(tile(gate, kids.id).textContent).to.contain('Kids');
    expect(tile(gate, kids.id).textContent?.replace(/\s+/g, ' ')).to.contain(
      'Little Ones, kids profile, locked with a PIN',
    );
    tiles[0]?.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(gate.shadowRoot?.activeElement).to.equal(tiles[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(gate.shadowRoot?.activeElement, 'wraps around').to.equal(tiles[0]);
    // Choose the primary profile: no PIN, the provider follows at once.
    const primaryId = tiles[0]?.dataset.profile as string;
    const routed: string[] = [];
    gate.addEventListener('reel-navigate', (e) => {
      e.preventDefault();
      routed.push(e.detail.href);
    });
    const selected = oneEvent(gate, 'reel-profile-selected');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.profile.id).to.equal(primaryId);
    expect(provider.session?.profileId).to.equal(primaryId);
    expect(routed).to.deep.equal(['/']);
  });

  it('asks for the PIN of a locked (kids) profile on a PIN pad; a wrong PIN is explained', async () => {
    const { provider, gate, kids } = await setup();
    tile(gate, kids.id).click();
    await gate.updateComplete;
    const dialog = gate.shadowRoot?.querySelector('[part="pin-dialog"]') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    expect(dialog).to.exist;
    await dialog.updateComplete;
    await expect(gate).to.be.accessible();
    const field = gate.shadowRoot?.querySelector('reel-text-field[name="pin"]') as ReelTextField;
    expect(field.inputmode).to.equal('numeric');
    // The on-screen pad: 0 0 0 0.
    const key = (k: string) =>
      [...(gate.shadowRoot?.querySelectorAll<HTMLButtonElement>('.keypad button') ?? [])].find(
        (b) => b.textContent?.trim() === k,
      );
    for (let i = 0; i < 4; i++) key('0')?.click();
    await waitUntil(() => field.error, 'the wrong PIN is refused', { timeout: 8000 });
    // (The test server runs without rate limits, so it does not count the tries left.)
    expect(field.error).to.match(/not right/);
    expect(provider.session?.profileId).to.not.equal(kids.id);
    // The keyboard: type 1234 into the field.
    const selected = oneEvent(gate, 'reel-profile-selected');
    const changed = oneEvent(provider, 'reel-session-change');
    gate.addEventListener('reel-navigate', (e) => e.preventDefault());
    field.focus();
    await sendKeys({ type: '1234' });
    expect((await selected).detail.profile.is_kids).to.equal(true);
    expect((await changed).detail.profileId, 'every profile-scoped element hears it').to.equal(kids.id);
    expect(provider.session?.profileId).to.equal(kids.id);
    await gate.updateComplete;
    expect(gate.shadowRoot?.querySelector('[part="pin-dialog"]')).to.equal(null);
  });

  it('explains the plan’s profile limit and opens the manager from “Manage profiles”', async () => {
    const { provider, gate } = await setup();
    // Free plan: two profiles, both used.
    const list = await provider.session?.client.call(profilesList);
    expect(list?.limit.can_create).to.equal(false);
    const note = gate.shadowRoot?.querySelector('.limit');
    expect(note?.textContent).to.contain('Free plan allows 2 profiles');
    expect(note?.textContent).to.contain('Basic plan allows 3');
    expect(gate.shadowRoot?.querySelector('.tile.add')).to.equal(null);
    gate.shadowRoot?.querySelector<HTMLElement>('.manage-button')?.click();
    await gate.updateComplete;
    expect(gate.manage).to.equal(true);
    const manager = gate.shadowRoot?.querySelector('reel-profile-manager');
    await waitUntil(
      () => manager?.shadowRoot?.querySelectorAll('button.tile[data-profile]').length === 2,
      'the manager',
      {
        timeout: 8000,
      },
    );
    manager?.shadowRoot?.querySelector<HTMLElement>('.manage-button')?.click();
    await waitUntil(() => !gate.manage, 'back to the picker');
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    expect(await mountMany(() => document.createElement('reel-profile-gate'), { times: 30 })).to.be.empty;
  });
});
