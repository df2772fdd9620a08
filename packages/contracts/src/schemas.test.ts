import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { formatIssuePath } from './common.js';
import * as contract from './index.js';
import { allEndpoints } from './registry.js';
import { arbitraryFromJsonSchema, jsonSchemaOf, mutationsOf } from './testing/arbitrary.js';

/** Every exported object schema of the contract: the domain models and request/response bodies. */
const domainSchemas = Object.entries(contract)
  .filter(
    ([name, value]) =>
      /^[A-Z]/.test(name) &&
      typeof value === 'object' &&
      value !== null &&
      '_zod' in value &&
      (value as z.ZodMiniType)._zod.def.type === 'object',
  )
  .map(([name, value]) => [name, value as z.ZodMiniType] as const);

const runs = Number(process.env.REEL_PROPERTY_RUNS ?? 25);

describe('domain schemas (property-based)', () => {
  it('covers the domain models', () => {
    const names = domainSchemas.map(([n]) => n);
    for (const expected of [
      'Title',
      'TitleSummary',
      'Episode',
      'Rail',
      'Profile',
      'User',
      'ThumbnailSprite',
      'ErrorBody',
    ]) {
      assert.ok(names.includes(expected), `${expected} is exported`);
    }
  });

  for (const [name, schema] of domainSchemas) {
    const json = jsonSchemaOf(schema);
    const valid = arbitraryFromJsonSchema(json);

    it(`${name}: valid values round-trip through JSON unchanged`, () => {
      fc.assert(
        fc.property(valid, (value) => {
          const parsed = schema.safeParse(JSON.parse(JSON.stringify(value)));
          if (!parsed.success)
            throw new Error(
              `${formatIssuePath(parsed.error.issues[0]?.path ?? [])}: ${parsed.error.issues[0]?.message}`,
            );
          // fast-check builds records with a null prototype; compare plain JSON.
          assert.deepEqual(parsed.data, JSON.parse(JSON.stringify(value)));
        }),
        { numRuns: runs },
      );
    });

    it(`${name}: a broken field is rejected with its path`, () => {
      fc.assert(
        fc.property(valid, fc.nat(), (value, pick) => {
          const mutations = mutationsOf(json, value);
          if (mutations.length === 0) return;
          const m = mutations[pick % mutations.length] as (typeof mutations)[number];
          const parsed = schema.safeParse(m.value);
          assert.equal(parsed.success, false, `accepted a broken ${formatIssuePath(m.path) || 'body'}`);
          const paths = parsed.error?.issues.map((i) => formatIssuePath(i.path)) ?? [];
          assert.ok(
            paths.includes(formatIssuePath(m.path)),
            `expected an issue at ${formatIssuePath(m.path)}, got ${paths.join(', ')}`,
          );
        }),
        { numRuns: runs },
      );
    });
  }
});

describe('endpoint inputs (property-based)', () => {
  for (const e of allEndpoints().filter((x) => x.body && x.body._zod.def.type === 'object')) {
    it(`${e.operation}: generated bodies are accepted, broken ones rejected with the field`, () => {
      const json = jsonSchemaOf(e.body, 'input');
      fc.assert(
        fc.property(arbitraryFromJsonSchema(json), fc.nat(), (value, pick) => {
          assert.equal(e.body.safeParse(value).success, true);
          const mutations = mutationsOf(json, value);
          if (mutations.length === 0) return;
          const m = mutations[pick % mutations.length] as (typeof mutations)[number];
          const parsed = e.body.safeParse(m.value);
          assert.equal(parsed.success, false);
        }),
        { numRuns: Math.max(5, Math.floor(runs / 2)) },
      );
    });
  }
});
