// Starts the real reference API (apps/api) as a child process on a free loopback port, with a
// fresh data folder and the demo content, for test runners that need a real server (the browser
// tests proxy /api, /media and /.well-known to it; benchmarks and end-to-end tests use it too).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './workspace.mjs';

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * @param {{ env?: Record<string, string>, timeoutMs?: number, keepData?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, dataDir: string, output: () => string, stop: () => Promise<void> }>}
 */
export async function startApiServer(options = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'reel-api-'));
  // A test run seeds once (prepareDataTemplate) and every server of the run starts from a copy —
  // the same database and demo media a fresh start makes, in a third of the time.
  const template = process.env.REEL_API_DATA_TEMPLATE;
  // Only settings read at run time: anything the seed reads (REEL_PARTNER_DEMO_ORIGINS, …) needs a seed of its own.
  const runtimeOnly = new Set([
    'REEL_REAUTH_WINDOW_SECONDS',
    'REEL_EMAIL_RESEND_SECONDS',
    'REEL_IMPORT_MAP_OVERRIDES',
    'LOG_LEVEL',
  ]);
  const seedsAsUsual = Object.entries(options.env ?? {}).every(
    ([name, value]) => runtimeOnly.has(name) || (name === 'REEL_DEMO_MEDIA' && value === 'tiny'),
  );
  if (template && seedsAsUsual && !process.env.DATABASE_URL) cpSync(template, dataDir, { recursive: true });
  let log = '';
  const child = spawn(
    process.execPath,
    ['--conditions=reel-source', '--import', 'tsx', join(root, 'apps/api/src/server.ts')],
    {
      cwd: join(root, 'apps/api'),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        REEL_DATA_DIR: dataDir,
        NODE_ENV: 'test',
        REEL_RATE_LIMITS: 'off',
        REEL_REAUTH_WINDOW_SECONDS: '3',
        REEL_EMAIL_RESEND_SECONDS: '3',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited early:\n${log}`);
    try {
      if ((await fetch(`${url}/api/v1/ops/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid, 'SIGKILL');
      throw new Error(`the API did not answer in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    dataDir,
  };
}

/**
 * Starts a server in a new folder, waits until its demo media is made, stops it and returns the
 * folder: set it as REEL_API_DATA_TEMPLATE and startApiServer copies it instead of seeding.
 * @returns {Promise<string>}
 */
export async function prepareDataTemplate() {
  const previous = process.env.REEL_API_DATA_TEMPLATE;
  delete process.env.REEL_API_DATA_TEMPLATE;
  const server = await startApiServer({ timeoutMs: 300_000, keepData: true });
  if (previous !== undefined) process.env.REEL_API_DATA_TEMPLATE = previous;
  const deadline = Date.now() + 300_000;
  for (;;) {
    const health = await (await fetch(`${server.url}/api/v1/ops/health`)).json();
    const queue = health.checks?.media_queue;
    if (queue && queue.queued === 0 && queue.running === 0) break;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error('the demo media was not made in 5 minutes');
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await server.stop();
  return server.dataDir;
}
