#!/usr/bin/env node
// `npm start` after installation: builds every package, then serves the site on
// http://127.0.0.1:${PORT:-8080}: the reference API server (apps/api) serves the API, the shell
// and the element bundles on one origin; the partner demo (apps/partner-demo) runs next to it on
// http://127.0.0.1:${REEL_PARTNER_DEMO_PORT:-8090}.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pnpm } from './pnpm.mjs';
import { root } from './workspace.mjs';

if (!process.argv.includes('--no-build')) {
  console.log('› building packages');
  if (spawnSync(process.execPath, [join(root, 'scripts/build-all.mjs')], { stdio: 'inherit' }).status !== 0)
    process.exit(1);
}

// The partner demo (apps/partner-demo): a partner's site on its own origin, embedding Reel.
const apiPort = process.env.PORT ?? '8080';
const demoPort = process.env.REEL_PARTNER_DEMO_PORT ?? '8090';
const demo = spawn(process.execPath, [join(root, 'apps/partner-demo/server.mjs')], {
  env: {
    ...process.env,
    REEL_PARTNER_DEMO_PORT: demoPort,
    REEL_PARTNER_DEMO_API: process.env.REEL_PARTNER_DEMO_API ?? `http://127.0.0.1:${apiPort}`,
  },
  stdio: 'inherit',
});
const stopDemo = () => {
  if (demo.exitCode === null) demo.kill('SIGTERM');
};
process.on('exit', stopDemo);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
const status = pnpm(['--filter', '@reel/api', 'run', 'start'], {
  env: { ...process.env, REEL_PARTNER_DEMO_PORT: demoPort },
});
stopDemo();
process.exit(status);
