// Browser tests: every *.test.ts of every browser package, in Debian's headless Chromium.
// Run one package's tests with: pnpm test:browser --files 'packages/core/src/**/*.test.ts'
import { mkdirSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
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

export default {
  rootDir: root,
  files: browserPackages.map((p) => `${relative(p.dir)}/src/**/*.test.ts`),
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: `${root}/tsconfig.base.json`, target: 'es2022' })],
  browsers: [
    chromeLauncher({
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
