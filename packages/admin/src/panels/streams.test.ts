// Runs against the real reference API, signed in as the demo admin: a film's ladder with its
// actions, accessible; removing the top rung asks first and the ladder loses it.
import { expect, waitUntil } from '@open-wc/testing';
import '@reel/core/define';
import '../define.js';
import './streams.js';
import { adminPage, confirm, press, root } from '../asset-test-support.js';
import type { ReelAdminStreams } from './streams.js';

describe('<reel-admin-streams>', function () {
  // Real API, real media work and axe on a shared 2-core machine.
  this.timeout(60000);
  let ctx: Awaited<ReturnType<typeof adminPage>>;
  let el: ReelAdminStreams;

  before(async function () {
    this.timeout(120000);
    ctx = await adminPage();
    el = document.createElement('reel-admin-streams') as ReelAdminStreams;
    ctx.provider.append(el);
    // Demo media may still be processing when the server starts: look again until it is ready.
    const panel = el as unknown as { pick(id: string): Promise<void>; titleId: string };
    await waitUntil(() => panel.titleId, 'a film is chosen', { timeout: 30000 });
    for (let i = 0; i < 40 && root(el).querySelectorAll('tbody tr').length < 2; i++) {
      await new Promise((r) => setTimeout(r, 2500));
      await panel.pick(panel.titleId);
    }
    await waitUntil(() => root(el).querySelectorAll('tbody tr').length > 1, 'the ladder renders');
  });
  after(() => ctx.close());

  it('shows the ladder with re-run and remove, and is accessible', async () => {
    expect(root(el).querySelector('[data-action="rerun"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('removes a rung after confirming', async function () {
    this.timeout(30000);
    const before = root(el).querySelectorAll('tbody tr').length;
    const rows = [...root(el).querySelectorAll('tbody tr')];
    press((rows[rows.length - 1] as Element).querySelector('[data-action="remove"]') as Element);
    await confirm(el);
    await waitUntil(() => root(el).querySelectorAll('tbody tr').length === before - 1, 'the rung is gone', {
      timeout: 10000,
    });
  });
});
