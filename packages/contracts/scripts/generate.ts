// Writes docs/api/openapi.json and docs/api/README.md from the contract.
// `--check`: write nothing, exit 1 if either file differs from what would be written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEndpointTable, buildOpenApi } from '../src/openapi.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'packages/contracts/package.json'), 'utf8')) as { version: string };
const files: [string, string][] = [
  ['docs/api/openapi.json', `${JSON.stringify(buildOpenApi(pkg.version), null, 2)}\n`],
  ['docs/api/README.md', buildEndpointTable()],
];
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, content] of files) {
  const path = join(root, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === content) continue;
  if (check) {
    console.error(`stale: ${file} — run \`pnpm generate\``);
    stale++;
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  }
}
if (check && !stale) console.log('docs/api is up to date');
process.exit(stale ? 1 : 0);
