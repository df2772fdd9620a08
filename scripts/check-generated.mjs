#!/usr/bin/env node
// Generated, checked-in files must match what their generators produce now. Each generator runs
// with `--check` (write nothing, exit 1 when stale); refresh them with `pnpm generate`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './workspace.mjs';

/** Generator scripts (run through tsx). */
const generators = ['packages/contracts/scripts/generate.ts'];

let failed = 0;
for (const script of generators) {
  const r = spawnSync(
    process.execPath,
    ['--conditions=reel-source', '--import', 'tsx', join(root, script), '--check'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) failed++;
}
if (
  spawnSync(process.execPath, [join(root, 'scripts/docs-examples.mjs'), '--check'], { cwd: root, stdio: 'inherit' })
    .status !== 0
) {
  failed++;
}
process.exit(failed ? 1 : 0);
