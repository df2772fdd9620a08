#!/usr/bin/env node
// Renders the PNG app icons from public/icons/*.svg with Chromium (run by hand when the SVGs
// change; the PNGs are committed, so the build needs no browser).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = join(fileURLToPath(import.meta.url), '..', '..', 'public', 'icons');
const sizes = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  for (const [source, target, size] of sizes) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = readFileSync(join(dir, source), 'utf8');
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    writeFileSync(join(dir, target), await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`wrote ${target}`);
  }
} finally {
  await browser.close();
}
