#!/usr/bin/env node
// Docs that show a tested source file carry it between `<!-- example:<path> -->` and
// `<!-- /example -->`: this fills the code block from the file (`--check`: fail when stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFiles, root } from './workspace.mjs';

const check = process.argv.includes('--check');
const BLOCK = /(<!-- example:(\S+) -->\n)```(\w*)\n[\s\S]*?```\n(<!-- \/example -->)/g;
let stale = 0;
for (const doc of findFiles(join(root, 'docs'), '.md')) {
  const text = readFileSync(doc, 'utf8');
  const next = text.replace(BLOCK, (_m, open, path, lang, close) => {
    const source = readFileSync(join(root, path), 'utf8');
    return `${open}\`\`\`${lang || 'ts'}\n${source.endsWith('\n') ? source : `${source}\n`}\`\`\`\n${close}`;
  });
  if (next === text) continue;
  if (check) {
    console.error(`stale: ${doc.slice(root.length + 1)} — run \`pnpm generate\``);
    stale++;
  } else {
    writeFileSync(doc, next);
    console.log(`wrote ${doc.slice(root.length + 1)}`);
  }
}
process.exit(stale ? 1 : 0);
