// Admin artwork (§21 assets/artwork): images uploaded (tus), checked by type, size and shape,
// resized to JPEG and WebP variants, served; the primary poster replaces the generated one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { adminAudit } from '../../src/db/schema/index.js';
import { runFfmpeg } from '../../src/services/media/ffmpeg.js';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, jpegSize, mediaApp, scratch } from '../media/support.js';
import { caller, tusUpload } from './media-support.js';

async function image(w: number, h: number, ext: 'png' | 'jpg', color = 'red'): Promise<Buffer> {
  const file = join(scratch('reel-art-'), `img.${ext}`);
  await runFfmpeg(['-f', 'lavfi', '-i', `color=c=${color}:s=${w}x${h}`, '-frames:v', '1', file]);
  return readFileSync(file);
}

describe('admin artwork routes', () => {
  let t: TestApp;
  let editor: TestCaller;
  let viewer: TestCaller;
  let film: string;
  let send: ReturnType<typeof caller>;

  const upload = async (type: string, bytes: Buffer, contentType: string, extra: Record<string, unknown> = {}) => {
    const created = await send('POST', '/admin/assets/artwork', editor, {
      title_id: film,
      type,
      filename: `art.${contentType.split('/')[1]}`,
      content_type: contentType,
      size_bytes: bytes.length,
      ...extra,
    });
    assert.equal(created.status, 201, created.raw);
    await tusUpload(t.app, editor, created.body.upload.url, bytes, 128 * 1024);
    return (await send('GET', `/admin/assets/artwork/${created.body.artwork.id}`, editor)).body;
  };

  before(async () => {
    t = await mediaApp();
    send = caller(t.app);
    editor = await createStaff(t.app, 'content_editor');
    viewer = await createViewer(t.app);
    film = (await insertTitle(t.app)).id;
  });
  after(() => t.close());

  it('refuses callers without assets.manage', async () => {
    assert.equal((await send('GET', `/admin/assets/artwork?title_id=${film}`, viewer)).status, 403);
  });

  it('refuses a file that is not an image of the declared type, and a poster of the wrong shape or size', async () => {
    const text = await upload('poster', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
    assert.equal(text.status, 'failed');
    assert.equal(text.problems[0].code, 'type');
    const small = await upload('poster', await image(200, 300, 'png'), 'image/png');
    assert.equal(small.status, 'failed');
    assert.deepEqual(
      small.problems.map((p: { code: string }) => p.code),
      ['too_small'],
    );
    const wide = await upload('poster', await image(1280, 720, 'png'), 'image/png');
    assert.deepEqual(
      wide.problems.map((p: { code: string }) => p.code),
      ['aspect'],
    );
    const lying = await upload('poster', await image(600, 900, 'jpg'), 'image/png');
    assert.equal(lying.problems[0].code, 'type_mismatch');
  });

  it('makes variants of a poster and serves it instead of the generated one', async () => {
    const generated = await t.app.inject({ method: 'GET', url: `/media/artwork/titles/${film}/poster.svg` });
    assert.equal(generated.statusCode, 200);
    assert.match(generated.headers['content-type'] as string, /svg/);
    const poster = await upload('poster', await image(800, 1200, 'png', 'blue'), 'image/png');
    assert.equal(poster.status, 'ready', JSON.stringify(poster.problems));
    assert.equal(poster.is_primary, true);
    assert.equal(poster.width, 800);
    assert.match(poster.color, /^#0[0-4]0[0-4]f[0-9a-f]$/, 'blue');
    assert.deepEqual(
      poster.variants.map((v: { width: number; format: string }) => `${v.width}.${v.format}`),
      ['342.jpeg', '342.webp', '780.jpeg', '780.webp'],
    );
    const jpeg = poster.variants.find((v: { format: string; width: number }) => v.format === 'jpeg' && v.width === 780);
    const file = await t.app.inject({ method: 'GET', url: jpeg.url });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/jpeg');
    assert.deepEqual(jpegSize(file.rawPayload), { width: 780, height: 1170 });
    // The title's poster URL now leads to the upload.
    const now = await t.app.inject({ method: 'GET', url: `/media/artwork/titles/${film}/poster.svg` });
    assert.equal(now.statusCode, 302);
    assert.equal(now.headers.location, jpeg.url);
    // The backdrop stays generated.
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/media/artwork/titles/${film}/backdrop.svg` })).statusCode,
      200,
    );
  });

  it('switches the primary, refuses deleting the only poster of a published title, audits', async () => {
    const second = await upload('poster', await image(600, 900, 'jpg', 'green'), 'image/jpeg');
    assert.equal(second.status, 'ready');
    assert.equal(second.is_primary, false);
    const made = await send('PATCH', `/admin/assets/artwork/${second.id}`, editor, { is_primary: true });
    assert.equal(made.status, 200, made.raw);
    const list = await send('GET', `/admin/assets/artwork?title_id=${film}&type=poster`, editor);
    const primaries = list.body.items.filter((a: { is_primary: boolean }) => a.is_primary);
    assert.deepEqual(
      primaries.map((a: { id: string }) => a.id),
      [second.id],
    );
    const redirect = await t.app.inject({ method: 'GET', url: `/media/artwork/titles/${film}/poster.svg` });
    assert.match(redirect.headers.location as string, new RegExp(second.id));
    const ready = list.body.items.filter((a: { status: string }) => a.status === 'ready');
    assert.equal((await send('DELETE', `/admin/assets/artwork/${ready[0].id}`, editor)).status, 204);
    assert.equal((await send('DELETE', `/admin/assets/artwork/${ready[1].id}`, editor)).status, 409);
    const failed = list.body.items.find((a: { status: string }) => a.status === 'failed');
    assert.equal((await send('DELETE', `/admin/assets/artwork/${failed.id}`, editor)).status, 204);
    const actions = (await t.app.db.select().from(adminAudit).where(eq(adminAudit.targetId, second.id)))
      .map((a) => a.action)
      .sort();
    assert.ok(actions.includes('artwork.create') && actions.includes('artwork.update'), actions.join());
  });
});
