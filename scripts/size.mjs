#!/usr/bin/env node
// Size budgets. For every entry listed in a package's `reel.budgets` ({ "src/x.ts": maxBytes }),
// bundles the entry with esbuild (minified, ES2022) two ways and prints a table:
//   own     — shared dependencies left as bare imports (what the entry adds on a shell page);
//   initial — everything it loads before any dynamic import (what a partner page pays), min+gzip;
//   brotli  — the same, brotli;   lazy — dynamically imported chunks (hls.js …), min+gzip.
// The budget applies to `initial` min+gzip. Exits 1 when any entry is over budget.
// `--json` prints the rows as JSON (for benchmarks and docs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { cssLiteralsEsbuildPlugin } from '../build/css-literals.mjs';
import { pureContractEsbuildPlugin } from '../build/pure-annotate.mjs';
import { formatTable } from './table.mjs';
import { root, workspacePackages } from './workspace.mjs';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** Bundles `entry`; returns the initial (static graph) and lazy byte counts. */
export async function measure(entry, { external = false } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'reel-size-'));
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outdir,
      write: true,
      metafile: true,
      logLevel: 'silent',
      conditions: ['reel-source', 'browser', 'module', 'import'],
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: external
        ? [
            pureContractEsbuildPlugin(),
            cssLiteralsEsbuildPlugin(),
            {
              name: 'bare-external',
              setup(b) {
                b.onResolve({ filter: /^[^./]/ }, (args) =>
                  args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
                );
              },
            },
          ]
        : [pureContractEsbuildPlugin(), cssLiteralsEsbuildPlugin()],
      tsconfig: join(root, 'tsconfig.base.json'),
    });
    const outputs = result.metafile.outputs;
    // Dynamically imported modules (locale files) are entry points of the metafile too: pick ours.
    const entryOut = Object.keys(outputs).find(
      (o) => o.endsWith('.js') && outputs[o].entryPoint && resolve(outputs[o].entryPoint) === resolve(entry),
    );
    const initial = new Set();
    const visit = (o) => {
      if (initial.has(o)) return;
      initial.add(o);
      for (const imp of outputs[o].imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    };
    visit(entryOut);
    const read = (o) => readFileSync(join(root, o));
    const initialBuf = Buffer.concat([...initial].map(read));
    const lazy = Object.keys(outputs)
      .filter((o) => o.endsWith('.js') && !initial.has(o))
      .reduce((n, o) => n + gz(read(o)), 0);
    return { gzip: gz(initialBuf), brotli: br(initialBuf), lazy };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function main() {
  const rows = [];
  for (const p of workspacePackages()) {
    for (const [file, budget] of Object.entries(p.pkg.reel?.budgets ?? {})) {
      const entry = join(p.dir, file);
      const own = await measure(entry, { external: true });
      const all = await measure(entry);
      rows.push({
        package: p.name,
        entry: relative(p.dir, entry),
        own: own.gzip,
        ...all,
        budget,
        ok: all.gzip <= budget,
      });
    }
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    console.log(
      formatTable(
        rows.map((r) => ({
          package: r.package,
          entry: r.entry,
          'own min+gz': kb(r.own),
          'initial min+gz': kb(r.gzip),
          'initial brotli': kb(r.brotli),
          'lazy min+gz': kb(r.lazy),
          budget: kb(r.budget),
          status: r.ok ? 'ok' : 'OVER',
        })),
        'Bundle sizes (budget applies to initial min+gzip)',
      ),
    );
  }
  const over = rows.filter((r) => !r.ok);
  for (const r of over) console.error(`over budget: ${r.package} ${r.entry} ${r.gzip} B > ${r.budget} B`);
  return { passed: rows.length - over.length, failed: over.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { failed } = await main();
  process.exit(failed ? 1 : 0);
}

export { main };
