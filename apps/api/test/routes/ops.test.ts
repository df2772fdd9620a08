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

  it('sends security headers on every answer, errors included', async () => {
    for (const url of ['/api/v1/ops/version', '/api/v1/no/such/route']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
      assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', url);
    }
  });

  it('answers CORS for the site and allowed partner origins only', async () => {
    const partner = await buildTestApp({ REEL_ALLOWED_ORIGINS: 'https://partner.example' });
    try {
      const preflight = (origin: string) =>
        partner.app.inject({
          method: 'OPTIONS',
          url: '/api/v1/titles',
          headers: {
            origin,
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'authorization',
          },
        });
      const allowed = await preflight('https://partner.example');
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://partner.example');
      assert.equal(allowed.headers['access-control-allow-credentials'], 'true');
      const other = await preflight('https://evil.example');
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      const get = await partner.app.inject({
        method: 'GET',
        url: '/api/v1/ops/version',
        headers: { origin: 'https://partner.example' },
      });
      assert.equal(get.headers['access-control-allow-origin'], 'https://partner.example');
      assert.match(String(get.headers['access-control-expose-headers']), /x-request-id/);
    } finally {
      await partner.close();
    }
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
