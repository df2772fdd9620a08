// A newly created title becomes playable through the admin: create the video source, upload it
// with tus (in chunks, resuming from the offset the server reports), the pipeline runs, the job's
// progress and the validation report are there, the ladder is listed, and a viewer can play it.
// A file that is not a video is refused with a report; markers can be set and are checked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createStaff, createViewer, type TestCaller } from '../fixtures.js';
import type { TestApp } from '../helper.js';
import { insertTitle, mediaApp, parseMaster, tinySource } from './support.js';

describe('admin ingest: a new title gets a source and becomes playable', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin: TestCaller;

  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, caller = admin) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...caller.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const tus = (
    method: 'HEAD' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string> = {},
    payload?: Buffer,
  ) =>
    app.inject({
      method,
      url,
      headers: { ...admin.headers, 'tus-resumable': '1.0.0', ...headers },
      ...(payload ? { payload } : {}),
    });

  before(async () => {
    t = await mediaApp();
    app = t.app;
    admin = await createStaff(app, 'admin');
  });
  after(() => t.close());

  it('uploads with tus, runs the pipeline, and plays', async () => {
    const title = await insertTitle(app, { name: 'Brand New Film' });
    const bytes = readFileSync(await tinySource());
    const { createHash } = await import('node:crypto');
    const created = await api('POST', '/admin/assets/video', {
      title_id: title.id,
      filename: 'brand-new.mkv',
      content_type: 'video/x-matroska',
      size_bytes: bytes.length,
      checksum_sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    assert.equal(created.statusCode, 201, created.body);
    const { asset, upload } = created.json();
    assert.equal(asset.status, 'awaiting_upload');
    assert.equal(asset.title.name, 'Brand New Film');
    assert.equal(upload.protocol, 'tus');
    assert.equal(upload.offset, 0);
    assert.equal(upload.length, bytes.length);
    // A second source for the same film is refused unless it replaces the first.
    const twice = await api('POST', '/admin/assets/video', {
      title_id: title.id,
      filename: 'again.mkv',
      content_type: 'video/x-matroska',
      size_bytes: 10,
    });
    assert.equal(twice.statusCode, 409);
    // Nobody else may upload.
    const viewer = await createViewer(app);
    const stranger = await app.inject({
      method: 'HEAD',
      url: upload.url,
      headers: { ...viewer.headers, 'tus-resumable': '1.0.0' },
    });
    assert.equal(stranger.statusCode, 403);

    // First half, then "the connection drops"; HEAD says where to resume.
    const half = Math.floor(bytes.length / 2);
    const first = await tus(
      'PATCH',
      upload.url,
      { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
      bytes.subarray(0, half),
    );
    assert.equal(first.statusCode, 204, first.body);
    assert.equal(first.headers['upload-offset'], String(half));
    const wrong = await tus(
      'PATCH',
      upload.url,
      { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
      bytes.subarray(0, 10),
    );
    assert.equal(wrong.statusCode, 409, 'a chunk at the wrong offset');
    const head = await tus('HEAD', upload.url);
    assert.equal(head.headers['upload-offset'], String(half));
    assert.equal(head.headers['upload-length'], String(bytes.length));
    const mid = (await api('GET', `/admin/assets/video/${asset.id}/status`)).json();
    assert.equal(mid.status, 'uploading');
    assert.equal(mid.upload.offset, half);
    const rest = await tus(
      'PATCH',
      upload.url,
      { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(half) },
      bytes.subarray(half),
    );
    assert.equal(rest.statusCode, 204, rest.body);
    assert.equal(rest.headers['upload-offset'], String(bytes.length));

    const queued = (await api('GET', `/admin/assets/video/${asset.id}/status`)).json();
    assert.equal(queued.status, 'processing');
    assert.equal(queued.upload, null);
    assert.equal(queued.job.state, 'queued');
    assert.equal(queued.job.kind, 'transcode');

    await app.media.drain();
    const done = (await api('GET', `/admin/assets/video/${asset.id}/status`)).json();
    assert.equal(done.status, 'ready');
    assert.equal(done.job.state, 'succeeded');
    assert.equal(done.job.progress, 1);
    assert.equal(done.job.attempts, 1);

    const detail = (await api('GET', `/admin/assets/video/${asset.id}`)).json();
    assert.deepEqual([detail.width, detail.height, detail.video_codec, detail.audio_codec], [640, 360, 'h264', 'aac']);
    assert.equal(detail.validation, 'warning');
    const report = (await api('GET', `/admin/assets/validation/${asset.id}`)).json();
    assert.equal(report.status, 'warning');
    assert.equal(report.failed_count, 0);
    assert.ok(
      report.checks.some((c: { id: string; status: string }) => c.id === 'resolution' && c.status === 'warning'),
    );
    const ladder = (await api('GET', `/admin/assets/streams/${title.id}`)).json();
    assert.deepEqual(
      ladder.rungs.map((r: { name: string; status: string }) => [r.name, r.status]),
      [
        ['240p', 'ready'],
        ['360p', 'ready'],
      ],
    );
    assert.deepEqual(
      ladder.audio.map((a: { language: string }) => a.language),
      ['en', 'es'],
    );
    const list = (await api('GET', `/admin/assets/video?title_id=${title.id}`)).json();
    assert.deepEqual(
      list.items.map((i: { id: string }) => i.id),
      [asset.id],
    );

    // Validating again reports afresh and leaves the source playable.
    const rerun = await api('POST', `/admin/assets/validation/${asset.id}/rerun`);
    assert.equal(rerun.statusCode, 202, rerun.body);
    assert.equal(rerun.json().status, 'pending');
    await app.media.drain();
    const revalidated = (await api('GET', `/admin/assets/validation/${asset.id}`)).json();
    assert.equal(revalidated.status, 'warning');
    assert.equal((await api('GET', `/admin/assets/video/${asset.id}`)).json().status, 'ready');

    // A viewer plays it.
    const session = await api('POST', '/player/sessions/enhanced', { title_id: title.id }, viewer);
    assert.equal(session.statusCode, 201, session.body);
    const master = await app.inject({ method: 'GET', url: session.json().manifest_url });
    assert.equal(master.statusCode, 200);
    assert.equal(parseMaster(master.body).variants.length, 2);
  });

  it('refuses a file that is not a video, with a validation report, and lets staff retry', async () => {
    const title = await insertTitle(app);
    const bytes = Buffer.from('definitely not a video file, just some text bytes');
    const created = (
      await api('POST', '/admin/assets/video', {
        title_id: title.id,
        filename: 'notes.mp4',
        content_type: 'video/mp4',
        size_bytes: bytes.length,
      })
    ).json();
    const sent = await tus(
      'PATCH',
      created.upload.url,
      { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
      bytes,
    );
    assert.equal(sent.statusCode, 204);
    const status = (await api('GET', `/admin/assets/video/${created.asset.id}/status`)).json();
    assert.equal(status.status, 'failed');
    const report = (await api('GET', `/admin/assets/validation/${created.asset.id}`)).json();
    assert.equal(report.status, 'failed');
    assert.equal(report.failed_count, 1);
    assert.match(report.checks[0].message, /not an MP4/);
    const failures = (await api('GET', '/admin/assets/validation?status=failed')).json();
    assert.ok(failures.items.some((r: { asset_id: string }) => r.asset_id === created.asset.id));
    const retry = await api('POST', `/admin/assets/video/${created.asset.id}/retry`);
    assert.equal(retry.statusCode, 409, 'no complete upload to run again');
    // Nothing plays for that title.
    const viewer = await createViewer(app);
    const session = await api('POST', '/player/sessions/enhanced', { title_id: title.id }, viewer);
    assert.equal(session.statusCode, 404);
    // A source that is not bound to a published title can be deleted.
    assert.equal((await api('DELETE', `/admin/assets/video/${created.asset.id}`)).statusCode, 204);
    assert.equal((await api('GET', `/admin/assets/video/${created.asset.id}`)).statusCode, 404);
  });

  it('sets episode markers, refusing overlaps and times past the end', async () => {
    const series = await insertTitle(app, { type: 'series', episodes: 1 });
    const episodeId = series.episodeIds[0] as string;
    const bad = await api('PUT', `/admin/episodes/${episodeId}/markers`, {
      markers: [
        { kind: 'intro', start: 10, end: 80 },
        { kind: 'recap', start: 0, end: 20 },
      ],
    });
    assert.equal(bad.statusCode, 422);
    const past = await api('PUT', `/admin/episodes/${episodeId}/markers`, {
      markers: [{ kind: 'credits', start: 2600, end: 2800 }],
    });
    assert.equal(past.statusCode, 422);
    const ok = await api('PUT', `/admin/episodes/${episodeId}/markers`, {
      markers: [
        { kind: 'recap', start: 0, end: 30 },
        { kind: 'intro', start: 30, end: 90 },
        { kind: 'credits', start: 2600, end: 2700 },
      ],
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const served = (await app.inject({ method: 'GET', url: `/api/v1/episodes/${episodeId}/markers` })).json();
    assert.deepEqual(
      served.items.map((m: { kind: string }) => m.kind),
      ['recap', 'intro', 'credits'],
    );
    assert.equal(served.duration, 2700);
  });
});
