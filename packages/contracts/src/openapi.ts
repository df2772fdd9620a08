// Generates the OpenAPI 3.1 document from the contract. Node-side (docs, tests, contract diff);
// elements never import it.
import * as z from 'zod/mini';
import type { AnyEndpoint } from './endpoint.js';
import * as contract from './index.js';
import { allEndpoints } from './registry.js';

type Json = Record<string, unknown>;

const API_BASE = '/api/v1';

/** Objects, unions and enums get a name in `components`; plain strings and numbers stay inline. */
function isNamedKind(value: unknown): value is z.ZodMiniType {
  if (typeof value !== 'object' || value === null || !('_zod' in value)) return false;
  const type = (value as z.ZodMiniType)._zod.def.type;
  return type === 'object' || type === 'union' || type === 'enum' || type === 'intersection';
}

/** Every exported zod schema, registered under its export name so the document uses `$ref`s. */
function namedSchemas() {
  const registry = z.registry<{ id: string }>();
  const names = new Map<unknown, string>();
  for (const [name, value] of Object.entries(contract).sort(([a], [b]) => a.localeCompare(b))) {
    if (isNamedKind(value) && !names.has(value) && /^[A-Z]/.test(name)) {
      registry.add(value, { id: name });
      names.set(value, name);
    }
  }
  return registry;
}

/**
 * Converts a schema to JSON Schema 2020-12; named sub-schemas go to `components` and are
 * referenced as `#/components/schemas/<Name>`.
 */
function converter(registry: ReturnType<typeof namedSchemas>, components: Json) {
  return (schema: z.ZodMiniType, io: 'input' | 'output'): Json => {
    const out = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      metadata: registry,
      io,
      unrepresentable: 'any',
      reused: 'inline',
    }) as Json;
    const defs = (out.$defs ?? {}) as Record<string, Json>;
    delete out.$defs;
    delete out.$schema;
    for (const [name, def] of Object.entries(defs)) {
      // Input and output forms of one schema can differ (defaults, coercion): keep both apart.
      const key = io === 'input' && !isSameShape(components[name], def) && components[name] ? `${name}Input` : name;
      components[key] ??= rewriteRefs(def, io, components);
    }
    const own = registry.get(schema)?.id;
    if (own && !components[own]) components[own] = rewriteRefs(out, io, components);
    return own ? { $ref: `#/components/schemas/${own}` } : (rewriteRefs(out, io, components) as Json);
  };
}

const isSameShape = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function rewriteRefs(value: unknown, io: string, components: Json): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, io, components));
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
        out[k] = `#/components/schemas/${v.slice('#/$defs/'.length)}`;
      } else if (k === '$schema' || (k === 'id' && typeof v === 'string')) {
        // zod's own metadata, not part of the schema
      } else out[k] = rewriteRefs(v, io, components);
    }
    return out;
  }
  return value;
}

const securityFor = (e: AnyEndpoint): Json[] | undefined => {
  switch (e.auth) {
    case 'public':
    case 'signature':
      return [];
    case 'optional':
      return [{}, { bearer: [] }];
    case 'playback':
      return [{ bearer: [] }, { playbackToken: [] }];
    case 'api-key':
      return [{ apiKey: [] }];
    default:
      return [{ bearer: [] }];
  }
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

const STANDARD_ERRORS: Record<string, string> = {
  '400': 'Malformed request: the envelope names each bad field',
  '404': 'Not found (also for another account’s profile)',
  '429': 'Rate limited; `Retry-After` says when to try again',
  '500': 'Server error',
};

const EXTRA_ERRORS: Record<number, string> = {
  401: 'No valid session or token',
  403: 'Not allowed (missing permission, or `reauth_required`)',
  409: 'Conflict with the current state',
  410: 'Gone (expired link or token)',
  413: 'Body too large',
  422: 'Understood but refused (a rule of the domain)',
  423: 'Locked',
  402: 'Payment required',
};

/** Builds the OpenAPI 3.1 document of the whole contract. */
export function buildOpenApi(version: string): Json {
  const registry = namedSchemas();
  const components: Json = {};
  const toSchema = converter(registry, components);
  const paths: Record<string, Json> = {};
  for (const e of allEndpoints()) {
    const parameters: Json[] = [];
    const paramsShape = (e.params?.def.shape ?? {}) as Record<string, z.ZodMiniType>;
    for (const [name, schema] of Object.entries(paramsShape)) {
      parameters.push({ name, in: 'path', required: true, schema: toSchema(schema, 'input') });
    }
    const queryShape = (e.query?.def.shape ?? {}) as Record<string, z.ZodMiniType>;
    for (const [name, schema] of Object.entries(queryShape)) {
      const optional = (schema as { _zod: { optin?: string } })._zod.optin === 'optional';
      parameters.push({ name, in: 'query', required: !optional, schema: toSchema(schema, 'input') });
    }
    const responses: Json = {};
    const success: Json = { description: e.summary };
    if (e.bodyKind === 'json' && e.response) {
      success.content = { 'application/json': { schema: toSchema(e.response, 'output') } };
    } else if (e.bodyKind === 'event-stream') {
      success.content = {
        'text/event-stream': {
          schema: { type: 'string' },
          ...(e.response ? { 'x-event-schema': toSchema(e.response, 'output') } : {}),
        },
      };
    } else if (e.bodyKind === 'text') {
      success.content = { 'text/plain': { schema: { type: 'string' } } };
    } else if (e.bodyKind === 'file') {
      success.content = {
        'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
      };
    }
    responses[String(e.status)] = success;
    const errors = new Set<number>(e.errors ?? []);
    if (e.auth !== 'public') errors.add(401);
    if (e.auth === 'staff' || e.reauth) errors.add(403);
    for (const status of [...errors].sort()) responses[String(status)] = errorResponse(EXTRA_ERRORS[status] ?? 'Error');
    for (const [status, text] of Object.entries(STANDARD_ERRORS)) responses[status] ??= errorResponse(text);

    const op: Json = {
      operationId: e.operation,
      summary: e.summary,
      tags: [e.operation.split('.').slice(0, -1).join('.')],
      parameters: parameters.length ? parameters : undefined,
      requestBody: e.body
        ? { required: true, content: { 'application/json': { schema: toSchema(e.body, 'input') } } }
        : undefined,
      responses,
      security: securityFor(e),
      'x-reel-auth': e.auth,
      'x-reel-permission': e.permission,
      'x-reel-reauth': e.reauth || undefined,
      'x-reel-retry': e.retry,
      'x-reel-origin': e.origin,
      'x-reel-used-by': e.usedBy,
    };
    if (e.retry === 'idempotency-key') {
      op.parameters = [...((op.parameters as Json[] | undefined) ?? [])];
      (op.parameters as Json[]).push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        schema: { type: 'string', maxLength: 255 },
      });
    }
    const path = e.path;
    paths[path] ??= {};
    if (path.startsWith('/.well-known/')) paths[path].servers = [{ url: '/' }];
    paths[path][e.method.toLowerCase()] = JSON.parse(JSON.stringify(op));
  }
  components.ErrorBody ??= toSchema(contract.ErrorBody, 'output');
  const sortedComponents = Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Reel API',
      version,
      description:
        'The backend contract of Reel, generated from packages/contracts. JSON with snake_case fields; ' +
        'ids are strings; times ISO 8601 UTC; lists are `{ items, next_cursor }`; every error is ' +
        '`{ error: { code, message, details?, request_id } }`.',
    },
    servers: [{ url: API_BASE }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: sortedComponents,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (ES256)' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        playbackToken: { type: 'apiKey', in: 'header', name: 'X-Playback-Token' },
      },
    },
  };
}

/** The endpoint reference: one row per operation. */
export function buildEndpointTable(): string {
  const rows = allEndpoints()
    .slice()
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
    .map((e) => {
      const auth = e.auth === 'staff' ? `staff: \`${e.permission}\`` : e.auth;
      const flags = [e.reauth ? 're-auth' : '', e.retry === 'idempotency-key' ? 'Idempotency-Key' : '']
        .filter(Boolean)
        .join(', ');
      const used = (e.usedBy ?? []).map((t) => `\`<${t}>\``).join(' ');
      return `| \`${e.operation}\` | ${e.method} | \`${e.path}\` | ${auth}${flags ? ` (${flags})` : ''} | ${e.origin} | ${used} |`;
    });
  return [
    '# Reel API reference',
    '',
    'Generated from `packages/contracts` by `pnpm generate` — do not edit by hand. The machine-readable',
    'document is [openapi.json](openapi.json) (OpenAPI 3.1). Paths are under `/api/v1`.',
    '',
    'Origin: **S** named in the review (method and path kept exactly), **I** implied by the spec,',
    '**admin** an `/admin/*` group, **added** by a later issue.',
    '',
    `${allEndpoints().length} operations.`,
    '',
    '| operation | method | path | auth | origin | used by |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
