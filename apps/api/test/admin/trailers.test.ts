// Admin trailers (§21 assets/trailers): a trailer's video uploaded through the resumable upload,
// put through the pipeline as a source of its own (never what the title plays), ordered,
// made primary, deleted with its renditions; every change audited.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { adminAudit, mediaBindings } from '../../src/db/schema/index.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, tinySource } from '../media/support.js';
import { caller, tusUpload } from './media-support.js';

describe('admin trailer routes', () => {
  let t: TestApp;
  let editor: TestCaller;
  let viewer: TestCaller;
  let film: string;
  let send: ReturnType<typeof caller>;

  before(async () => {
    t = await mediaApp();
    send = caller(t.app);
    editor = await createStaff(t.app, 'content_editor');
    viewer = await createViewer(t.app);
    film = (await insertTitle(t.app)).id;
  });
  after(() => t.close());

  it('refuses callers without assets.manage', async () => {
    assert.equal((await send('GET', `/admin/assets/trailers?title_id=${film}`, viewer)).status, 403);
  });

  it('uploads a trailer, runs the pipeline on it, and keeps it apart from what the title plays', async () => {
    const bytes = readFileSync(await tinySource());
    const created = await send('POST', '/admin/assets/trailers', editor, {
      title_id: film,
      name: 'Teaser',
      language: 'en',
      filename: 'teaser.mkv',
      content_type: 'video/x-matroska',
      size_bytes: bytes.length,
    });
    assert.equal(created.status, 201, created.raw);
    assert.equal(created.body.trailer.status, 'awaiting_upload');
    assert.equal(created.body.trailer.is_primary, true, 'the first trailer is primary');
    await tusUpload(t.app, editor, created.body.upload.url, bytes, 1024 * 1024);
    await t.app.media.drain();
    const list = await send('GET', `/admin/assets/trailers?title_id=${film}`, editor);
    assert.equal(list.status, 200, list.raw);
    const [teaser] = list.body.items;
    assert.equal(teaser.status, 'ready', JSON.stringify(teaser.job));
    assert.equal(teaser.duration, 5);
    assert.match(teaser.thumbnail, /poster\.jpg\?token=/);
    assert.equal((await t.app.inject({ method: 'GET', url: teaser.thumbnail })).statusCode, 200);
    const bound = await t.app.db.select().from(mediaBindings).where(eq(mediaBindings.titleId, film));
    assert.equal(bound.length, 0, 'a trailer is not the title’s video');
  });

  it('orders trailers with the primary first, renames, deletes with its files; audited', async () => {
    const second = await send('POST', '/admin/assets/trailers', editor, {
      title_id: film,
      name: 'Trailer 2',
      filename: 't2.mp4',
      content_type: 'video/mp4',
      size_bytes: 1000,
    });
    assert.equal(second.status, 201);
    assert.equal(second.body.trailer.is_primary, false);
    const made = await send('PATCH', `/admin/assets/trailers/${second.body.trailer.id}`, editor, {
      is_primary: true,
      name: 'Final trailer',
    });
    assert.equal(made.status, 200, made.raw);
    const list = await send('GET', `/admin/assets/trailers?title_id=${film}`, editor);
    assert.deepEqual(
      list.body.items.map((x: { name: string; is_primary: boolean }) => [x.name, x.is_primary]),
      [
        ['Final trailer', true],
        ['Teaser', false],
      ],
    );
    const teaser = list.body.items[1];
    const assetId = teaser.thumbnail.split('/')[2] as string;
    assert.ok(existsSync(t.app.media.outDir(assetId)));
    assert.equal((await send('DELETE', `/admin/assets/trailers/${teaser.id}`, editor)).status, 204);
    assert.ok(!existsSync(t.app.media.outDir(assetId)));
    assert.equal((await send('GET', `/admin/assets/trailers?title_id=${film}`, editor)).body.items.length, 1);
    const audited = async (id: string) =>
      (await t.app.db.select().from(adminAudit).where(eq(adminAudit.targetId, id))).map((a) => a.action).sort();
    assert.deepEqual(await audited(teaser.id), ['trailers.create', 'trailers.delete']);
    assert.deepEqual(await audited(second.body.trailer.id), ['trailers.create', 'trailers.update']);
  });
});
