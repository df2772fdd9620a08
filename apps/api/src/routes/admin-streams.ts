import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type AdminRung, adminStreamsRemove, adminStreamsRerun } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { conflict, notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { recordAdminAction } from '../services/admin/audit.js';
import { background, ownAsset, readyAsset, rebuild, rerunRung } from '../services/admin/media-tracks.js';
import type { PackagedMedia, PackagedRung } from '../services/media/types.js';

/** Rungs being encoded again, by asset and label. */
const running = new Set<string>();

const rungView = (r: PackagedRung, output: PackagedMedia, status: AdminRung['status'], at: Date): AdminRung => ({
  id: `rung_${r.label}`,
  name: r.label,
  width: r.width,
  height: r.height,
  bitrate: r.videoBitrate,
  codec: r.codecs.split(',')[0] ?? r.codecs,
  frame_rate: r.frameRate,
  segment_duration: output.segmentSeconds,
  segment_count: r.segmentCount,
  size_bytes: r.sizeBytes,
  status,
  job: null,
  updated_at: at.toISOString(),
});

/** Admin: one rung of a film's ladder encoded again from its source, or removed from the ladder. */
export function registerAdminStreamRoutes(app: FastifyInstance): void {
  const find = (output: PackagedMedia, rungId: string) => {
    const rung = output.rungs.find((r) => `rung_${r.label}` === rungId);
    if (!rung) throw notFound('That rung');
    return rung;
  };

  handle(app, adminStreamsRerun, async ({ params, principal, request }) => {
    const ref = { titleId: params.title_id, episodeKey: '' };
    const base = await readyAsset(app, ref).catch((error) => {
      if ((error as { status?: number }).status === 409) throw notFound('That ladder');
      throw error;
    });
    find(base.output, params.rung_id);
    if (!base.sourcePath) throw conflict('The source file is gone: upload it again');
    if (await app.media.queue.active(base.id)) throw conflict('The pipeline is working on this source now');
    // The title's own copy: a shared demo ladder is not re-encoded for every title that plays it.
    const asset = await ownAsset(app, ref);
    const rung = find(asset.output, params.rung_id);
    const key = `${asset.id}:${rung.label}`;
    if (running.has(key)) throw conflict('This rung is being encoded now');
    running.add(key);
    background(app, () => rerunRung(app, asset.id, rung.label).finally(() => running.delete(key)));
    await recordAdminAction(
      app,
      { principal, request },
      'streams.rerun',
      { type: 'rung', id: `${asset.id}/${rung.label}`, label: rung.label },
      null,
      { asset_id: asset.id, rung: rung.label },
    );
    return rungView(rung, asset.output, 'processing', new Date(app.media.now()));
  });

  handle(app, adminStreamsRemove, async ({ params, principal, request }) => {
    const ref = { titleId: params.title_id, episodeKey: '' };
    const base = await readyAsset(app, ref).catch((error) => {
      if ((error as { status?: number }).status === 409) throw notFound('That ladder');
      throw error;
    });
    find(base.output, params.rung_id);
    if (base.output.rungs.length <= 1) throw conflict('This is the last rung: a ladder needs at least one');
    const asset = await ownAsset(app, ref);
    const rung = find(asset.output, params.rung_id);
    await rebuild(
      app,
      asset.id,
      asset.output.rungs.filter((r) => r.label !== rung.label),
    );
    rmSync(join(app.media.outDir(asset.id), rung.path), { recursive: true, force: true });
    await recordAdminAction(
      app,
      { principal, request },
      'streams.remove',
      { type: 'rung', id: `${asset.id}/${rung.label}`, label: rung.label },
      { rung: rung.label, width: rung.width, height: rung.height, bitrate: rung.videoBitrate },
      null,
    );
  });
}
