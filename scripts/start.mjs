#!/usr/bin/env node
// `npm start` after installation: builds every package, then serves the site on
// http://127.0.0.1:${PORT:-8080}: the reference API server (apps/api) serves the API, the shell
// and the element bundles on one origin.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pnpm } from './pnpm.mjs';
import { root } from './workspace.mjs';

if (!process.argv.includes('--no-build')) {
  console.log('› building packages');
  if (spawnSync(process.execPath, [join(root, 'scripts/build-all.mjs')], { stdio: 'inherit' }).status !== 0)
    process.exit(1);
}
process.exit(pnpm(['--filter', '@reel/api', 'run', 'start']));
