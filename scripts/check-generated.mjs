#!/usr/bin/env node
// Generated, checked-in files must match what their generators produce now (run
// `pnpm generate` to refresh them). Each generator is a script that prints the file's content.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './workspace.mjs';

/** [checked-in file, generator script that writes it with --write or prints it with --check] */
export const generated = [];

let stale = 0;
for (const [file, script] of generated) {
  const r = spawnSync(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', join(root, script), '--stdout'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const current = existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : '';
  if (r.status !== 0 || r.stdout !== current) {
    console.error(`stale: ${file} — run \`pnpm generate\``);
    stale++;
  } else console.log(`up to date: ${file}`);
}
if (generated.length === 0) console.log('no generated files yet');
process.exit(stale ? 1 : 0);
