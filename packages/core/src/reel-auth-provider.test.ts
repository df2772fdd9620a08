// Runs against the real reference API (the test runner passes /api to it).

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  authLogin,
  authRegister,
  profilesCreate,
  profilesDelete,
  profilesList,
  sessionsRevokeAll,
} from '@reel/contracts';
import './define.js';
import type { ReelAuthProvider } from './reel-auth-provider.js';

const password = 'a long enough passphrase 42';
const unique = () => `kit-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function signedOutProvider() {
  const provider = await fixture<ReelAuthProvider>(html`<reel-auth-provider api-base="/api/v1"></reel-auth-provider>`);
  await waitUntil(() => provider.status !== 'loading', 'the provider settles', { timeout: 8000 });
  return provider;
}

describe('<reel-auth-provider> with the real API', () => {
  it('starts signed out without a refresh cookie, then signs in and provides the user', async () => {
    await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'include' }).catch(() => {});
    const provider = await signedOutProvider();
    expect(provider.status).to.equal('signed-out');
    const session = provider.session;
    if (!session) throw new Error('no session');
    const tokens = await session.client.call(authLogin, {
      body: { email: 'viewer@reel.test', password: 'reel-viewer-demo' },
    });
    if (!('access_token' in tokens)) throw new Error('the demo viewer has no MFA');
    const changed = oneEvent(provider, 'reel-session-change');
    session.acceptTokens(tokens);
    const event = await changed;
    expect(event.detail.status).to.equal('signed-in');
    expect(provider.getAttribute('status')).to.equal('signed-in');
    expect(provider.session?.user?.email).to.equal('viewer@reel.test');
  });

  it('a new provider on the same browser is signed in by the refresh cookie, and refreshes once for many callers', async () => {
    const provider = await signedOutProvider();
    expect(provider.status).to.equal('signed-in');
    const refreshes = () =>
      performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/v1/auth/refresh')).length;
    const before = refreshes();
    const results = await Promise.all(Array.from({ length: 8 }, () => provider.refresh()));
    expect(results.every(Boolean)).to.equal(true);
    expect(provider.status).to.equal('signed-in');
    await waitUntil(() => refreshes() > before, 'the refresh is recorded');
    expect(refreshes() - before, 'one request for eight callers').to.equal(1);
  });

  it('switching profile reaches consumers without a reload', async () => {
    const provider = await signedOutProvider();
    const session = provider.session;
    if (!session) throw new Error('no session');
    const { items } = await session.client.call(profilesList);
    const kids = items.find((p) => p.is_kids);
    const adult = items.find((p) => !p.is_kids);
    if (!kids || !adult) throw new Error('the demo viewer has an adult and a kids profile');
    const changed = oneEvent(provider, 'reel-session-change');
    await session.switchProfile(kids.id);
    expect((await changed).detail.profileId).to.equal(kids.id);
    expect(provider.session?.profileId).to.equal(kids.id);
    await provider.session?.switchProfile(adult.id);
    expect(provider.session?.profileId).to.equal(adult.id);
  });

  it('asks for the password when the server wants a fresh re-auth, then sends the request again', async () => {
    const provider = await signedOutProvider();
    const session = provider.session;
    if (!session) throw new Error('no session');
    await session.signOut();
    const registered = await session.client.call(authRegister, {
      body: { email: unique(), password, display_name: 'Kit Tester', accept_terms: true },
    });
    session.acceptTokens(registered);
    const created = await session.client.call(profilesCreate, { body: { name: 'Spare', avatar: 'fox' } });
    // The test server's re-auth window is 3 s: let it lapse.
    await new Promise((r) => setTimeout(r, 3500));
    const deleting = session.client.call(profilesDelete, { params: { profile_id: created.id } });
    await waitUntil(() => provider.shadowRoot?.querySelector('dialog[open]'), 'the re-auth dialog opens', {
      timeout: 5000,
    });
    const dialog = provider.shadowRoot?.querySelector('dialog') as HTMLDialogElement;
    const input = dialog.querySelector('input') as HTMLInputElement;
    expect(provider.shadowRoot?.activeElement).to.equal(input);
    input.value = 'not the password';
    dialog.querySelector('form')?.requestSubmit();
    await waitUntil(() => dialog.querySelector('[role="alert"]'), 'a wrong password is explained', { timeout: 5000 });
    expect(input.value).to.equal('not the password');
    input.value = password;
    dialog.querySelector('form')?.requestSubmit();
    await deleting;
    expect(provider.shadowRoot?.querySelector('dialog[open]')).to.equal(null);
    const { items } = await session.client.call(profilesList);
    expect(items.some((p) => p.id === created.id)).to.equal(false);
  });

  it('a refresh the server refuses (the session was revoked) signs out cleanly', async () => {
    const provider = await signedOutProvider();
    const session = provider.session;
    if (!session) throw new Error('no session');
    if (session.status === 'signed-in') await session.signOut();
    const registered = await session.client.call(authRegister, {
      body: { email: unique(), password, display_name: 'Revoked Tester', accept_terms: true },
    });
    session.acceptTokens(registered);
    expect(provider.status).to.equal('signed-in');
    await session.client.call(sessionsRevokeAll);
    const changed = oneEvent(provider, 'reel-session-change');
    expect(await provider.refresh()).to.equal(false);
    expect((await changed).detail.status).to.equal('signed-out');
    expect(provider.session?.user).to.equal(null);
  });

  it('signs in through the provider: the page and the other providers (tabs) follow; a wrong password changes nothing', async () => {
    const a = await signedOutProvider();
    if (a.status === 'signed-in') await a.session?.signOut();
    const b = await signedOutProvider();
    await waitUntil(() => b.status === 'signed-out', 'both start signed out', { timeout: 5000 });
    const email = unique();
    const user = await a.session?.signUp({ email, password, display_name: 'Flow Tester', accept_terms: true });
    expect(user?.email).to.equal(email);
    expect(a.status).to.equal('signed-in');
    await waitUntil(() => b.session?.user?.email === email, 'the other tab follows the sign-up', { timeout: 5000 });
    await a.session?.signOut();
    await waitUntil(() => b.status === 'signed-out', 'and the sign-out', { timeout: 5000 });

    const refreshes = () =>
      performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/v1/auth/refresh')).length;
    const before = refreshes();
    const wrong = await a.session?.signIn({ email, password: 'not the password at all' }).catch((e: unknown) => e);
    expect((wrong as { code?: string }).code).to.equal('invalid_credentials');
    expect(a.status).to.equal('signed-out');
    expect(refreshes(), 'a wrong password is not an expired session: no refresh').to.equal(before);

    const changed = oneEvent(a, 'reel-session-change');
    const result = await a.session?.signIn({ email, password });
    expect(result?.status).to.equal('signed-in');
    expect((await changed).detail.status).to.equal('signed-in');
    expect(a.session?.user?.email).to.equal(email);
    await waitUntil(() => b.session?.user?.email === email, 'the other tab follows the sign-in', { timeout: 5000 });
  });

  it('signing out in one provider signs out the others (as in another tab)', async () => {
    const a = await signedOutProvider();
    const b = await signedOutProvider();
    await a.session?.signOut();
    await waitUntil(() => b.status === 'signed-out', 'the other provider follows', { timeout: 5000 });
    expect(a.status).to.equal('signed-out');
  });
});
