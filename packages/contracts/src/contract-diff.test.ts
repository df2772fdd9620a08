import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffContracts } from './contract-diff.js';
import { buildOpenApi } from './openapi.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit parsed JSON freely
type Json = Record<string, any>;

describe('contract diff', () => {
  const ours = buildOpenApi('1.0.0');

  it('finds nothing when the other backend serves the same document', () => {
    assert.deepEqual(diffContracts(ours, structuredClone(ours)), []);
  });

  it('matches paths under another base and with other parameter names', () => {
    const other = structuredClone(ours) as Json;
    other.servers = [{ url: 'https://api.example.test/v2' }];
    other.paths = Object.fromEntries(
      Object.entries(other.paths).map(([p, v]) => [`/v2${p.replace(/\{(\w+)\}/g, '{x_$1}')}`, v]),
    );
    assert.deepEqual(diffContracts(ours, other), []);
  });

  it('lists missing operations, other statuses, and schema differences with the field', () => {
    const other = structuredClone(ours) as Json;
    delete other.paths['/titles/{id}'].get;
    other.paths['/home/rails'].get.responses['201'] = other.paths['/home/rails'].get.responses['200'];
    delete other.paths['/home/rails'].get.responses['200'];
    // Their TitleSummary says `year` is a string, and does not produce `badges`.
    const summary = other.components.schemas.TitleSummary;
    summary.properties.year = { type: 'string' };
    delete summary.properties.badges;
    summary.required = summary.required.filter((k: string) => k !== 'badges');
    const diff = diffContracts(ours, other);
    const lines = diff.map((d) => `${d.operation} ${d.kind} ${d.detail}`);
    assert.ok(lines.includes('catalog.get missing no such operation'), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('home.rails status answers 201 instead of 200')));
    assert.ok(
      lines.some((l) => /^catalog\.browse response items\[\]\.year: string where number\|null/.test(l)),
      lines.join('\n'),
    );
    assert.ok(lines.some((l) => /^catalog\.browse response items\[\]\.badges: required but never sent/.test(l)));
  });

  it('reports a request field the other backend requires but Reel never sends', () => {
    const other = structuredClone(ours) as Json;
    const body = other.paths['/auth/login'].post.requestBody.content['application/json'];
    body.schema = { type: 'object', properties: { username: { type: 'string' } }, required: ['username'] };
    const diff = diffContracts(ours, other).filter((d) => d.operation === 'auth.login');
    assert.deepEqual(
      diff.map((d) => [d.kind, d.detail]),
      [['request', 'username: required but never sent']],
    );
  });
});
