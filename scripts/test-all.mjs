#!/usr/bin/env node
// Every test suite of the workspace, in order, each run even when an earlier one fails; then a
// table of the suites and the line `tests: N passed, N failed` (totals of every runner).
// Exit status is non-zero when anything failed. `--only=<suite,...>` runs a subset.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable } from './table.mjs';
import { root } from './workspace.mjs';

const resultsDir = join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const bin = (name) => join(root, 'node_modules', '.bin', name);
const node = (script, ...args) => [process.execPath, join(root, script), ...args];

/**
 * Suites: a check counts as one test; a runner reports its own totals in .test-results/<id>.json.
 * `needsBuild` suites are skipped (and counted failed) when the build failed.
 */
const suites = [
  { id: 'lint', title: 'Lint and format (Biome)', cmd: [bin('biome'), 'ci', '--colors=off', '.'] },
  { id: 'lit', title: 'Lit templates (lit-analyzer)', cmd: node('scripts/lit-analyze.mjs') },
  { id: 'typecheck', title: 'Type check (tsc -b)', cmd: [bin('tsc'), '-b', 'tsconfig.json'] },
  { id: 'build', title: 'Build (dist, standalone, manifests)', cmd: node('scripts/build-all.mjs') },
  { id: 'generated', title: 'Generated files up to date', cmd: node('scripts/check-generated.mjs') },
  {
    id: 'unit',
    title: 'Node tests (contracts, client, api)',
    cmd: node('scripts/test-node.mjs', 'unit'),
    counts: true,
  },
  {
    // The apps/api tests again on a real PostgreSQL server (a throw-away cluster; .ci/run installs
    // it), except those whose subject does not touch the database engine: the contract's fuzz and
    // authorization matrices (input validation and guards, identical on both) and the ffmpeg-bound
    // media and asset tests (encoding, probing). They run on PGlite above.
    id: 'unit-postgres',
    title: 'API tests on PostgreSQL',
    cmd: node(
      'scripts/with-postgres.mjs',
      process.execPath,
      join(root, 'scripts/test-node.mjs'),
      'unit',
      'apps/api',
      '--results=unit-postgres',
      '--exclude=test/contract/fuzz,test/contract/authz,test/media/demo,test/media/ingest,test/media/pipeline,test/admin/audio-tracks,test/admin/artwork,test/admin/subtitles,test/admin/trailers,test/admin/streams',
    ),
    counts: true,
  },
  { id: 'browser', title: 'Browser tests (web-test-runner)', cmd: [bin('wtr'), '--coverage'], counts: true },
  {
    id: 'e2e',
    title: 'End-to-end (Playwright)',
    cmd: node('scripts/test-node.mjs', 'e2e'),
    counts: true,
    needsBuild: true,
  },
  { id: 'size', title: 'Size budgets', cmd: node('scripts/size.mjs') },
];

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const rows = [];
let passed = 0;
let failed = 0;
let buildOk = true;
for (const suite of suites) {
  if (only && !only.includes(suite.id)) continue;
  console.log(`\n━━━ ${suite.title} ━━━`);
  if (suite.needsBuild && !buildOk) {
    console.log('skipped: the build failed');
    rows.push({ suite: suite.title, passed: 0, failed: 1, time: '-' });
    failed++;
    continue;
  }
  const t0 = Date.now();
  const r = spawnSync(suite.cmd[0], suite.cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const seconds = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  let p = r.status === 0 ? 1 : 0;
  let f = r.status === 0 ? 0 : 1;
  const countsFile = join(resultsDir, `${suite.id}.json`);
  if (suite.counts && existsSync(countsFile)) {
    const c = JSON.parse(readFileSync(countsFile, 'utf8'));
    p = c.passed;
    f = c.failed + (r.status !== 0 && c.failed === 0 ? 1 : 0);
  }
  if (suite.id === 'build' && r.status !== 0) buildOk = false;
  passed += p;
  failed += f;
  rows.push({ suite: suite.title, passed: p, failed: f, time: seconds });
}
console.log(`\n${formatTable(rows, 'Summary')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
