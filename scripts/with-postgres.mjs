#!/usr/bin/env node
// Runs a command next to a throw-away PostgreSQL cluster:
//   node scripts/with-postgres.mjs node scripts/test-node.mjs unit apps/api
// Starts a cluster (Debian's postgresql package: initdb and pg_ctl from /usr/lib/postgresql/<v>/bin,
// or from PATH) with its data and socket in a temporary folder, on a free loopback port; exports
// REEL_TEST_DATABASE_URL (the `postgres` database of a trusting superuser); runs the command; then
// always stops the cluster and deletes the folder. As root it runs the server as the `postgres`
// system user (initdb refuses root). Exits with the command's status.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

/** The folder holding initdb and pg_ctl: PG_BIN, the newest /usr/lib/postgresql/<v>/bin, or PATH. */
function findBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'pg_ctl');
    if (dir && existsSync(candidate)) return dirname(realpathSync(candidate));
  }
  return null;
}

/** A port nobody listens on now, on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const bin = findBin();
if (!bin) {
  console.error(
    'with-postgres: PostgreSQL is not installed (no pg_ctl); `apt-get install postgresql` (.ci/run does it)',
  );
  process.exit(2);
}

const isRoot = process.getuid?.() === 0;
let owner = null;
if (isRoot) {
  try {
    owner = {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    };
  } catch {
    console.error(
      'with-postgres: running as root needs the `postgres` system user (the postgresql package creates it)',
    );
    process.exit(2);
  }
}

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function pg(program, args, options = {}) {
  const file = join(bin, program);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  return spawnSync(cmd, argv, { encoding: 'utf8', ...options });
}

// The postgres user must reach the folder: a private TMPDIR (root's own, say) would stop it.
const base = isRoot ? '/tmp' : tmpdir();
const dir = mkdtempSync(join(base, 'reel-pg-'));
const data = join(dir, 'data');
const socket = join(dir, 'socket');
const log = join(dir, 'server.log');
mkdirSync(socket);
if (owner) {
  for (const path of [dir, socket]) chownSync(path, owner.uid, owner.gid);
}

let started = false;
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (started) {
    const stop = pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
    if (stop.status !== 0) console.error(`with-postgres: pg_ctl stop failed: ${stop.stderr || stop.stdout}`);
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
process.on('exit', cleanup);

function fail(message, result) {
  console.error(`with-postgres: ${message}`);
  if (result) console.error(`${result.stdout ?? ''}${result.stderr ?? ''}`.trim());
  if (existsSync(log)) console.error(readFileSync(log, 'utf8').split('\n').slice(-30).join('\n'));
  cleanup();
  process.exit(1);
}

const t0 = Date.now();
const init = pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
if (init.status !== 0) fail('initdb failed', init);

const port = await freePort();
const settings = [
  `-p ${port}`,
  `-k ${socket}`,
  '-c listen_addresses=127.0.0.1',
  '-c max_connections=200',
  // A throw-away cluster: durability buys nothing, speed does.
  '-c fsync=off',
  '-c synchronous_commit=off',
  '-c full_page_writes=off',
].join(' ');
const start = pg('pg_ctl', ['-D', data, '-l', log, '-o', settings, '-w', '-t', '60', 'start']);
if (start.status !== 0) fail(`the server did not start on 127.0.0.1:${port}`, start);
started = true;

const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
console.log(
  `with-postgres: PostgreSQL (${bin}) on 127.0.0.1:${port}, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);

const child = spawn(command[0], command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, REEL_TEST_DATABASE_URL: url },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`with-postgres: could not run ${command[0]}: ${error.message}`);
  cleanup();
  process.exit(127);
});
child.on('exit', (code, signal) => {
  cleanup();
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
