#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's `packageManager`, installing it once into
// `.tools/` with npm. Corepack is not used: its signature check fails for current pnpm releases
// on Node 20, and a global install is not something a fresh machine has.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
const version = /^pnpm@([^+]+)/.exec(pinned)?.[1];
if (!version) throw new Error(`package.json packageManager must be pnpm@<version>, got ${pinned}`);

const toolsDir = join(root, '.tools', `pnpm-${version}`);
const bin = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');

/** Installs the pinned pnpm if it is not there yet; returns the path of its CLI. */
export function ensurePnpm() {
  if (!existsSync(bin)) {
    console.log(`› installing pnpm ${version} into .tools/ (once)`);
    const r = spawnSync(
      'npm',
      ['install', '--prefix', toolsDir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `pnpm@${version}`],
      { stdio: 'inherit' },
    );
    if (r.status !== 0 || !existsSync(bin)) throw new Error('could not install pnpm with npm');
  }
  return bin;
}

/** Runs pnpm with the given arguments in the repository root; returns its exit status. */
export function pnpm(args, options = {}) {
  const r = spawnSync(process.execPath, [ensurePnpm(), ...args], { stdio: 'inherit', cwd: root, ...options });
  return r.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(pnpm(process.argv.slice(2)));
}
