import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildOpenApi } from './openapi.js';
import { allPermissions } from './permissions.js';
import { allEndpoints } from './registry.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const specLines = readFileSync(join(here, '..', 'spec-endpoints.txt'), 'utf8')
  .split('\n')
  .filter((l) => /^[SI] /.test(l))
  .map((l) => {
    const [origin, method, path] = l.split(/\s+/) as [string, string, string];
    return { origin, method, path };
  });

describe('the contract', () => {
  const endpoints = allEndpoints();

  it('defines every endpoint of the spec with its exact method and path', () => {
    const defined = new Set(endpoints.map((e) => `${e.method} ${e.path}`));
    const missing = specLines
      .filter((s) => !defined.has(`${s.method} ${s.path}`))
      .map((s) => `${s.origin} ${s.method} ${s.path}`);
    assert.deepEqual(missing, [], `missing from the contract:\n${missing.join('\n')}`);
    assert.ok(specLines.length >= 140, 'the checked-in spec list is complete');
  });

  it('marks the review’s endpoints as S', () => {
    const byRoute = new Map(endpoints.map((e) => [`${e.method} ${e.path}`, e]));
    const wrong = specLines
      .filter((s) => s.origin === 'S' && byRoute.get(`${s.method} ${s.path}`)?.origin !== 'S')
      .map((s) => `${s.method} ${s.path}`);
    assert.deepEqual(wrong, []);
  });

  it('has unique operation names and routes', () => {
    const ops = endpoints.map((e) => e.operation);
    assert.deepEqual(
      ops.filter((o, i) => ops.indexOf(o) !== i),
      [],
    );
    const routes = endpoints.map((e) => `${e.method} ${e.path.replace(/\{\w+\}/g, '{}')}`);
    assert.deepEqual(
      routes.filter((r, i) => routes.indexOf(r) !== i),
      [],
    );
  });

  it('names each operation <domain>.<verb> and gives every route its auth, retry and response', () => {
    for (const e of endpoints) {
      assert.match(e.operation, /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z0-9]*)+$/, e.operation);
      assert.ok(e.summary.length > 3, `${e.operation} has a summary`);
      if (e.status !== 204 && e.bodyKind === 'json') assert.ok(e.response, `${e.operation} has a response schema`);
      if (e.status === 204) assert.equal(e.response, undefined, `${e.operation}: 204 has no body`);
      if (e.method === 'GET') assert.equal(e.body, undefined, `${e.operation}: GET has no body`);
      if (e.method === 'GET') assert.equal(e.retry, 'safe', `${e.operation}: GET is safe to retry`);
    }
  });

  it('gives every staff route a known permission, and only staff routes one', () => {
    for (const e of endpoints) {
      if (e.auth === 'staff') assert.ok(e.permission && allPermissions.includes(e.permission), e.operation);
      else assert.equal(e.permission, undefined, e.operation);
      if (e.path.startsWith('/admin/')) assert.equal(e.auth, 'staff', `${e.operation} is an admin route`);
    }
  });

  it('scopes every {profile_id} route to a profile', () => {
    for (const e of endpoints.filter((x) => x.path.includes('{profile_id}') && x.path.startsWith('/users/'))) {
      assert.ok(e.auth === 'profile' || e.auth === 'session', `${e.operation} is profile-scoped (${e.auth})`);
    }
  });

  it('generates a valid OpenAPI 3.1 document', async () => {
    const doc = buildOpenApi('0.0.0-test');
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator['validate']>[0]);
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2)?.slice(0, 2000));
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    for (const e of endpoints)
      assert.ok(paths[e.path]?.[e.method.toLowerCase()], `${e.method} ${e.path} in the document`);
  });
});
