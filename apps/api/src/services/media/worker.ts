// A bounded pool working the media queue: `concurrency` slots, each claiming one job at a time.
// Idle slots poll the queue (and wake at once when a job is enqueued in this process).
import { hostname } from 'node:os';
import type { JobRow, MediaQueue } from './queue.js';

export type JobRunner = (
  job: JobRow,
  report: (stage: string, progress: number) => void,
  signal: AbortSignal,
) => Promise<void>;

export interface WorkerOptions {
  concurrency: number;
  /** How often an idle slot looks at the queue, ms. */
  pollMs?: number;
  onError?: (job: JobRow, error: unknown) => void;
}

export class MediaWorker {
  readonly id = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly #queue: MediaQueue;
  readonly #run: JobRunner;
  readonly #options: WorkerOptions;
  readonly #abort = new AbortController();
  #slots: Promise<void>[] = [];
  #wake: (() => void)[] = [];
  #running = new Set<string>();
  #stopped = false;

  constructor(queue: MediaQueue, run: JobRunner, options: WorkerOptions) {
    this.#queue = queue;
    this.#run = run;
    this.#options = options;
  }

  /** Ids of the jobs running in this process. */
  get running(): ReadonlySet<string> {
    return this.#running;
  }

  start(): void {
    for (let i = 0; i < Math.max(1, this.#options.concurrency); i++) this.#slots.push(this.#loop(i));
  }

  /** Wakes idle slots (a job was enqueued). */
  poke(): void {
    for (const wake of this.#wake.splice(0)) wake();
  }

  /** Stops claiming, aborts running ffmpeg processes and waits for the slots to end. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    this.poke();
    await Promise.allSettled(this.#slots);
  }

  async #loop(slot: number): Promise<void> {
    const workerId = `${this.id}-${slot}`;
    while (!this.#stopped) {
      let job: JobRow | null = null;
      try {
        job = await this.#queue.claim(workerId);
      } catch {
        job = null;
      }
      if (!job) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.#options.pollMs ?? 1000);
          this.#wake.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        continue;
      }
      this.#running.add(job.id);
      const claimed = job;
      let last = 0;
      const started = Date.now();
      const report = (stage: string, progress: number) => {
        const now = Date.now();
        // At most one write a second (and always the stage changes).
        if (now - last < 1000 && progress < 1) return;
        last = now;
        const elapsed = (now - started) / 1000;
        const eta = progress > 0.02 ? Math.round((elapsed / progress - elapsed) * 10) / 10 : null;
        this.#queue.progress(claimed.id, workerId, stage, progress, eta).catch(() => {});
      };
      try {
        await this.#run(claimed, report, this.#abort.signal);
      } catch (error) {
        this.#options.onError?.(claimed, error);
      } finally {
        this.#running.delete(claimed.id);
      }
    }
  }
}
