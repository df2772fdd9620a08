#!/usr/bin/env node
// `npm start` and `npm test` on a machine with only Node.js and npm: installs what is missing
// (pnpm, pinned; the workspace's packages from the lockfile; Chromium and ffmpeg with apt-get when
// the machine has it and they are absent), then starts the site or runs every test.
// Running it again re-downloads nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pnpm } from './pnpm.mjs';
import { root } from './workspace.mjs';

const command = process.argv[2];
if (command !== 'start' && command !== 'test') {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}

const has = (bin) =>
  spawnSync('sh', ['-c', `command -v ${bin} || ls /usr/lib/postgresql/*/bin/${bin}`], { stdio: 'ignore' }).status === 0;

/** System packages: Chromium for the browser tests, ffmpeg for the media pipeline. */
function ensureSystemPackages(wanted) {
  const missing = wanted.filter(([bin]) => !has(bin)).map(([, pkg]) => pkg);
  if (missing.length === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : has('sudo') ? ['sudo', '-n'] : null;
  if (!has('apt-get') || sudo === null) {
    console.warn(`› missing system packages: ${missing.join(', ')} — install them with your package manager`);
    return;
  }
  console.log(`› installing system packages: ${missing.join(', ')}`);
  const run = (args) =>
    spawnSync(sudo[0] ?? args[0], [...sudo.slice(1), ...(sudo.length ? args : args.slice(1))], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

const lockfile = existsSync(join(root, 'pnpm-lock.yaml'));
const installArgs = ['install', '--prefer-offline', lockfile ? '--frozen-lockfile' : '--no-frozen-lockfile'];

if (command === 'test') {
  ensureSystemPackages([
    ['chromium', 'chromium'],
    ['ffmpeg', 'ffmpeg'],
    ['pg_ctl', 'postgresql'],
  ]);
  if (pnpm(installArgs) !== 0) process.exit(1);
  process.exit(pnpm(['exec', 'node', 'scripts/test-all.mjs', ...process.argv.slice(3)]));
} else {
  ensureSystemPackages([['ffmpeg', 'ffmpeg']]);
  if (pnpm(installArgs) !== 0) process.exit(1);
  process.exit(pnpm(['exec', 'node', 'scripts/start.mjs', ...process.argv.slice(3)]));
}
