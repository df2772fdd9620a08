#!/usr/bin/env node
// Builds every workspace package that has a `build` script, dependencies first (pnpm's topological order).
import { pnpm } from './pnpm.mjs';

process.exit(pnpm(['-r', '--workspace-concurrency=2', 'run', 'build']));
