// The API under load, on loopback, in bounded runs: the server runs in a child process (the
// app on PGlite with the demo catalog, or a small fixture catalog while the demo seed is not
// written), a plain node:http server in another, and autocannon drives both from this process.
//
//   node bench/run.mjs api
//
// Rows: a trivial route next to plain node:http (same JSON body; once with two headers, once with
// every header the API sends), GET /titles/{id} (anonymous and
// signed in), GET /home/rails (anonymous and signed in), POST /auth/login, each as req/s and
// p50/p99 latency at full speed over a few connections; then p99 of GET /titles/{id} at a fixed
// 1,000 req/s. Sign-in rate limits are off in the bench server (REEL_RATE_LIMITS=off): the row
// measures argon2id hashing under load, not the limiter.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = fileURLToPath(import.meta.url);
const root = join(here, '..', '..');
const DURATION = Number(process.env.REEL_BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

const VIEWER = { email: 'viewer@reel.test', password: 'reel-viewer-demo' };

/**
 * The plain node:http server: answers every request with a fixed JSON body. With `sameHeaders`
 * it also sends what the API sends with every answer (security headers, a request id, Vary), so
 * the two rows differ by the framework only, not by response size.
 */
async function servePlain(sameHeaders: boolean): Promise<void> {
  const { securityHeaders } = await import(join(root, 'apps', 'api', 'src', 'app.ts'));
  const body = JSON.stringify({
    version: '0.1.0',
    commit: 'dev',
    build_time: new Date().toISOString(),
    node: process.version,
    contract_version: '0.1.0',
    packages: [
      { name: '@reel/api', version: '0.1.0' },
      { name: '@reel/contracts', version: '0.1.0' },
    ],
  });
  const extra = sameHeaders ? securityHeaders : {};
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      ...extra,
      ...(sameHeaders ? { 'x-request-id': randomUUID(), vary: 'Origin' } : {}),
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
  });
}

/** The API: a fresh PGlite in a temporary directory, the demo seed (or the fixture), on a loopback port. */
async function serveApi(): Promise<void> {
  const api = join(root, 'apps', 'api');
  const { loadConfig } = await import(join(api, 'src/config.ts'));
  const { openDatabase } = await import(join(api, 'src/db/client.ts'));
  const { buildApp } = await import(join(api, 'src/app.ts'));
  const dataDir = process.env.REEL_BENCH_DATA as string;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    REEL_SEED_DEMO: '0',
    REEL_DATA_DIR: dataDir,
  });
  const database = await openDatabase({ databaseUrl: undefined, dataDir });
  let catalog = 'demo seed';
  try {
    const { seedDemo } = await import(join(api, 'src/seed/index.ts'));
    await seedDemo(database.db);
  } catch (error) {
    // The demo seed is not there yet: a small fixture catalog and the demo viewer instead.
    catalog = `fixture catalog (demo seed: ${(error as Error).message})`;
  }
  const app = await buildApp(config, database);
  if (catalog !== 'demo seed') {
    const { insertFixtureCatalog } = await import(join(api, 'test/catalog-fixture.ts'));
    const { createAccount } = await import(join(api, 'test/fixtures.ts'));
    await insertFixtureCatalog(app);
    await createAccount(app, { email: VIEWER.email, password: VIEWER.password, profiles: [{ name: 'Alex' }] });
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, catalog })}\n`,
  );
}

if (process.env.REEL_BENCH_ROLE === 'plain') await servePlain(process.env.REEL_BENCH_SAME_HEADERS === '1');
else if (process.env.REEL_BENCH_ROLE === 'api') await serveApi();

/** Starts this file as a server child process; resolves with what it printed when it listens. */
function startChild(
  role: 'plain' | 'api',
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; info: { port: number; catalog?: string } }> {
  const child = spawn(process.execPath, ['--conditions=reel-source', '--import', 'tsx', here], {
    cwd: root,
    env: { ...process.env, ...env, REEL_BENCH_ROLE: role },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, info: JSON.parse(line) });
    });
    child.once('exit', (code) => reject(new Error(`${role} server exited (${code}) before listening`)));
    setTimeout(() => reject(new Error(`${role} server did not start in 120 s`)), 120_000).unref();
  });
}

interface Row {
  target: string;
  load: string;
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  ok: string;
}

/** The round with the median req/s. */
function median(rows: Row[]): Row {
  const sorted = [...rows].sort((a, b) => a['req/s'] - b['req/s']);
  const mid = sorted[Math.floor(sorted.length / 2)] as Row;
  return { ...mid, load: `${mid.load}, median of ${rows.length}` };
}

async function measure(target: string, options: autocannon.Options & { load?: string }): Promise<Row> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  const total = result['2xx'] + result.non2xx + result.errors + result.timeouts;
  return {
    target,
    load: options.load ?? `${options.connections ?? CONNECTIONS} conn, ${options.duration ?? DURATION} s`,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    ok: `${result['2xx']}/${total}`,
  };
}

export default async function bench() {
  const dataDir = mkdtempSync(join(tmpdir(), 'reel-bench-'));
  const children: ChildProcess[] = [];
  try {
    const [plain, plainSame, api] = await Promise.all([
      startChild('plain'),
      startChild('plain', { REEL_BENCH_SAME_HEADERS: '1' }),
      startChild('api', { REEL_BENCH_DATA: dataDir, REEL_RATE_LIMITS: 'off' }),
    ]);
    children.push(plain.child, plainSame.child, api.child);
    const base = `http://127.0.0.1:${api.info.port}/api/v1`;

    // A title to ask for, and a signed-in viewer.
    const list = (await (await fetch(`${base}/titles?limit=1`)).json()) as { items: { id: string }[] };
    const titleId = list.items[0]?.id;
    if (!titleId) throw new Error('the catalog is empty');
    const login = (await (
      await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(VIEWER),
      })
    ).json()) as { access_token?: string; user?: { active_profile_id: string | null } };
    let auth: Record<string, string> | null = login.access_token
      ? { authorization: `Bearer ${login.access_token}` }
      : null;
    if (auth && !login.user?.active_profile_id) {
      // Act for the first profile, as the profile gate would.
      const profiles = (await (await fetch(`${base}/users/me/profiles`, { headers: auth })).json()) as {
        items?: { id: string }[];
      };
      const profileId = profiles.items?.[0]?.id;
      if (profileId) {
        const switched = await fetch(`${base}/users/me/profiles/${profileId}/switch`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: '{}',
        });
        const body = (await switched.json().catch(() => ({}))) as { access_token?: string };
        if (body.access_token) auth = { authorization: `Bearer ${body.access_token}` };
      }
    }

    // Warm up (JIT, the catalog snapshot, PGlite caches).
    for (const url of [
      `http://127.0.0.1:${plain.info.port}/`,
      `http://127.0.0.1:${plainSame.info.port}/`,
      `${base}/ops/version`,
      `${base}/titles/${titleId}`,
      `${base}/home/rails`,
    ]) {
      await autocannon({ url, connections: CONNECTIONS, duration: 1 });
    }

    const rows: Row[] = [];
    // Interleaved rounds, medians: the three rows of the ratio see the same machine load.
    const plainRows: Row[] = [];
    const sameRows: Row[] = [];
    const trivialRows: Row[] = [];
    for (let round = 0; round < 3; round++) {
      plainRows.push(await measure('plain node:http (same body)', { url: `http://127.0.0.1:${plain.info.port}/` }));
      sameRows.push(
        await measure('plain node:http (same body and headers)', { url: `http://127.0.0.1:${plainSame.info.port}/` }),
      );
      trivialRows.push(await measure('GET /ops/version (trivial)', { url: `${base}/ops/version` }));
    }
    rows.push(median(plainRows), median(sameRows), median(trivialRows));
    rows.push(await measure('GET /titles/{id}', { url: `${base}/titles/${titleId}` }));
    // The fixed-rate run comes before the heavier routes, so their garbage does not land in it.
    rows.push(
      await measure('GET /titles/{id} at 1,000 req/s', {
        url: `${base}/titles/${titleId}`,
        overallRate: 1000,
        duration: Math.max(DURATION, 5),
        load: `fixed 1,000 req/s, ${CONNECTIONS} conn, ${Math.max(DURATION, 5)} s`,
      }),
    );
    if (auth)
      rows.push(await measure('GET /titles/{id} (signed in)', { url: `${base}/titles/${titleId}`, headers: auth }));
    rows.push(await measure('GET /home/rails', { url: `${base}/home/rails` }));
    if (auth) rows.push(await measure('GET /home/rails (signed in)', { url: `${base}/home/rails`, headers: auth }));
    rows.push(
      await measure('POST /auth/login', {
        url: `${base}/auth/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(VIEWER),
        connections: 4,
      }),
    );

    const plainRate = rows[0]?.['req/s'] ?? 0;
    const sameRate = rows[1]?.['req/s'] ?? 0;
    const trivialRate = rows[2]?.['req/s'] ?? 0;
    return {
      title: 'API on loopback (autocannon)',
      rows,
      notes: [
        `Catalog: ${api.info.catalog}. Title ${titleId}. ${auth ? 'Signed-in rows use the demo viewer.' : 'No signed-in rows: sign-in failed.'}`,
        `Trivial route vs plain node:http sending the same response: ${(trivialRate / Math.max(1, sameRate)).toFixed(2)}× (goal ≥ 0.95×); vs a bare node:http answer (two headers): ${(trivialRate / Math.max(1, plainRate)).toFixed(2)}×. The first three rows are medians of 3 interleaved rounds.`,
        'Goals: GET /titles/{id} ≥ 3,000 req/s on PGlite; p99 ≤ 20 ms at 1,000 req/s.',
      ].join('\n'),
    };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
