// How long defining and upgrading elements costs, in the page (Chromium, headless): the
// guarded defineElement next to a bare customElements.define, for 1,000 tags.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = join(fileURLToPath(import.meta.url), '..', '..');

export default async function () {
  const bundle = await build({
    entryPoints: [join(root, 'packages/core/src/define-element.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'reelCore',
    write: false,
    conditions: ['reel-source'],
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const rows = [];
    for (const variant of ['customElements.define', 'defineElement']) {
      const times = [];
      for (let run = 0; run < 7; run++) {
        times.push(
          await page.evaluate(
            ({ variant, run }) => {
              const t0 = performance.now();
              for (let i = 0; i < 1000; i++) {
                const tag = `bench-${variant === 'defineElement' ? 'g' : 'b'}-${run}-${i}`;
                const ctor = class extends HTMLElement {};
                if (variant === 'defineElement') window.reelCore.defineElement(tag, ctor);
                else customElements.define(tag, ctor);
              }
              return performance.now() - t0;
            },
            { variant, run },
          ),
        );
      }
      times.sort((a, b) => a - b);
      rows.push({
        case: `${variant} × 1,000`,
        'median ms': times[3].toFixed(2),
        'min ms': times[0].toFixed(2),
        'max ms': times[6].toFixed(2),
      });
    }
    return { title: 'Element registration (7 runs)', rows };
  } finally {
    await browser.close();
  }
}
