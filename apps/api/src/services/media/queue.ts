// The media job queue, in the database: jobs survive a restart. A worker claims the next job with
// `FOR UPDATE SKIP LOCKED` and holds a lease it renews with each progress report; a job whose
// worker died (lease lapsed) goes back to the queue until its attempts run out, then fails with
// the last error.
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mediaJobs } from '../../db/schema/index.js';
import { newId } from '../../ids.js';

export type JobRow = typeof mediaJobs.$inferSelect;
export type JobKind = JobRow['kind'];

export interface EnqueueInput {
  assetId: string;
  kind: JobKind;
  label: string;
  payload?: Record<string, unknown>;
  priority?: number;
  maxAttempts?: number;
}

export interface QueueStats {
  queued: number;
  running: number;
  failedLastHour: number;
  /** Seconds the oldest queued job has waited; null with an empty queue. */
  oldestQueuedAge: number | null;
}

/** Seconds a claimed job may go without a progress report before another worker may take it. */
export const LEASE_SECONDS = 90;

/** Backoff before retry n (1-based): 2 s, 8 s, 32 s … capped at 5 minutes. */
export const retryDelayMs = (attempt: number) => Math.min(300_000, 2000 * 4 ** Math.max(0, attempt - 1));

interface RawJob {
  id: string;
}

export class MediaQueue {
  readonly #db: Db;
  readonly now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.now = now;
  }

  async enqueue(input: EnqueueInput): Promise<JobRow> {
    const [row] = await this.#db
      .insert(mediaJobs)
      .values({
        id: newId('job'),
        assetId: input.assetId,
        kind: input.kind,
        label: input.label,
        payload: input.payload ?? {},
        priority: input.priority ?? 0,
        maxAttempts: input.maxAttempts ?? 3,
        runAfter: new Date(this.now()),
        createdAt: new Date(this.now()),
        updatedAt: new Date(this.now()),
      })
      .returning();
    return row as JobRow;
  }

  /** Takes the next runnable job (highest priority, then oldest) for `workerId`, or null. */
  async claim(workerId: string): Promise<JobRow | null> {
    const now = new Date(this.now());
    const lease = new Date(this.now() + LEASE_SECONDS * 1000);
    const result = (await this.#db.execute(sql`
      update ${mediaJobs}
         set state = 'running', attempts = attempts + 1, worker_id = ${workerId},
             lease_expires_at = ${lease.toISOString()}::timestamptz,
             started_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz,
             stage = 'starting', progress = 0, eta_seconds = null
       where id = (
         select id from ${mediaJobs}
          where state = 'queued' and run_after <= ${now.toISOString()}::timestamptz
          order by priority desc, created_at asc, id asc
          limit 1
          for update skip locked)
       returning id`)) as unknown as { rows: RawJob[] };
    const id = result.rows[0]?.id;
    if (!id) return null;
    const [row] = await this.#db.select().from(mediaJobs).where(eq(mediaJobs.id, id));
    return row ?? null;
  }

  /** Records progress and renews the lease. False when the job is no longer this worker's. */
  async progress(
    jobId: string,
    workerId: string,
    stage: string,
    progress: number,
    etaSeconds: number | null,
  ): Promise<boolean> {
    const rows = await this.#db
      .update(mediaJobs)
      .set({
        stage,
        progress: Math.max(0, Math.min(1, progress)),
        etaSeconds,
        leaseExpiresAt: new Date(this.now() + LEASE_SECONDS * 1000),
        updatedAt: new Date(this.now()),
      })
      .where(and(eq(mediaJobs.id, jobId), eq(mediaJobs.workerId, workerId), eq(mediaJobs.state, 'running')))
      .returning({ id: mediaJobs.id });
    return rows.length > 0;
  }

  async succeed(jobId: string): Promise<void> {
    await this.#db
      .update(mediaJobs)
      .set({
        state: 'succeeded',
        stage: 'done',
        progress: 1,
        etaSeconds: 0,
        error: null,
        leaseExpiresAt: null,
        finishedAt: new Date(this.now()),
        updatedAt: new Date(this.now()),
      })
      .where(eq(mediaJobs.id, jobId));
  }

  /**
   * A failed attempt: back to the queue after a backoff while attempts remain (and `retry`),
   * otherwise failed for good. Returns the state it ends in.
   */
  async fail(job: JobRow, error: { code: string; message: string }, retry: boolean): Promise<'queued' | 'failed'> {
    const again = retry && job.attempts < job.maxAttempts;
    await this.#db
      .update(mediaJobs)
      .set({
        state: again ? 'queued' : 'failed',
        error: { code: error.code, message: error.message.slice(0, 2000) },
        runAfter: new Date(this.now() + (again ? retryDelayMs(job.attempts) : 0)),
        leaseExpiresAt: null,
        workerId: null,
        etaSeconds: null,
        finishedAt: again ? null : new Date(this.now()),
        updatedAt: new Date(this.now()),
      })
      .where(eq(mediaJobs.id, job.id));
    return again ? 'queued' : 'failed';
  }

  /** Gives a job back to the queue without counting the attempt (the server is shutting down). */
  async release(job: JobRow): Promise<void> {
    await this.#db
      .update(mediaJobs)
      .set({
        state: 'queued',
        attempts: Math.max(0, job.attempts - 1),
        stage: null,
        leaseExpiresAt: null,
        workerId: null,
        runAfter: new Date(this.now()),
        updatedAt: new Date(this.now()),
      })
      .where(and(eq(mediaJobs.id, job.id), eq(mediaJobs.state, 'running')));
  }

  /**
   * Jobs whose worker stopped (lease lapsed — a crash, a restart): queued again while attempts
   * remain, failed otherwise. Returns the ids of the jobs it failed.
   */
  async recover(): Promise<{ requeued: number; failed: string[] }> {
    const now = new Date(this.now());
    const stale = await this.#db
      .select()
      .from(mediaJobs)
      .where(and(eq(mediaJobs.state, 'running'), lt(mediaJobs.leaseExpiresAt, now)));
    let requeued = 0;
    const failed: string[] = [];
    for (const job of stale) {
      const previous = job.error?.message;
      const state = await this.fail(
        job,
        {
          code: 'worker_lost',
          message: `The worker stopped during "${job.stage ?? 'start'}" (attempt ${job.attempts} of ${job.maxAttempts})${previous ? `; last error: ${previous}` : ''}`,
        },
        true,
      );
      if (state === 'queued') requeued++;
      else failed.push(job.assetId);
    }
    return { requeued, failed };
  }

  /** At startup in a single-process deployment: every running job belonged to the previous process. */
  async releaseAll(): Promise<void> {
    await this.#db
      .update(mediaJobs)
      .set({ leaseExpiresAt: new Date(this.now() - 1000) })
      .where(eq(mediaJobs.state, 'running'));
  }

  /** Raises the priority of an asset's queued job (a viewer is waiting for it). */
  async bump(assetId: string, priority = 100): Promise<void> {
    await this.#db
      .update(mediaJobs)
      .set({ priority })
      .where(and(eq(mediaJobs.assetId, assetId), eq(mediaJobs.state, 'queued'), lt(mediaJobs.priority, priority)));
  }

  /** The latest job of each asset. */
  async latest(assetIds: readonly string[]): Promise<Map<string, JobRow>> {
    const out = new Map<string, JobRow>();
    if (!assetIds.length) return out;
    const rows = await this.#db
      .select()
      .from(mediaJobs)
      .where(inArray(mediaJobs.assetId, [...assetIds]))
      .orderBy(desc(mediaJobs.createdAt), desc(mediaJobs.id));
    for (const r of rows) if (!out.has(r.assetId)) out.set(r.assetId, r);
    return out;
  }

  /** Whether an asset has a job queued or running. */
  async active(assetId: string): Promise<JobRow | null> {
    const [row] = await this.#db
      .select()
      .from(mediaJobs)
      .where(and(eq(mediaJobs.assetId, assetId), inArray(mediaJobs.state, ['queued', 'running'])))
      .limit(1);
    return row ?? null;
  }

  async stats(): Promise<QueueStats> {
    const hourAgo = new Date(this.now() - 3600_000);
    const [row] = await this.#db
      .select({
        queued: sql<number>`count(*) filter (where ${mediaJobs.state} = 'queued')::int`,
        running: sql<number>`count(*) filter (where ${mediaJobs.state} = 'running')::int`,
        oldest: sql<Date | string | null>`min(${mediaJobs.createdAt}) filter (where ${mediaJobs.state} = 'queued')`,
      })
      .from(mediaJobs)
      .where(inArray(mediaJobs.state, ['queued', 'running']));
    const [failed] = await this.#db
      .select({ n: sql<number>`count(*)::int` })
      .from(mediaJobs)
      .where(and(eq(mediaJobs.state, 'failed'), gte(mediaJobs.finishedAt, hourAgo)));
    const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
    return {
      queued: Number(row?.queued ?? 0),
      running: Number(row?.running ?? 0),
      failedLastHour: Number(failed?.n ?? 0),
      oldestQueuedAge: oldest === null ? null : Math.max(0, Math.round((this.now() - oldest) / 100) / 10),
    };
  }
}
