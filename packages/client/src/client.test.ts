import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allEndpoints } from '@reel/contracts/registry';
import { createClient } from './client.js';

describe('createClient', () => {
  it('has one method per operation of the contract, at the operation’s name', () => {
    const client = createClient({ baseUrl: '/api/v1' }) as unknown as Record<string, unknown>;
    const missing: string[] = [];
    for (const e of allEndpoints()) {
      let cursor: unknown = client;
      for (const part of e.operation.split('.')) cursor = (cursor as Record<string, unknown> | undefined)?.[part];
      if (typeof cursor !== 'function') missing.push(e.operation);
    }
    assert.deepEqual(missing, []);
  });

  it('passes path params in order, then the body, then options', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const client = createClient({
      baseUrl: 'http://reel.test/api/v1',
      fetch: async (url, init) => {
        seen.push({ url: String(url), init: init ?? {} });
        return new Response(null, { status: 204 });
      },
    });
    await client.watchlist.remove('p1', 't/2');
    assert.equal(seen[0]?.url, 'http://reel.test/api/v1/users/p1/watchlist/t%2F2');
    assert.equal(seen[0]?.init.method, 'DELETE');
  });
});
