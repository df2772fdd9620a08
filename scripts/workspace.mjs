// Facts about the workspace that the build, test and size scripts share.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every workspace package: { dir, name, pkg, testEnv }. `testEnv` is "browser" (the default:
 * tests run in Chromium through @web/test-runner) or "node" (package.json `reel.testEnv`).
 */
export function workspacePackages() {
  const dirs = [];
  for (const group of ['packages', 'apps']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const d of readdirSync(base, { withFileTypes: true })) if (d.isDirectory()) dirs.push(join(base, d.name));
  }
  if (existsSync(join(root, 'shell'))) dirs.push(join(root, 'shell'));
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { dir, name: pkg.name, pkg, testEnv: pkg.reel?.testEnv ?? 'browser' };
    });
}

/** Files under `dir` whose name ends with `suffix`, skipping node_modules and dist. */
export function findFiles(dir, suffix) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findFiles(path, suffix));
    else if (entry.name.endsWith(suffix)) out.push(path);
  }
  return out.sort();
}
