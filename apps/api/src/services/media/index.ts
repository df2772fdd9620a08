// The media service: where media lives on disk, the job queue and its worker pool, the
// pipeline run for each job, demo media, and signed URLs. Decorated on the app as `app.media`.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { MediaConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { mediaAssets, mediaBindings } from '../../db/schema/index.js';
import { type DemoSet, demoSet, generateDemoSource } from './demo.js';
import { FfmpegError } from './ffmpeg.js';
import { packageSource, ValidationFailed, validateSource } from './pipeline.js';
import { type JobRow, MediaQueue } from './queue.js';
import { DeliverySigner } from './signing.js';
import type { PackagedMedia } from './types.js';
import { MediaWorker } from './worker.js';

export type AssetRow = typeof mediaAssets.$inferSelect;

declare module 'fastify' {
  interface FastifyInstance {
    media: MediaService;
  }
}

/** Bump when the demo sources or their packaging change: cached demo output is made again. */
const DEMO_VERSION = 5;

/** The id of a demo asset: stable, so its output is found again after a restart. */
export const demoAssetId = (size: DemoSet['size'], index: number) => `ast_demo_${size}_${index + 1}`;

export interface MediaServiceOptions extends MediaConfig {
  dataDir: string;
  /** PGlite runs in this process only: running jobs at start were the previous process's. */
  singleProcess: boolean;
  log?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
  now?: () => number;
}

export class MediaService {
  readonly root: string;
  readonly queue: MediaQueue;
  readonly signer: DeliverySigner;
  readonly options: MediaServiceOptions;
  readonly now: () => number;
  #db: Db;
  #worker: MediaWorker | null = null;
  #waiters = new Map<string, Set<() => void>>();

  constructor(db: Db, options: MediaServiceOptions) {
    this.#db = db;
    this.options = options;
    this.now = options.now ?? Date.now;
    this.root = join(options.dataDir, 'media');
    this.queue = new MediaQueue(db, this.now);
    this.signer = new DeliverySigner(db, this.now);
  }

  async init(): Promise<void> {
    await this.signer.load();
  }

  // Paths ----------------------------------------------------------------------------------------

  /** The packaged output of an asset (served as `/media/<id>/…`). */
  outDir(assetId: string): string {
    return join(this.root, 'out', assetId);
  }
  sourceDir(): string {
    return join(this.root, 'sources');
  }
  uploadPath(assetId: string): string {
    return join(this.root, 'uploads', `${assetId}.part`);
  }

  // Jobs -----------------------------------------------------------------------------------------

  /** Queues the pipeline for an asset and wakes the worker. */
  async enqueue(asset: Pick<AssetRow, 'id' | 'filename'>, payload: Record<string, unknown> = {}, priority = 0) {
    const job = await this.queue.enqueue({
      assetId: asset.id,
      kind: 'transcode',
      label: asset.filename,
      payload,
      priority,
    });
    this.#worker?.poke();
    return job;
  }

  /** Starts the worker pool (server start; tests call it when they need jobs to run). */
  async startWorker(): Promise<void> {
    if (this.#worker) return;
    if (this.options.singleProcess) await this.queue.releaseAll();
    const recovered = await this.queue.recover();
    for (const assetId of recovered.failed) await this.#markFailed(assetId);
    await this.#requeueMissingOutput();
    this.#worker = new MediaWorker(this.queue, (job, report, signal) => this.runJob(job, report, signal), {
      concurrency: this.options.workers,
      onError: (job, error) => this.options.log?.warn({ job: job.id, err: error }, 'media job failed'),
    });
    this.#worker.start();
  }

  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.stop();
  }

  /** Runs queued jobs in this process until none is left (tests). */
  async drain(): Promise<void> {
    const id = `drain-${Math.random().toString(36).slice(2, 8)}`;
    for (;;) {
      const job = await this.queue.claim(id);
      if (!job) return;
      await this.runJob(
        job,
        (stage, progress) => {
          this.queue.progress(job.id, id, stage, progress, null).catch(() => {});
        },
        new AbortController().signal,
      );
    }
  }

  /** Ready assets whose files are gone (a wiped media folder): made again. */
  async #requeueMissingOutput(): Promise<void> {
    const ready = await this.#db
      .select({
        id: mediaAssets.id,
        filename: mediaAssets.filename,
        origin: mediaAssets.origin,
        demoKey: mediaAssets.demoKey,
      })
      .from(mediaAssets)
      .where(eq(mediaAssets.status, 'ready'));
    for (const a of ready) {
      if (existsSync(join(this.outDir(a.id), 'master.m3u8'))) continue;
      if (await this.queue.active(a.id)) continue;
      await this.#db
        .update(mediaAssets)
        .set({ status: 'processing', updatedAt: new Date(this.now()) })
        .where(eq(mediaAssets.id, a.id));
      await this.enqueue(a, a.demoKey ? this.#demoPayload(a.id) : {});
    }
  }

  /** The pipeline for one job: (demo source) → validate → package → ready, with retries on ffmpeg errors. */
  async runJob(job: JobRow, report: (stage: string, progress: number) => void, signal: AbortSignal): Promise<void> {
    const [asset] = await this.#db.select().from(mediaAssets).where(eq(mediaAssets.id, job.assetId));
    if (!asset) {
      await this.queue.fail(job, { code: 'asset_gone', message: 'The asset was deleted' }, false);
      return;
    }
    const payload = (job.payload ?? {}) as { demo?: { size: DemoSet['size']; index: number } };
    const weights = payload.demo
      ? { generate: [0, 0.3], validate: [0.3, 0.33], package: [0.33, 1] }
      : { generate: [0, 0], validate: [0, 0.04], package: [0.04, 1] };
    const step = (name: keyof typeof weights, stage: string) => (fraction: number) => {
      const [a, b] = weights[name] as [number, number];
      report(stage, a + (b - a) * Math.max(0, Math.min(1, fraction)));
    };
    // A validation re-run reports on the source; it does not take a playable asset offline.
    const validateOnly = job.kind === 'validate';
    try {
      if (!validateOnly) {
        await this.#db
          .update(mediaAssets)
          .set({ status: 'processing', updatedAt: new Date(this.now()) })
          .where(eq(mediaAssets.id, asset.id));
      }
      let source = asset.sourcePath ? join(this.root, asset.sourcePath) : null;
      if (payload.demo) {
        const set = demoSet(payload.demo.size);
        const spec = set.sources[payload.demo.index];
        if (!spec) throw new Error(`No demo source ${payload.demo.index}`);
        const relative = join('sources', `demo-v${DEMO_VERSION}-${set.size}-${spec.key}.mkv`);
        source = join(this.root, relative);
        if (!existsSync(source)) {
          mkdirSync(this.sourceDir(), { recursive: true });
          report('generate source', 0);
          await generateDemoSource(spec, set, source, step('generate', 'generate source'));
        }
        if (asset.sourcePath !== relative) {
          await this.#db.update(mediaAssets).set({ sourcePath: relative }).where(eq(mediaAssets.id, asset.id));
        }
      }
      if (!source || !existsSync(source)) {
        throw new ValidationFailed({
          status: 'failed',
          checks: [
            {
              id: 'source',
              name: 'Source file',
              status: 'failed',
              expected: 'an uploaded file',
              actual: 'missing',
              message: 'The source file is missing: upload it again',
            },
          ],
          checkedAt: new Date(this.now()).toISOString(),
        });
      }
      step('validate', 'probe')(0);
      const { probe, report: validation } = await validateSource(source);
      await this.#db
        .update(mediaAssets)
        .set({
          probe,
          validation,
          validationStatus: validation.status,
          validatedAt: new Date(this.now()),
          duration: probe?.duration ?? null,
          updatedAt: new Date(this.now()),
        })
        .where(eq(mediaAssets.id, asset.id));
      if (validation.status === 'failed' || !probe) throw new ValidationFailed(validation);
      if (job.kind === 'validate') {
        await this.queue.succeed(job.id);
        return;
      }
      // Demo media packaged before (the database was reset, the data folder kept) is used again.
      const cached = payload.demo ? this.#cachedDemoOutput(asset.id, source) : null;
      const output =
        cached ??
        (await packageSource(
          source,
          probe,
          this.outDir(asset.id),
          {
            segmentSeconds: payload.demo ? (payload.demo.size === 'tiny' ? 2 : 4) : this.options.segmentSeconds,
            preset: payload.demo ? 'ultrafast' : this.options.preset,
            signal,
          },
          (stage, fraction) => {
            const offsets: Record<string, [number, number]> = {
              transcode: [0, 0.9],
              subtitles: [0.9, 0.94],
              sprites: [0.94, 0.95],
              poster: [0.95, 0.99],
              done: [1, 1],
            };
            const [a, b] = offsets[stage] ?? [0, 1];
            report(
              stage,
              (weights.package[0] as number) +
                ((weights.package[1] as number) - (weights.package[0] as number)) * (a + (b - a) * fraction),
            );
          },
        ));
      await this.#db
        .update(mediaAssets)
        .set({ status: 'ready', output, duration: output.duration, updatedAt: new Date(this.now()) })
        .where(eq(mediaAssets.id, asset.id));
      await this.#bind(asset);
      await this.queue.succeed(job.id);
      this.options.log?.info(
        { asset: asset.id, seconds: output.timings.totalSeconds, media: output.duration },
        `media ready: ${asset.filename}`,
      );
    } catch (error) {
      if (signal.aborted) {
        // Shutting down: the job goes back to the queue with this attempt not counted.
        await this.queue.release(job);
        throw error;
      }
      const validation = error instanceof ValidationFailed;
      const code = validation ? 'validation_failed' : error instanceof FfmpegError ? 'ffmpeg_failed' : 'pipeline_error';
      const state = await this.queue.fail(job, { code, message: (error as Error).message }, !validation);
      if (state === 'failed' && !validateOnly) await this.#markFailed(asset.id);
      this.options.log?.warn({ asset: asset.id, code, attempt: job.attempts, state }, (error as Error).message);
    } finally {
      this.#notify(asset.id);
    }
  }

  #cachedDemoOutput(assetId: string, source: string): PackagedMedia | null {
    try {
      const dir = this.outDir(assetId);
      const output = JSON.parse(readFileSync(join(dir, 'output.json'), 'utf8')) as PackagedMedia;
      return output.source === basename(source) && existsSync(join(dir, output.master)) ? output : null;
    } catch {
      return null;
    }
  }

  async #markFailed(assetId: string): Promise<void> {
    await this.#db
      .update(mediaAssets)
      .set({ status: 'failed', updatedAt: new Date(this.now()) })
      .where(eq(mediaAssets.id, assetId));
    this.#notify(assetId);
  }

  /** An upload becomes what its title (or episode) plays, unless another ready source stays. */
  async #bind(asset: AssetRow): Promise<void> {
    if (!asset.titleId) return;
    const episodeId = asset.episodeId ?? '';
    const [current] = await this.#db
      .select({ assetId: mediaBindings.assetId, origin: mediaAssets.origin, status: mediaAssets.status })
      .from(mediaBindings)
      .innerJoin(mediaAssets, eq(mediaAssets.id, mediaBindings.assetId))
      .where(and(eq(mediaBindings.titleId, asset.titleId), eq(mediaBindings.episodeId, episodeId)));
    if (
      current &&
      current.assetId !== asset.id &&
      current.origin === 'upload' &&
      current.status === 'ready' &&
      !asset.replace
    )
      return;
    await this.#db
      .insert(mediaBindings)
      .values({ titleId: asset.titleId, episodeId, assetId: asset.id })
      .onConflictDoUpdate({ target: [mediaBindings.titleId, mediaBindings.episodeId], set: { assetId: asset.id } });
  }

  // Waiting for media ----------------------------------------------------------------------------

  #notify(assetId: string): void {
    const set = this.#waiters.get(assetId);
    if (!set) return;
    this.#waiters.delete(assetId);
    for (const wake of set) wake();
  }

  /**
   * Waits up to `ms` for an asset to leave `processing` (a viewer pressed play on media still
   * being made): raises its job's priority, then polls.
   */
  async waitForAsset(assetId: string, ms: number): Promise<AssetRow | null> {
    await this.queue.bump(assetId);
    this.#worker?.poke();
    const deadline = this.now() + ms;
    for (;;) {
      const [row] = await this.#db.select().from(mediaAssets).where(eq(mediaAssets.id, assetId));
      if (!row || row.status === 'ready' || row.status === 'failed' || this.now() >= deadline) return row ?? null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(500, Math.max(0, deadline - this.now())));
        const set = this.#waiters.get(assetId) ?? new Set();
        set.add(done);
        this.#waiters.set(assetId, set);
        function done() {
          clearTimeout(timer);
          set.delete(done);
          resolve();
        }
      });
    }
  }

  // Demo -----------------------------------------------------------------------------------------

  #demoPayload(assetId: string): Record<string, unknown> {
    const m = /^ast_demo_(full|tiny)_(\d+)$/.exec(assetId);
    return m ? { demo: { size: m[1], index: Number(m[2]) - 1 } } : {};
  }

  // Delivery -------------------------------------------------------------------------------------

  /** A media token for everything under an asset's directory. */
  tokenFor(assetId: string, options: { maxHeight?: number; sessionId?: string; ttl?: number } = {}) {
    const ttl = options.ttl ?? this.options.tokenTtl;
    const exp = Math.floor(this.now() / 1000) + ttl;
    const token = this.signer.sign({
      path: `/media/${assetId}/`,
      exp,
      maxHeight: options.maxHeight ?? 0,
      ...(options.sessionId ? { sid: options.sessionId } : {}),
    });
    return { token, exp, ttl };
  }

  /** `/media/<asset>/<file>?token=…` */
  mediaUrl(assetId: string, file: string, token?: string): string {
    return `/media/${assetId}/${file}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  }

  /** The asset a film (episode '') or an episode plays, if any. */
  async boundAsset(titleId: string, episodeId: string | null): Promise<AssetRow | null> {
    const [row] = await this.#db
      .select({ asset: mediaAssets })
      .from(mediaBindings)
      .innerJoin(mediaAssets, eq(mediaAssets.id, mediaBindings.assetId))
      .where(and(eq(mediaBindings.titleId, titleId), eq(mediaBindings.episodeId, episodeId ?? '')));
    return row?.asset ?? null;
  }

  /** Deletes an asset's files (source, upload, output). */
  removeFiles(asset: Pick<AssetRow, 'id' | 'sourcePath' | 'origin'>): void {
    rmSync(this.outDir(asset.id), { recursive: true, force: true });
    rmSync(this.uploadPath(asset.id), { force: true });
    if (asset.sourcePath && asset.origin === 'upload') rmSync(join(this.root, asset.sourcePath), { force: true });
  }

  /** The output of a ready asset. */
  static output(asset: AssetRow): PackagedMedia | null {
    return asset.status === 'ready' && asset.output ? (asset.output as PackagedMedia) : null;
  }

  async assetsByIds(ids: string[]): Promise<AssetRow[]> {
    if (!ids.length) return [];
    return this.#db.select().from(mediaAssets).where(inArray(mediaAssets.id, ids));
  }
}

/** Decorates the app with `app.media` (signing keys loaded); the worker is started by the server. */
export const mediaPlugin = fp(
  async (app: FastifyInstance) => {
    const service = new MediaService(app.db, {
      ...app.config.media,
      dataDir: app.config.dataDir,
      singleProcess: app.database.kind === 'pglite',
      log: app.log,
    });
    await service.init();
    app.decorate('media', service);
    app.addHook('onClose', async () => {
      await service.stop();
    });
  },
  { name: 'reel-media' },
);
