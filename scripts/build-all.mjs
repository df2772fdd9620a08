#!/usr/bin/env node
// Builds every workspace package that has a `build` script, dependencies first (pnpm's topological
// order), then the shell last: its build assembles the import map from every package built before
// it (the shell does not depend on the element packages, so pnpm's order alone would not wait).
import { pnpm } from './pnpm.mjs';

const packages = pnpm(['-r', '--workspace-concurrency=2', '--filter', '!@reel/shell', 'run', 'build']);
if (packages !== 0) process.exit(packages);
process.exit(pnpm(['--filter', '@reel/shell', 'run', 'build']));
