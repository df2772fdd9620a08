import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helper.js';

describe('ops routes', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('GET /api/v1/ops/health answers 200 with the database check', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/ops/health' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.checks.db.status, 'ok');
    assert.ok(res.headers['x-request-id']);
  });

  it('publishes the ES256 signing key at /.well-known/jwks.json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    assert.equal(res.statusCode, 200);
    const { keys } = res.json();
    assert.equal(keys.length, 1);
    assert.equal(keys[0].kty, 'EC');
    assert.equal(keys[0].crv, 'P-256');
    assert.equal(keys[0].alg, 'ES256');
    assert.equal(keys[0].d, undefined, 'no private part');
  });

  it('answers an unknown route with the error envelope', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/no/such/route',
      headers: { 'x-request-id': 'test-request-1' },
    });
    assert.equal(res.statusCode, 404);
    const { error } = res.json();
    assert.equal(error.code, 'not_found');
    assert.equal(error.request_id, 'test-request-1');
  });

  it('rejects malformed JSON and oversize bodies with the envelope', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ops/health',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    assert.ok([400, 404].includes(bad.statusCode));
    assert.ok(bad.json().error.request_id);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ops/observability/client-errors',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().error.code, 'payload_too_large');
  });
});
