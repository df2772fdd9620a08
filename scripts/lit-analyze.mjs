#!/usr/bin/env node
// Type-checks Lit templates (bindings, unknown tags and attributes) in every package's sources.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findFiles, root, workspacePackages } from './workspace.mjs';

const files = workspacePackages()
  .filter((p) => p.testEnv === 'browser')
  .flatMap((p) => findFiles(join(p.dir, 'src'), '.ts'))
  .filter((f) => !f.endsWith('.test.ts'));
if (files.length === 0) {
  console.log('no element sources');
  process.exit(0);
}
const r = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'lit-analyzer', 'cli.js'), '--strict', '--rules.no-missing-import', 'off', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
