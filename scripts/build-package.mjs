#!/usr/bin/env node
// Builds the package in the current directory: dist/ (bare imports, for the import map),
// dist/standalone/ (self-contained, if the package has standalone entries) and the
// custom-elements manifest, copied into both outputs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
const require = createRequire(import.meta.url);

// Clean dist/ but keep dist/types (declarations written by `tsc -b`).
if (existsSync(join(cwd, 'dist'))) {
  for (const entry of readdirSync(join(cwd, 'dist'))) {
    if (entry !== 'types') rmSync(join(cwd, 'dist', entry), { recursive: true, force: true, maxRetries: 3 });
  }
}
await build({ root: cwd, mode: 'production', configFile: join(cwd, 'vite.config.ts'), build: { emptyOutDir: false } });
const hasStandalone = readFileSync(join(cwd, 'vite.config.ts'), 'utf8').includes('standalone:');
if (hasStandalone) await build({ root: cwd, mode: 'standalone', configFile: join(cwd, 'vite.config.ts') });

// Custom-elements manifest from the JSDoc of the sources (Lit-aware).
const cem = join(require.resolve('@custom-elements-manifest/analyzer/package.json'), '..', 'cem.js');
execFileSync(
  process.execPath,
  [
    cem,
    'analyze',
    '--litelement',
    '--globs',
    'src/**/*.ts',
    '--exclude',
    'src/**/*.test.ts',
    '--exclude',
    'src/**/*.styles.ts',
    '--outdir',
    '.',
    '--quiet',
  ],
  { cwd, stdio: 'inherit' },
);
const manifest = join(cwd, 'custom-elements.json');
copyFileSync(manifest, join(cwd, 'dist', 'custom-elements.json'));
if (hasStandalone) {
  mkdirSync(join(cwd, 'dist', 'standalone'), { recursive: true });
  copyFileSync(manifest, join(cwd, 'dist', 'standalone', 'custom-elements.json'));
}
console.log(
  `built ${pkg.name}${hasStandalone ? ' (dist + standalone)' : ' (dist)'}${existsSync(manifest) ? ' + manifest' : ''}`,
);
