// Runs against the real reference API, signed in as the demo admin. An element that throws on
// render reports through the kit's telemetry; the panel then shows the error.
import { expect, waitUntil } from '@open-wc/testing';
import { defineElement, flushTelemetry, type ReelAuthProvider, ReelElement, startTelemetry } from '@reel/core';
import { signOut } from '@reel/title-card/testing';
import '@reel/core/define';
import '../define.js';
import './observability.js';
import type { ReelAdminObservability } from './observability.js';
import { signInAsAdmin, themedPage } from './ops-testing.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;

/** A deliberately broken element (test fault): its render throws a uniquely named error. */
const MARK = `Telemetry probe ${Date.now().toString(36)}`;
class ReelBrokenProbe extends ReelElement {
  protected override render(): unknown {
    throw new TypeError(MARK);
  }
}
defineElement('reel-broken-probe', ReelBrokenProbe);

describe('<reel-admin-observability>', () => {
  let provider: ReelAuthProvider;
  let page: HTMLElement;

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

  async function mount(): Promise<ReelAdminObservability> {
    const el = document.createElement('reel-admin-observability') as ReelAdminObservability;
    provider.append(el);
    await waitUntil(() => root(el).querySelector('table.routes'), 'the routes render', { timeout: 15000 });
    return el;
  }

  it('shows per-route traffic, latency charts and the routes table', async () => {
    const el = await mount();
    const charts = root(el).querySelectorAll('reel-chart');
    expect(charts.length).to.be.greaterThanOrEqual(2);
    const rows = [...root(el).querySelectorAll('table.routes tbody tr')];
    expect(rows.some((r) => r.textContent?.includes('/api/v1/'))).to.equal(true);
    el.remove();
  });

  it('shows a client error that an element reported through the kit', async () => {
    const stop = startTelemetry({ vitals: false, release: 'test' });
    const probe = document.createElement('reel-broken-probe');
    document.body.append(probe);
    await waitUntil(
      () => probe.shadowRoot?.querySelector('[part="error"]') || probe.shadowRoot?.textContent,
      'the boundary catches it',
    );
    await new Promise((r) => setTimeout(r, 50));
    flushTelemetry();
    stop();
    probe.remove();
    const el = await mount();
    await waitUntil(
      async () => {
        if (root(el).textContent?.includes(MARK)) return true;
        await el.load();
        return root(el).textContent?.includes(MARK);
      },
      'the reported error is listed',
      { timeout: 10000, interval: 500 },
    );
    const row = [...root(el).querySelectorAll('tr.client-error')].find((r) => r.textContent?.includes(MARK));
    expect(row?.textContent).to.contain('reel-broken-probe');
    expect(row?.textContent).to.contain('TypeError');
    el.remove();
  });

  it('is accessible', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    el.remove();
  });
});
