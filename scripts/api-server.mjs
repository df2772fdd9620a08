// Starts the real reference API (apps/api) as a child process on a free loopback port, with a
// fresh data folder and the demo content, for test runners that need a real server (the browser
// tests proxy /api, /media and /.well-known to it; benchmarks and end-to-end tests use it too).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
 * @param {{ env?: Record<string, string>, timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, port: number, output: () => string, stop: () => Promise<void> }>}
 */
export async function startApiServer(options = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'reel-api-'));
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
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
