#!/usr/bin/env node
// Node-side tests with Node's own test runner (TypeScript through tsx):
//   unit — every *.test.ts of the packages whose package.json says `"reel": { "testEnv": "node" }`
//          and of apps/*;
//   e2e  — e2e/**/*.test.ts: user journeys in Debian's Chromium (playwright-core) against the site.
// Extra arguments narrow the run to matching file paths: `node scripts/test-node.mjs unit contracts`.
// Totals go to .test-results/<suite>.json for `npm test`'s summary line; `--results=<name>` names
// that file (and the TAP log) otherwise, so a suite run twice (apps/api on PostgreSQL) counts apart.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findFiles, root, workspacePackages } from './workspace.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const resultsName = option('results');
// `--exclude=a,b`: leave out files whose path contains any of these.
const excluded = (option('exclude') ?? '').split(',').filter(Boolean);
const [suite = 'unit', ...filters] = args.filter((a) => !a.startsWith('--'));
const results = resultsName || suite;
let files;
if (suite === 'unit') {
  files = [
    ...workspacePackages()
      .filter((p) => p.testEnv === 'node')
      .flatMap((p) => findFiles(p.dir, '.test.ts')),
    // The build's own helpers (vite plugins).
    ...findFiles(join(root, 'build'), '.test.mjs'),
  ];
} else if (suite === 'e2e') {
  files = findFiles(join(root, 'e2e'), '.test.ts');
} else {
  console.error(`unknown suite ${suite} (unit or e2e)`);
  process.exit(2);
}
files = files
  .map((f) => relative(root, f))
  .filter((f) => filters.every((x) => f.includes(x)) && !excluded.some((x) => f.includes(x)));

const resultsDir = join(root, '.test-results');
mkdirSync(resultsDir, { recursive: true });
const tapFile = join(resultsDir, `${results}.tap`);
rmSync(tapFile, { force: true });

if (files.length === 0) {
  console.log(`no ${suite} test files`);
  writeFileSync(join(resultsDir, `${results}.json`), JSON.stringify({ passed: 0, failed: 0 }));
  process.exit(0);
}

const nodeArgs = [
  '--conditions=reel-source',
  '--import',
  'tsx',
  '--test',
  // Two at a time (e2e too: at three, the reviews journey timed out on a 2-core machine).
  '--test-concurrency=2',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapFile}`,
  ...files,
];
// The e2e files each start a site; they copy one seeded data folder rather than each seeding.
const env = { ...process.env, REEL_TEST: '1' };
let template;
if (suite === 'e2e' && !env.REEL_API_DATA_TEMPLATE) {
  const { prepareDataTemplate } = await import('./api-server.mjs');
  template = await prepareDataTemplate();
  env.REEL_API_DATA_TEMPLATE = template;
}
const r = spawnSync(process.execPath, nodeArgs, { cwd: root, stdio: 'inherit', env });
if (template) rmSync(template, { recursive: true, force: true });

let passed = 0;
let failed = 0;
try {
  const tap = readFileSync(tapFile, 'utf8');
  passed = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  failed = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(tap)?.[1] ?? 0);
} catch {
  failed = 1;
}
if (r.status !== 0 && failed === 0) failed = 1;
writeFileSync(join(resultsDir, `${results}.json`), JSON.stringify({ passed, failed }));
process.exit(r.status ?? 1);
