// Browser tests: every *.test.ts of every browser package, in Debian's headless Chromium.
// Run one package's tests with: pnpm test:browser --files 'packages/core/src/**/*.test.ts'
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { startApiServer } from './scripts/api-server.mjs';
import { root, workspacePackages } from './scripts/workspace.mjs';

const browserPackages = workspacePackages().filter((p) => p.testEnv === 'browser');
const relative = (dir) => dir.slice(root.length + 1);

/** Writes pass/fail totals to coverage/../.test-results/browser.json for `npm test`'s summary line. */
function countingReporter() {
  let passed = 0;
  let failed = 0;
  const walk = (suite) => {
    for (const t of suite.tests) {
      if (t.skipped) continue;
      if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite.suites) walk(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        // A file that failed to load has no test results: count it as one failure.
        if (!s.passed && (!s.testResults || s.testResults.tests.length + s.testResults.suites.length === 0)) failed++;
      }
      mkdirSync(`${root}/.test-results`, { recursive: true });
      writeFileSync(`${root}/.test-results/browser.json`, JSON.stringify({ passed, failed }));
    },
  };
}

/**
 * Every test page runs under the Content-Security-Policy the product ships with: no inline script
 * without this response's nonce, no eval, and Trusted Types enforced, so `unsafeHTML`,
 * `.innerHTML =`, an inline event handler or a `javascript:` URL fails the test that slips.
 * The runner page's own inline scripts (log tracking, config) get the per-response nonce here.
 * A guard script, first in <head>, turns every `securitypolicyviolation` that reaches `window`
 * into an uncaught error (which fails the running test); a test that provokes a violation on
 * purpose claims it by stopping the event's propagation at `document`.
 */
export const testPagePolicy = (nonce) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    // lit-html's own policy; 'allow-duplicates' because separately built bundles each carry lit.
    "trusted-types lit-html 'allow-duplicates'",
  ].join('; ');

const violationGuard = `window.__reelCspViolations = [];
window.addEventListener('securitypolicyviolation', (e) => {
  const what = e.effectiveDirective + (e.blockedURI ? ' blocked ' + e.blockedURI : '') + (e.sample ? ' (' + e.sample + ')' : '');
  window.__reelCspViolations.push(what);
  setTimeout(() => { throw new Error('Content-Security-Policy violation: ' + what); });
});`;

function strictContentSecurityPolicy() {
  return async (ctx, next) => {
    await next();
    if (ctx.path !== '/' || !ctx.response.is('html') || typeof ctx.body !== 'string') return;
    const nonce = randomBytes(16).toString('base64');
    const withGuard = ctx.body.includes('<head>')
      ? ctx.body.replace('<head>', `<head><script>${violationGuard}</script>`)
      : `<script>${violationGuard}</script>${ctx.body}`;
    ctx.body = withGuard.replace(/<(script|style)\b/g, `<$1 nonce="${nonce}"`);
    ctx.set('Content-Security-Policy', testPagePolicy(nonce));
  };
}

/**
 * The real reference API, started once for the run: element tests talk to it on the test page's
 * own origin (requests to /api, /media and /.well-known are passed through), so cookies, CORS
 * and the demo catalog behave as on the site. Set REEL_TEST_NO_API=1 to run without it.
 */
function realApi() {
  let api = null;
  const proxied = /^\/(api|media|\.well-known)\//;
  return {
    name: 'reel-real-api',
    async serverStart() {
      if (process.env.REEL_TEST_NO_API === '1') return;
      api = await startApiServer();
    },
    async serverStop() {
      await api?.stop();
    },
    middleware: async (ctx, next) => {
      if (!api || !proxied.test(ctx.path)) return next();
      ctx.respond = false;
      await new Promise((resolve) => {
        const upstream = httpRequest(
          {
            host: '127.0.0.1',
            port: api.port,
            method: ctx.method,
            path: ctx.url,
            // The site and its API share one origin; the test page stands in for the site, so its
            // requests reach the API as first-party ones (cookies set, no per-origin public limit).
            headers: {
              ...ctx.req.headers,
              host: `127.0.0.1:${api.port}`,
              ...(ctx.req.headers.origin ? { origin: `http://127.0.0.1:${api.port}` } : {}),
            },
          },
          (res) => {
            ctx.res.writeHead(res.statusCode ?? 502, res.headers);
            res.pipe(ctx.res);
            res.on('end', resolve);
          },
        );
        upstream.on('error', () => {
          ctx.res.writeHead(502, { 'content-type': 'application/json' });
          ctx.res.end(
            JSON.stringify({ error: { code: 'bad_gateway', message: 'the test API is down', request_id: 'wtr' } }),
          );
          resolve();
        });
        ctx.req.pipe(upstream);
      });
    },
  };
}

const api = realApi();

export default {
  rootDir: root,
  files: browserPackages.map((p) => `${relative(p.dir)}/src/**/*.test.ts`),
  nodeResolve: { exportConditions: ['reel-source', 'development', 'browser'] },
  middleware: [api.middleware, strictContentSecurityPolicy()],
  plugins: [api, esbuildPlugin({ ts: true, tsconfig: `${root}/tsconfig.base.json`, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      // One browser context (a window of its own) per page: with `concurrency` > 1, pages opened as
      // tabs of one window are hidden behind each other, so requestAnimationFrame, focus and
      // :focus-visible stop working in all but one of them and fixtures time out.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  concurrency: 2,
  // Lit's development build (picked by the "development" condition) announces itself in every file.
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').startsWith('Lit is in dev mode'),
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  coverageConfig: {
    report: true,
    reportDir: 'coverage/browser',
    include: ['packages/*/src/**/*.ts'],
    exclude: ['**/*.test.ts', '**/node_modules/**'],
  },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
