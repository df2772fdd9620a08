#!/usr/bin/env node
// Benchmark runner: runs every bench/*.bench.{mjs,ts} (or those whose name contains an argument)
// and prints each one's tables. A benchmark file default-exports an async function that returns
// `{ title, rows, notes? }` or an array of them; rows are objects with the same keys.
// Benchmarks measure; they never fail a build (budgets live in `npm run size`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable } from '../scripts/table.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => /\.bench\.(mjs|ts)$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (process.argv.includes('--child')) {
  // Runs one file (in a process of its own, so TypeScript benches load through tsx).
  const mod = await import(pathToFileURL(join(here, filters[0])).href);
  const results = [await mod.default()].flat();
  for (const r of results) {
    console.log(formatTable(r.rows, `## ${r.title}`));
    if (r.notes) console.log(`${r.notes}\n`);
  }
} else {
  if (files.length === 0) console.log('No benchmarks matched.');
  let failures = 0;
  for (const f of files) {
    console.log(`# ${f}\n`);
    const r = spawnSync(
      process.execPath,
      ['--conditions=reel-source', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', f],
      { stdio: 'inherit', cwd: join(here, '..') },
    );
    if (r.status !== 0) failures++;
  }
  process.exit(failures ? 1 : 0);
}
