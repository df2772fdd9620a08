// fast-check arbitraries generated from the contract's schemas (through their JSON Schema), for
// property tests here and for the server's fuzz tests. Node-side only.
import fc from 'fast-check';
import * as z from 'zod/mini';

type Json = Record<string, unknown>;
type JsonSchema = Json | boolean;

const MAX_DEPTH = 6;

/** JSON Schema (2020-12) of a zod schema, with its definitions inlined under `$defs`. */
export function jsonSchemaOf(schema: z.ZodMiniType, io: 'input' | 'output' = 'output'): Json {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'ref' }) as Json;
}

/** One UTF-16 code unit, any non-surrogate character but U+0000 (so length limits hold). */
const bmpChar = fc
  .integer({ min: 1, max: 0xffff })
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map((c) => String.fromCharCode(c));

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Builds an arbitrary of valid values for a JSON Schema. */
export function arbitraryFromJsonSchema(root: Json): fc.Arbitrary<unknown> {
  const defs = (root.$defs ?? {}) as Record<string, Json>;
  const build = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (node === true || (typeof node === 'object' && Object.keys(node).length === 0)) {
      return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 1 });
    }
    if (node === false) return fc.constant(undefined);
    const s = node as Json;
    if (typeof s.$ref === 'string') {
      const name = s.$ref.replace(/^#\/\$defs\//, '');
      const target = s.$ref === '#' ? root : defs[name];
      if (!target) throw new Error(`unresolved $ref ${s.$ref}`);
      return build(target, depth + 1);
    }
    if ('const' in s) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    const variants = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
    if (variants) return fc.oneof(...variants.map((v) => build(v, depth + 1)));
    if (Array.isArray(s.allOf)) return build(Object.assign({}, ...(s.allOf as Json[])), depth);
    if (Array.isArray(s.type)) {
      return fc.oneof(...(s.type as string[]).map((t) => build({ ...s, type: t }, depth)));
    }
    switch (s.type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer': {
        const min = Math.max(
          Number(s.minimum ?? -1e9),
          s.exclusiveMinimum !== undefined ? Number(s.exclusiveMinimum) + 1 : -1e9,
        );
        const max = Math.min(
          Number(s.maximum ?? 1e9),
          s.exclusiveMaximum !== undefined ? Number(s.exclusiveMaximum) - 1 : 1e9,
        );
        return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      }
      case 'number': {
        const min = Number(s.minimum ?? s.exclusiveMinimum ?? -1e9);
        const max = Number(s.maximum ?? s.exclusiveMaximum ?? 1e9);
        return fc
          .double({
            min,
            max,
            noNaN: true,
            noDefaultInfinity: true,
            minExcluded: 'exclusiveMinimum' in s,
            maxExcluded: 'exclusiveMaximum' in s,
          })
          .map((n) => (Object.is(n, -0) ? 0 : n));
      }
      case 'string':
        return stringArbitrary(s);
      case 'array': {
        const minLength = Number(s.minItems ?? 0);
        const maxLength = Math.max(minLength, Math.min(Number(s.maxItems ?? 3), depth > 3 ? minLength : 3));
        if (Array.isArray(s.prefixItems))
          return fc.tuple(...(s.prefixItems as JsonSchema[]).map((p) => build(p, depth + 1)));
        return fc.array(build((s.items ?? true) as JsonSchema, depth + 1), { minLength, maxLength });
      }
      case 'object': {
        const props = (s.properties ?? {}) as Record<string, JsonSchema>;
        const required = new Set((s.required ?? []) as string[]);
        const keys = Object.keys(props);
        if (keys.length === 0 && s.additionalProperties && s.additionalProperties !== false) {
          if (depth > MAX_DEPTH) return fc.constant({});
          const keyArb = s.propertyNames
            ? stringArbitrary(s.propertyNames as Json)
            : fc.string({ minLength: 1, maxLength: 8 });
          return fc.dictionary(keyArb, build(s.additionalProperties as JsonSchema, depth + 1), { maxKeys: 3 });
        }
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const k of keys) {
          if (depth > MAX_DEPTH && !required.has(k)) continue;
          record[k] = build(props[k] as JsonSchema, depth + 1);
        }
        return fc.record(record, { requiredKeys: keys.filter((k) => required.has(k)) });
      }
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  };
  return build(root, 0);
}

function stringArbitrary(s: Json): fc.Arbitrary<string> {
  const minLength = Number(s.minLength ?? 0);
  const maxLength = Number(s.maxLength ?? Math.max(minLength, 24));
  const fits = (v: string) => v.length >= minLength && v.length <= maxLength;
  switch (s.format) {
    case 'date-time':
      return fc
        .date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .record({
          y: fc.integer({ min: 1900, max: 2099 }),
          m: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 28 }),
        })
        .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
    case 'email':
      return fc
        .tuple(
          fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/),
          fc.stringMatching(/^[a-z]{1,10}$/),
          fc.constantFrom('com', 'test', 'net'),
        )
        .map(([u, d, t]) => `${u}@${d}.${t}`);
    case 'uri':
    case 'url':
      return fc.stringMatching(/^[a-z]{1,10}$/).map((p) => `https://example.test/${p}`);
    case 'uuid':
      return fc.uuid();
  }
  if (typeof s.pattern === 'string') {
    // `^[class]+$` with length limits: generate within the limits instead of filtering (a
    // 16-character minimum would reject almost every generated string).
    const simple = /^\^(\[[^\]]+\]|\\[SwdA-Za-z]|\.)[+*]\$$/.exec(s.pattern);
    if (simple && (s.minLength !== undefined || s.maxLength !== undefined)) {
      const upper = Math.min(maxLength, minLength + 24);
      return fc.stringMatching(new RegExp(`^${simple[1]}{${minLength},${upper}}$`));
    }
    return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  }
  return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 24), unit: bmpChar });
}

/** An arbitrary of valid values of a zod schema. */
export function arbitraryOf(schema: z.ZodMiniType, io: 'input' | 'output' = 'output') {
  return arbitraryFromJsonSchema(jsonSchemaOf(schema, io));
}

/** A way to make a valid value invalid, and the path of the field that must be named. */
export interface Mutation {
  value: unknown;
  path: (string | number)[];
}

const WRONG_VALUES: [string, unknown][] = [
  ['number', 12345.5],
  ['string', 'not-what-you-expect'],
  ['boolean', true],
  ['object', { unexpected: 1 }],
  ['array', [1, 'x']],
];

function typesOf(node: Json, defs: Record<string, Json>): Set<string> | null {
  if (typeof node.$ref === 'string') {
    const target = defs[node.$ref.replace(/^#\/\$defs\//, '')];
    return target ? typesOf(target, defs) : null;
  }
  if (Object.keys(node).length === 0) return null; // unknown: anything goes
  if ('const' in node || Array.isArray(node.enum)) {
    const values = 'const' in node ? [node.const] : (node.enum as unknown[]);
    return new Set(values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
  }
  const variants = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (variants) {
    const all = new Set<string>();
    for (const v of variants) {
      const t = typesOf(v, defs);
      if (!t) return null;
      for (const x of t) all.add(x);
    }
    return all;
  }
  const t = node.type;
  if (!t) return null;
  const list = (Array.isArray(t) ? t : [t]) as string[];
  return new Set(list.map((x) => (x === 'integer' ? 'number' : x)));
}

/**
 * Every way to break one field of `value` (a valid value of `root`): a leaf replaced by a value
 * of a type the schema does not allow, or a required key removed.
 */
export function mutationsOf(root: Json, value: unknown): Mutation[] {
  const defs = (root.$defs ?? {}) as Record<string, Json>;
  const out: Mutation[] = [];
  const resolve = (node: Json): Json =>
    typeof node.$ref === 'string' ? resolve(defs[node.$ref.replace(/^#\/\$defs\//, '')] ?? {}) : node;
  const setAt = (path: (string | number)[], replacement: unknown, remove = false): unknown => {
    const copy = structuredClone(value);
    if (path.length === 0) return replacement;
    let cursor = copy as Record<string | number, unknown>;
    for (const p of path.slice(0, -1)) cursor = cursor[p] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (remove) delete cursor[last];
    else cursor[last] = replacement;
    return copy;
  };
  const walk = (rawNode: Json, v: unknown, path: (string | number)[]) => {
    const node = resolve(rawNode);
    const allowed = typesOf(node, defs);
    if (allowed) {
      const wrong = WRONG_VALUES.find(([type]) => !allowed.has(type));
      if (wrong) out.push({ value: setAt(path, wrong[1]), path });
    }
    if (node.anyOf || node.oneOf) return; // inside a union, which branch is at fault is ambiguous
    if (node.type === 'object' && v && typeof v === 'object' && !Array.isArray(v)) {
      const props = (node.properties ?? {}) as Record<string, Json>;
      for (const key of (node.required ?? []) as string[]) {
        if (key in (v as object)) out.push({ value: setAt([...path, key], undefined, true), path: [...path, key] });
      }
      for (const [key, child] of Object.entries(props)) {
        if (key in (v as object)) walk(child, (v as Record<string, unknown>)[key], [...path, key]);
      }
    }
    if (node.type === 'array' && Array.isArray(v) && v.length > 0 && node.items) {
      walk(node.items as Json, v[0], [...path, 0]);
    }
  };
  walk(root, value, []);
  return out;
}
