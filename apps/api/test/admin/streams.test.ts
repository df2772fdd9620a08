// Admin streams (§21 assets/streams): one rung encoded again from the source (the title keeps
// playing), a rung removed from the ladder and the master playlist, the last one kept; audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { adminAudit, mediaBindings } from '../../src/db/schema/index.js';
import { settled } from '../../src/services/admin/media-tracks.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, parseMaster, readyAsset } from '../media/support.js';
import { caller, play } from './media-support.js';

describe('admin stream actions', () => {
  let t: TestApp;
  let editor: TestCaller;
  let viewer: TestCaller;
  let film: string;
  let twin: string;
  let send: ReturnType<typeof caller>;

  before(async () => {
    t = await mediaApp();
    send = caller(t.app);
    editor = await createStaff(t.app, 'content_editor');
    viewer = await createViewer(t.app, { plan: 'premium' });
    film = (await insertTitle(t.app)).id;
    const asset = await readyAsset(t.app, film);
    twin = (await insertTitle(t.app)).id;
    await t.app.db.insert(mediaBindings).values({ titleId: twin, episodeId: '', assetId: asset.id });
  });
  after(() => t.close());

  it('refuses callers without assets.manage', async () => {
    assert.equal((await send('DELETE', `/admin/assets/streams/${film}/rungs/rung_240p`, viewer)).status, 403);
    assert.equal((await send('POST', `/admin/assets/streams/${film}/rungs/rung_240p/rerun`, viewer)).status, 403);
  });

  it('encodes one rung again from the source', async () => {
    const ladder = await send('GET', `/admin/assets/streams/${film}`, editor);
    assert.equal(ladder.status, 200, ladder.raw);
    const rung = ladder.body.rungs[0];
    const res = await send('POST', `/admin/assets/streams/${film}/rungs/${rung.id}/rerun`, editor);
    assert.equal(res.status, 202, res.raw);
    assert.equal(res.body.status, 'processing');
    assert.equal((await send('POST', `/admin/assets/streams/${film}/rungs/${rung.id}/rerun`, editor)).status, 409);
    await settled(t.app);
    const after = await send('GET', `/admin/assets/streams/${film}`, editor);
    const again = after.body.rungs.find((r: { id: string }) => r.id === rung.id);
    assert.equal(again.segment_count, rung.segment_count);
    assert.ok(again.size_bytes > 0);
    const p = await play(t.app, viewer, film);
    assert.equal(parseMaster(p.master).variants.length, ladder.body.rungs.length);
    await p.end();
    assert.equal((await send('POST', `/admin/assets/streams/${film}/rungs/rung_2160p/rerun`, editor)).status, 404);
  });

  it('removes a rung from the master playlist (only for this title), but not the last', async () => {
    const ladder = await send('GET', `/admin/assets/streams/${film}`, editor);
    const rungs = ladder.body.rungs as { id: string; name: string }[];
    assert.ok(rungs.length >= 2);
    const top = rungs[rungs.length - 1] as { id: string; name: string };
    assert.equal((await send('DELETE', `/admin/assets/streams/${film}/rungs/${top.id}`, editor)).status, 204);
    const p = await play(t.app, viewer, film);
    const variants = parseMaster(p.master).variants;
    assert.equal(variants.length, rungs.length - 1);
    assert.ok(!variants.some((v) => v.uri.includes(`v/${top.name}/`)));
    // The audio and subtitle renditions stay.
    const media = parseMaster(p.master).media;
    assert.equal(media.filter((m) => m.TYPE === 'AUDIO').length, 2);
    assert.equal(media.filter((m) => m.TYPE === 'SUBTITLES').length, 2);
    await p.end();
    const other = await play(t.app, viewer, twin);
    assert.equal(parseMaster(other.master).variants.length, rungs.length, 'the shared source keeps its ladder');
    await other.end();
    for (const r of rungs.slice(0, -2)) {
      assert.equal((await send('DELETE', `/admin/assets/streams/${film}/rungs/${r.id}`, editor)).status, 204);
    }
    const last = rungs[rungs.length - 2] as { id: string };
    assert.equal((await send('DELETE', `/admin/assets/streams/${film}/rungs/${last.id}`, editor)).status, 409);
    const audited = await t.app.db.select().from(adminAudit).where(eq(adminAudit.action, 'streams.remove'));
    assert.equal(audited.length, rungs.length - 1);
  });
});
