// Runs against the real reference API, signed in as the demo admin: the analytics and cost panels
// render their reports and charts, export CSV, and edit the cost model (bad input keeps values).
import { expect, waitUntil } from '@open-wc/testing';
import { adminAnalyticsExport, adminCostAnalyticsModel, adminCostAnalyticsSetModel } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { signOut } from '@reel/title-card/testing';
import '@reel/core/define';
import '../define.js';
import './analytics.js';
import './cost-analytics.js';
import type { ReelAdminAnalytics } from './analytics.js';
import type { ReelAdminCostAnalytics } from './cost-analytics.js';
import { signInAsAdmin, themedPage } from './ops-testing.js';

const root = (el: Element) => el.shadowRoot as ShadowRoot;

describe('analytics panels', function () {
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

  it('<reel-admin-analytics> shows totals, QoE, charts and exports CSV; accessible', async () => {
    const el = document.createElement('reel-admin-analytics') as ReelAdminAnalytics;
    provider.append(el);
    await waitUntil(() => root(el).querySelector('.stats'), 'the report renders', { timeout: 15000 });
    expect(root(el).textContent).to.contain('Quality of experience');
    expect(root(el).querySelectorAll('reel-chart').length).to.equal(4);
    // A preset range reloads the report.
    const select = root(el).querySelector('reel-select[name="range"]') as HTMLElement;
    select.dispatchEvent(new CustomEvent('reel-change', { detail: { value: '7' } }));
    await waitUntil(
      () => (root(el).querySelector('reel-text-field[name="from"]') as HTMLElement & { value: string }).value !== '',
      'the range applies',
    );
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
    expect((root(el).querySelector('reel-text-field[name="from"]') as HTMLElement & { value: string }).value).to.equal(
      from,
    );
    const file = await provider.session!.client.call(adminAnalyticsExport, { query: { from, to, dataset: 'series' } });
    const text = await file.blob.text();
    expect(text.split('\r\n')[0]).to.equal(
      'bucket_start,plays,unique_viewers,watch_time_seconds,completion_rate,startup_time_p50,startup_time_p95,rebuffer_ratio,errors_per_thousand_plays,average_bitrate',
    );
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('<reel-admin-cost-analytics> shows costs and the projection, and edits the model; accessible', async () => {
    const client = provider.session!.client;
    const original = await client.call(adminCostAnalyticsModel);
    const el = document.createElement('reel-admin-cost-analytics') as ReelAdminCostAnalytics;
    provider.append(el);
    try {
      await waitUntil(
        () => root(el).querySelector('.projection-card') && root(el).querySelector('form'),
        'the report renders',
        {
          timeout: 20000,
        },
      );
      expect(root(el).querySelector('table.storage tbody tr')).to.not.equal(null);
      await expect(el).to.be.accessible();
      const field = (name: string) =>
        root(el).querySelector(`reel-text-field[name="${name}"]`) as HTMLElement & { value: string; error: string };
      const type = async (name: string, value: string) => {
        field(name).dispatchEvent(new CustomEvent('reel-input', { detail: { value } }));
        await el.updateComplete;
      };
      // Bad input: a clear error, nothing lost.
      await type('delivery_per_gb', 'cheap');
      (root(el).querySelector('reel-button.save-model') as HTMLElement).click();
      await waitUntil(() => field('delivery_per_gb').error, 'the field shows its error');
      expect(field('delivery_per_gb').value).to.equal('cheap');
      // Good input is saved and used.
      await type('delivery_per_gb', '4.25');
      await type('delivery_per_gb_by_region', 'US=3');
      (root(el).querySelector('reel-button.save-model') as HTMLElement).click();
      await waitUntil(
        async () => (await client.call(adminCostAnalyticsModel)).delivery_per_gb === 4.25,
        'the model is saved',
      );
      const saved = await client.call(adminCostAnalyticsModel);
      expect(saved.delivery_per_gb_by_region).to.deep.equal([{ region: 'US', rate: 3 }]);
    } finally {
      const { updated_at: _a, updated_by: _b, ...input } = original;
      await client.call(adminCostAnalyticsSetModel, { body: input });
      el.remove();
    }
  });
});
