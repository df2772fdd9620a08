// `pnpm contract:diff <file-or-url>`: what another backend's OpenAPI document (JSON or YAML) lacks
// or does differently from Reel's contract. Exits 1 when anything differs.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { diffContracts } from '../src/contract-diff.js';
import { buildOpenApi } from '../src/openapi.js';

const source = process.argv[2];
if (!source) {
  console.error('usage: pnpm contract:diff <openapi.json|openapi.yaml|https://…>');
  process.exit(2);
}
const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
const other = (text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text)) as Record<string, unknown>;
const ours = buildOpenApi('current');
const diff = diffContracts(ours, other);
const total = Object.values(ours.paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
const missing = new Set(diff.filter((d) => d.kind === 'missing').map((d) => d.operation));
const differing = new Set(diff.filter((d) => d.kind !== 'missing').map((d) => d.operation));
for (const d of diff) console.log(`${d.kind.padEnd(9)} ${d.method.padEnd(6)} ${d.path}  ${d.operation}: ${d.detail}`);
console.log(
  `\n${total} operations in Reel's contract: ${missing.size} missing from ${source}, ${differing.size} with differences.`,
);
process.exit(diff.length ? 1 : 0);
