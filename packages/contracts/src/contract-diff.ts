// Compares another backend's OpenAPI document with Reel's contract: which operations it lacks and
// where its schemas differ from what Reel sends and expects. Node-side.

type Json = Record<string, unknown>;

/** One difference: an operation of Reel's contract and what is wrong with the other backend. */
export interface ContractDifference {
  operation: string;
  method: string;
  path: string;
  kind: 'missing' | 'status' | 'request' | 'response' | 'parameter';
  detail: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The path part of a document's first server URL (`/api/v1`), or ''. */
function basePath(doc: Json): string {
  const url = ((doc.servers as { url?: string }[] | undefined)?.[0]?.url ?? '').trim();
  const path = /^https?:\/\//.test(url) ? new URL(url).pathname : url;
  return path.replace(/\/$/, '');
}

const normalise = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

function resolver(doc: Json) {
  return function resolve(schema: unknown, seen = new Set<string>()): Json {
    if (!schema || typeof schema !== 'object') return {};
    const s = schema as Json;
    if (typeof s.$ref === 'string') {
      if (seen.has(s.$ref)) return {};
      const parts = s.$ref.replace(/^#\//, '').split('/');
      let target: unknown = doc;
      for (const p of parts) target = (target as Json | undefined)?.[decodeURIComponent(p)];
      return resolve(target, new Set([...seen, s.$ref]));
    }
    return s;
  };
}

type Resolve = ReturnType<typeof resolver>;

function typesOf(s: Json, resolve: Resolve): Set<string> {
  const out = new Set<string>();
  const add = (node: Json) => {
    const n = resolve(node);
    const variants = (n.anyOf ?? n.oneOf) as Json[] | undefined;
    if (variants) for (const v of variants) add(v);
    else if (Array.isArray(n.type)) for (const t of n.type) out.add(t === 'integer' ? 'number' : String(t));
    else if (typeof n.type === 'string') out.add(n.type === 'integer' ? 'number' : n.type);
    else if ('const' in n) out.add(n.const === null ? 'null' : typeof n.const);
    else if (Array.isArray(n.enum)) for (const e of n.enum) out.add(e === null ? 'null' : typeof e);
    else if (n.properties) out.add('object');
  };
  add(s);
  return out;
}

/**
 * Compares `produced` (what one side sends) with `consumed` (what the other side accepts): every
 * field the consumer requires must be produced, and every produced field the consumer knows must
 * have a compatible type. Returns readable problems with field paths.
 */
function compareSchemas(produced: Json, consumed: Json, rp: Resolve, rc: Resolve, at: string, depth = 0): string[] {
  const p = rp(produced);
  const c = rc(consumed);
  if (depth > 8 || Object.keys(c).length === 0 || Object.keys(p).length === 0) return [];
  const problems: string[] = [];
  const pt = typesOf(p, rp);
  const ct = typesOf(c, rc);
  if (pt.size && ct.size && ![...pt].every((t) => ct.has(t))) {
    problems.push(`${at || 'body'}: ${[...pt].join('|')} where ${[...ct].join('|')} is expected`);
    return problems;
  }
  const pProps = (p.properties ?? {}) as Record<string, Json>;
  const cProps = (c.properties ?? {}) as Record<string, Json>;
  const pRequired = new Set((p.required ?? []) as string[]);
  for (const key of (c.required ?? []) as string[]) {
    if (!(key in pProps)) problems.push(`${at ? `${at}.` : ''}${key}: required but never sent`);
    else if (!pRequired.has(key)) problems.push(`${at ? `${at}.` : ''}${key}: required but optional on the other side`);
  }
  for (const [key, ps] of Object.entries(pProps)) {
    const cs = cProps[key];
    if (cs) problems.push(...compareSchemas(ps, cs, rp, rc, `${at ? `${at}.` : ''}${key}`, depth + 1));
  }
  if (p.items && c.items)
    problems.push(...compareSchemas(p.items as Json, c.items as Json, rp, rc, `${at}[]`, depth + 1));
  return problems;
}

const jsonSchemaOf = (part: unknown): Json | undefined => {
  const content = (part as { content?: Record<string, { schema?: Json }> } | undefined)?.content;
  return content?.['application/json']?.schema;
};

/**
 * Lists what `other` lacks or does differently, operation by operation of `ours`.
 * Responses: everything Reel requires must be produced by the other backend.
 * Requests: everything the other backend requires must be something Reel sends.
 */
export function diffContracts(ours: Json, other: Json): ContractDifference[] {
  const out: ContractDifference[] = [];
  const rOurs = resolver(ours);
  const rOther = resolver(other);
  const theirBase = basePath(other);
  const theirPaths = new Map<string, Json>();
  for (const [path, item] of Object.entries((other.paths ?? {}) as Record<string, Json>)) {
    const relative = theirBase && path.startsWith(theirBase) ? path.slice(theirBase.length) : path;
    theirPaths.set(normalise(relative), item);
  }
  for (const [path, item] of Object.entries((ours.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const theirsItem = theirPaths.get(normalise(path));
      const theirs = theirsItem?.[method] as Json | undefined;
      const base = { operation: String(op.operationId), method: method.toUpperCase(), path };
      if (!theirs) {
        out.push({ ...base, kind: 'missing', detail: 'no such operation' });
        continue;
      }
      const ourResponses = (op.responses ?? {}) as Record<string, Json>;
      const theirResponses = (theirs.responses ?? {}) as Record<string, Json>;
      const success = Object.keys(ourResponses).find((s) => s.startsWith('2'));
      if (success && !theirResponses[success]) {
        const theirSuccess = Object.keys(theirResponses).filter((s) => s.startsWith('2'));
        out.push({
          ...base,
          kind: 'status',
          detail: `answers ${theirSuccess.join('/') || 'no 2xx'} instead of ${success}`,
        });
      } else if (success) {
        const expected = jsonSchemaOf(ourResponses[success]);
        const produced = jsonSchemaOf(theirResponses[success]);
        if (expected && produced) {
          for (const d of compareSchemas(produced, expected, rOther, rOurs, ''))
            out.push({ ...base, kind: 'response', detail: d });
        }
      }
      const ourBody = jsonSchemaOf(op.requestBody);
      const theirBody = jsonSchemaOf(theirs.requestBody);
      if (theirBody && !ourBody) out.push({ ...base, kind: 'request', detail: 'expects a body Reel does not send' });
      if (ourBody && theirBody) {
        for (const d of compareSchemas(ourBody, theirBody, rOurs, rOther, ''))
          out.push({ ...base, kind: 'request', detail: d });
      }
      const ourQuery = new Set(
        ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'query').map((p) => String(p.name)),
      );
      for (const p of ((theirs.parameters ?? []) as Json[]).filter((x) => x.in === 'query' && x.required)) {
        if (!ourQuery.has(String(p.name)))
          out.push({ ...base, kind: 'parameter', detail: `requires query parameter ${p.name}` });
      }
    }
  }
  return out;
}
