// Runs against the real reference API. The demo viewer (Alex) starts a stream through the API;
// the demo admin sees it in the monitor and stops it; the viewer's next token renewal is refused
// with the message the player shows.
import { expect, waitUntil } from '@open-wc/testing';
import { type EnhancedSession, playerEndSession, playerRenewToken, playerStartSession } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { settled, signInAsAlex, signOut } from '@reel/title-card/testing';
import '@reel/core/define';
import '../define.js';
import './sessions.js';
import { signInAsAdmin, themedPage } from './ops-testing.js';
import type { ReelAdminSessions } from './sessions.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;

async function aFilm(): Promise<string> {
  const res = (await (await fetch('/api/v1/titles?type=film&limit=5')).json()) as { items: { id: string }[] };
  const id = res.items[0]?.id;
  if (!id) throw new Error('no film in the demo catalog');
  return id;
}

describe('<reel-admin-sessions>', function () {
  this.timeout(90_000);
  let page: HTMLElement;
  let viewer: ReelAuthProvider;
  let admin: ReelAuthProvider;
  let stream: EnhancedSession;

  before(async () => {
    await signOut();
    page = themedPage();
    // The viewer starts a stream (kept signed in: its access token stays in memory).
    viewer = document.createElement('reel-auth-provider');
    page.append(viewer);
    await signInAsAlex(await settled(viewer));
    const titleId = await aFilm();
    for (let i = 0; ; i++) {
      try {
        stream = await viewer.session!.client.call(playerStartSession, {
          body: {
            title_id: titleId,
            device: {
              kind: 'tv',
              os: 'Tizen',
              browser: 'Test TV',
              player_version: '1.0.0',
              screen_width: 1920,
              screen_height: 1080,
              pixel_ratio: 1,
              supports: { mse: true, native_hls: false, hevc: false, av1: false, hdr: false },
            },
          },
        });
        break;
      } catch (error) {
        // The demo media may still be being made (503), or an earlier run's stream holds a slot.
        if (i > 20) throw error;
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
    viewer.remove();
    // The admin, in another provider on the same page.
    admin = document.createElement('reel-auth-provider');
    page.append(admin);
    await signInAsAdmin(admin);
  });
  after(async () => {
    await viewer.session?.client.call(playerEndSession, { params: { id: stream.session_id } }).catch(() => {});
    page.remove();
    await signOut();
  });

  async function mount(): Promise<ReelAdminSessions> {
    const el = document.createElement('reel-admin-sessions') as ReelAdminSessions;
    admin.append(el);
    await waitUntil(() => root(el).querySelector(`tr[data-id="${stream.session_id}"]`), 'the stream is listed', {
      timeout: 15000,
    });
    return el;
  }

  it('lists the stream with its title, device and per-account count, and is accessible', async () => {
    const el = await mount();
    const row = root(el).querySelector(`tr[data-id="${stream.session_id}"]`) as HTMLElement;
    expect(row.textContent).to.contain('viewer@reel.test');
    expect(row.textContent).to.contain('Test TV');
    expect(row.textContent).to.contain('tv');
    expect(root(el).textContent).to.contain('Streams per account');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('stops the stream with a reason and a message; the player’s renewal is refused with it', async () => {
    const el = await mount();
    const row = root(el).querySelector(`tr[data-id="${stream.session_id}"]`) as HTMLElement;
    (row.querySelector('reel-button') as HTMLElement).click();
    const dialog = root(el).querySelector('reel-dialog') as HTMLElement & { open: boolean };
    await waitUntil(() => dialog.open, 'the dialog opens');
    const field = root(el).querySelector('reel-text-field[name="message"]') as HTMLElement & { value: string };
    field.value = 'Checking your account: please call us';
    field.dispatchEvent(new CustomEvent('reel-input', { detail: { value: field.value } }));
    await el.updateComplete;
    (root(el).querySelector('reel-button.confirm-stop') as HTMLElement).click();
    await waitUntil(() => !root(el).querySelector(`tr[data-id="${stream.session_id}"]`), 'the stream is gone', {
      timeout: 10000,
    });
    let refused: { status?: number; code?: string; hint?: { reason?: string; message?: string } } = {};
    try {
      await viewer.session!.client.call(playerRenewToken, { params: { id: stream.session_id }, body: {} });
    } catch (error) {
      refused = error as typeof refused;
    }
    expect(refused.status).to.equal(410);
    expect(refused.hint?.reason).to.equal('terminated_by_staff');
    expect(refused.hint?.message).to.equal('Checking your account: please call us');
    el.remove();
  });
});
