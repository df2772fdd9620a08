#!/usr/bin/env node
// `npm start` after installation: builds every package, then serves the site on
// http://127.0.0.1:${PORT:-8080}. The reference API server (apps/api) serves the shell, the
// element bundles and the API together; until it exists, a small static server shows the
// packages that are built, and says so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pnpm } from './pnpm.mjs';
import { root } from './workspace.mjs';

if (!process.argv.includes('--no-build')) {
  console.log('› building packages');
  if (spawnSync(process.execPath, [join(root, 'scripts/build-all.mjs')], { stdio: 'inherit' }).status !== 0)
    process.exit(1);
}
if (existsSync(join(root, 'apps/api/package.json'))) {
  process.exit(pnpm(['--filter', '@reel/api', 'run', 'start']));
} else {
  await import('./foundation-server.mjs');
}
