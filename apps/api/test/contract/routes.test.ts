// Every route under /api/v1 goes through handle() with the contract's own endpoint: that is what
// validates its input and checks its answer against the response schema. A route registered with a
// plain app.get, or with an edited copy of an endpoint, bypasses the contract; this test finds it
// by comparing Fastify's route table with the contract.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyEndpoint } from '@reel/contracts';
import { buildTestApp, type RouteEntry } from '../helper.js';
import { contract, contractByOperation, seedOf, urlOf, wellFormedRequest } from './support.js';

const toFastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
const isApiPath = (path: string) => path.startsWith('/api/') || path.startsWith('/.well-known/');

/** The metadata that decides how a route is guarded and checked. */
const FIELDS = [
  'operation',
  'method',
  'path',
  'auth',
  'permission',
  'reauth',
  'status',
  'bodyKind',
  'params',
  'query',
  'body',
  'response',
] as const;

/** What is wrong with a route table, given the operations handle() registered. */
function routeTableProblems(table: RouteEntry[], served: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const route of table) {
    if (!isApiPath(route.path)) continue;
    const where = `${route.method} ${route.path}`;
    const endpoint: AnyEndpoint | undefined = route.endpoint;
    if (!endpoint) {
      problems.push(`${where}: not registered with handle() — no contract validation or response check`);
      continue;
    }
    const own = contractByOperation.get(endpoint.operation);
    if (!own) {
      problems.push(`${where}: serves ${endpoint.operation}, which the contract does not define`);
      continue;
    }
    for (const field of FIELDS) {
      if (endpoint[field] !== own[field])
        problems.push(`${where}: ${endpoint.operation} differs from the contract in \`${field}\``);
    }
    const method = route.method === 'HEAD' && own.method === 'GET' ? 'GET' : route.method;
    if (method !== own.method || route.path !== toFastifyPath(urlOf(own))) {
      problems.push(`${where}: ${own.operation} is ${own.method} ${urlOf(own)} in the contract`);
    }
    if (!served.has(own.operation)) problems.push(`${where}: ${own.operation} is missing from app.reel.routes`);
    seen.add(own.operation);
  }
  for (const operation of served) {
    if (!seen.has(operation)) problems.push(`${operation}: in app.reel.routes but Fastify has no route for it`);
  }
  return problems;
}

describe('route table against the contract', () => {
  it('serves every API route through handle() with the contract endpoint, unchanged', async () => {
    const t = await buildTestApp();
    try {
      const table = t.routeTable();
      assert.ok(
        table.some((r) => r.path === '/api/v1/ops/health'),
        'the route table is read',
      );
      assert.deepEqual(routeTableProblems(table, t.app.reel.routes), []);
    } finally {
      await t.close();
    }
  });

  it('finds a plain route, an edited endpoint and a route missing from the table', () => {
    const health = contractByOperation.get('ops.health') as AnyEndpoint;
    const version = contractByOperation.get('ops.version') as AnyEndpoint;
    const problems = routeTableProblems(
      [
        { method: 'GET', path: '/api/v1/ops/health', endpoint: health },
        { method: 'HEAD', path: '/api/v1/ops/health', endpoint: health },
        { method: 'GET', path: '/api/v1/sneaky', endpoint: undefined },
        { method: 'GET', path: '/api/v1/ops/version', endpoint: { ...version, auth: 'session' } },
        { method: 'GET', path: '/favicon.svg', endpoint: undefined },
      ],
      new Set(['ops.health', 'ops.version', 'ops.jwks']),
    );
    assert.deepEqual(problems, [
      'GET /api/v1/sneaky: not registered with handle() — no contract validation or response check',
      'GET /api/v1/ops/version: ops.version differs from the contract in `auth`',
      'ops.jwks: in app.reel.routes but Fastify has no route for it',
    ]);
  });

  it(`generates a well-formed request for each of the ${contract.length} endpoints of the contract`, () => {
    // The matrix and the fuzz test build their requests this way, for whichever routes are served.
    const failures: string[] = [];
    for (const endpoint of contract) {
      try {
        const request = wellFormedRequest(endpoint, {
          seed: seedOf(endpoint.operation),
          profileId: 'prf_0000000000000001',
        });
        assert.ok(request.url.startsWith(endpoint.path.startsWith('/.well-known/') ? '/.well-known/' : '/api/v1/'));
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    assert.deepEqual(failures, []);
  });
});
