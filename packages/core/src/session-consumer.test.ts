import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import type { Session } from './contexts.js';
import './define.js';
import type { ReelAuthProvider } from './reel-auth-provider.js';
import { SessionConsumer } from './session-consumer.js';

class SessionProbe extends LitElement {
  static override properties = { apiBase: { attribute: 'api-base' }, playbackToken: { attribute: 'playback-token' } };
  apiBase: string | null = null;
  playbackToken: string | null = null;
  readonly api = new SessionConsumer(this);
  renders = 0;
  protected override render() {
    this.renders++;
    return litHtml`${this.api.session?.status ?? 'no provider'}`;
  }
}
customElements.define('reel-session-probe', SessionProbe);

describe('SessionConsumer', () => {
  it('outside any provider, builds its own client from api-base, without cookies, and never throws', async () => {
    const el = await fixture<SessionProbe>(
      html`<reel-session-probe api-base="https://api.example.test/api/v1"></reel-session-probe>`,
    );
    expect(el.api.session).to.equal(undefined);
    expect(el.api.client.baseUrl).to.equal('https://api.example.test/api/v1');
    expect(el.api.signedIn).to.equal(false);
    expect(el.shadowRoot?.textContent).to.contain('no provider');
  });

  it('inside an embed provider, receives the provider’s session and client', async () => {
    const wrapper = await fixture<ReelAuthProvider>(html`
      <reel-auth-provider mode="embed" api-base="https://partner-api.example.test/api/v1" playback-token="tok-1">
        <reel-session-probe></reel-session-probe>
      </reel-auth-provider>
    `);
    const probe = wrapper.querySelector('reel-session-probe') as SessionProbe;
    await probe.updateComplete;
    const session = probe.api.session as Session;
    expect(session.mode).to.equal('embed');
    expect(session.status).to.equal('signed-out');
    expect(probe.api.client).to.equal(session.client);
    expect(session.client.baseUrl).to.equal('https://partner-api.example.test/api/v1');
    expect(wrapper.getAttribute('status')).to.equal('signed-out');
  });

  it('an embed provider sends the playback token and no cookies', async () => {
    const wrapper = await fixture<ReelAuthProvider>(html`
      <reel-auth-provider mode="embed" api-base="/embed-test/api/v1" playback-token="tok-2">
        <reel-session-probe></reel-session-probe>
      </reel-auth-provider>
    `);
    const probe = wrapper.querySelector('reel-session-probe') as SessionProbe;
    await probe.updateComplete;
    // Observe the outgoing request (the answer itself does not matter here).
    const seen: RequestInit[] = [];
    const original = window.fetch;
    window.fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init ?? {});
      return new Response(JSON.stringify({ error: { code: 'not_found', message: 'x', request_id: 'r' } }), {
        status: 404,
      });
    };
    try {
      const { opsVersion } = await import('@reel/contracts');
      await probe.api.client.call(opsVersion).catch(() => {});
    } finally {
      window.fetch = original;
    }
    const [request] = seen;
    expect(request?.credentials).to.equal('omit');
    const headers = (request?.headers ?? {}) as Record<string, string>;
    expect(headers['x-playback-token']).to.equal('tok-2');
  });
});
