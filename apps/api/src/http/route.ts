import { type AnyEndpoint, ErrorCode, formatIssuePath } from '@reel/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import { type FieldProblem, forbidden, HttpError, notFound, reauthRequired, unauthenticated } from './errors.js';
import { forgetPrincipalsOf, type Principal, resolvePrincipal } from './principal.js';

/**
 * How recent a re-authentication must be for a `reauth` route: 5 minutes, or
 * `REEL_REAUTH_WINDOW_SECONDS` outside production (tests shorten it to see the prompt).
 */
export const REAUTH_WINDOW_MS =
  process.env.NODE_ENV !== 'production' && Number(process.env.REEL_REAUTH_WINDOW_SECONDS) > 0
    ? Number(process.env.REEL_REAUTH_WINDOW_SECONDS) * 1000
    : 5 * 60 * 1000;

// Not distributive: an endpoint's optional `params?`/`body?` slot is `Schema | undefined`, and only the schema counts.
type Out<S> = [Exclude<S, undefined>] extends [z.ZodMiniType] ? z.output<Exclude<S, undefined>> : undefined;

/** What a handler receives: parsed params, query and body, and who is calling. */
export interface RouteContext<E extends AnyEndpoint> {
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: Out<E['body']>;
  /** The caller; null only on public/optional routes. */
  principal: E['auth'] extends 'public' | 'optional' | 'signature' | 'api-key' ? Principal | null : Principal;
  /** For `profile` routes: the profile acted for (from the path, or the session's active profile). */
  profileId: E['auth'] extends 'profile' ? string : string | null;
  request: FastifyRequest;
  reply: FastifyReply;
  app: FastifyInstance;
  /** Answers with another success status than the endpoint's (a create that turned out an edit: 200). */
  setStatus: (status: number) => void;
}

/** A handler returns the success body (validated against the contract) or nothing for 204. */
export type Handler<E extends AnyEndpoint> = (
  context: RouteContext<E>,
) => Promise<E['response'] extends z.ZodMiniType ? z.input<E['response']> : unknown>;

/** Finds a U+0000 anywhere in a parsed value (Postgres `text` cannot store it). */
function findNul(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, k];
      const found = findNul(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** Parses one part of the request; a problem is a 400 naming each bad field. */
function parsePart(schema: z.ZodMiniType | undefined, value: unknown, part: 'params' | 'query' | 'body'): unknown {
  const nul = findNul(value);
  if (nul) {
    const field = formatIssuePath([part, ...nul]);
    throw new HttpError(400, ErrorCode.validationFailed, `${field} must not contain the character U+0000`, {
      fields: [{ field, message: 'must not contain U+0000' }],
    });
  }
  if (!schema) {
    if (
      part === 'body' &&
      value !== undefined &&
      value !== null &&
      !(typeof value === 'object' && Object.keys(value).length === 0)
    ) {
      throw new HttpError(400, ErrorCode.validationFailed, 'This request takes no body');
    }
    return undefined;
  }
  const result = schema.safeParse(part === 'body' ? value : (value ?? {}));
  if (result.success) return result.data;
  const fields: FieldProblem[] = result.error.issues.slice(0, 20).map((issue) => ({
    field: formatIssuePath(part === 'body' ? issue.path : [part, ...issue.path]) || part,
    message: issue.message,
  }));
  const first = fields[0] as FieldProblem;
  throw new HttpError(400, ErrorCode.validationFailed, `${first.field}: ${first.message}`, { fields });
}

const toFastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Serves one endpoint of the contract: parses params, query and body with its schemas (400 with
 * the field on a problem), enforces its auth, permission and re-auth rules, runs the handler and
 * checks the answer against the response schema (a mismatch is a server bug: 500, logged).
 */
export function handle<E extends AnyEndpoint>(app: FastifyInstance, endpoint: E, handler: Handler<E>): void {
  const url = endpoint.path.startsWith('/.well-known/') ? endpoint.path : `/api/v1${endpoint.path}`;
  app.reel.routes.add(endpoint.operation);
  app.route({
    method: endpoint.method,
    url: toFastifyPath(url),
    config: { endpoint },
    handler: async (request, reply) => {
      const params = parsePart(endpoint.params, request.params, 'params') as Out<E['params']>;
      const query = parsePart(endpoint.query, request.query, 'query') as Out<E['query']>;
      const principal = await authorise(app, endpoint, request);
      const profileId = profileFor(endpoint, principal, params as Record<string, unknown> | undefined);
      const body = parsePart(endpoint.body, request.body, 'body') as Out<E['body']>;
      let result: Awaited<ReturnType<Handler<E>>>;
      let status: number = endpoint.status;
      try {
        result = await handler({
          params,
          query,
          body,
          principal: principal as RouteContext<E>['principal'],
          profileId: profileId as RouteContext<E>['profileId'],
          request,
          reply,
          app,
          setStatus: (code) => {
            status = code;
          },
        });
      } finally {
        // A write may change what the caller's principal says (re-auth time, profiles, roles).
        if (principal && endpoint.method !== 'GET') forgetPrincipalsOf(principal.userId);
      }
      if (reply.sent) return reply;
      if (endpoint.bodyKind !== 'json' || endpoint.status === 204) {
        reply.code(endpoint.status);
        return endpoint.status === 204 ? reply.send() : reply.send(result);
      }
      const checked = endpoint.response?.safeParse(result);
      if (checked && !checked.success) {
        const issue = checked.error.issues[0];
        request.log.error(
          { operation: endpoint.operation, issues: checked.error.issues.slice(0, 5) },
          'response breaks the contract',
        );
        throw new HttpError(
          500,
          ErrorCode.internal,
          `${endpoint.operation}: the server's answer broke the contract at ${formatIssuePath(issue?.path ?? []) || 'the body'}`,
        );
      }
      reply.code(status);
      return reply.send(checked ? checked.data : result);
    },
  });
}

async function authorise(
  app: FastifyInstance,
  endpoint: AnyEndpoint,
  request: FastifyRequest,
): Promise<Principal | null> {
  if (endpoint.auth === 'signature' || endpoint.auth === 'api-key') return null;
  if (endpoint.auth === 'playback') {
    // A partner page's playback token stands in for a session (services/partner).
    const partner = app.partner?.principalFromRequest(request);
    if (partner) {
      request.principal = partner;
      return partner;
    }
  }
  const principal = await resolvePrincipal(request, app.db, app.keys);
  request.principal = principal;
  if (endpoint.auth === 'public' || endpoint.auth === 'optional') return principal;
  if (!principal) throw unauthenticated();
  if (endpoint.auth === 'staff') {
    if (!endpoint.permission || !principal.permissions.has(endpoint.permission)) {
      throw forbidden(`This needs the ${endpoint.permission} permission`, { permission: endpoint.permission });
    }
  }
  if (endpoint.reauth && (!principal.reauthAt || Date.now() - principal.reauthAt.getTime() > REAUTH_WINDOW_MS)) {
    throw reauthRequired();
  }
  return principal;
}

/** For `profile` routes: the profile in the path must be the caller's (else 404), or the active one. */
function profileFor(
  endpoint: AnyEndpoint,
  principal: Principal | null,
  params: Record<string, unknown> | undefined,
): string | null {
  const fromPath = typeof params?.profile_id === 'string' ? params.profile_id : null;
  if (!principal) return null;
  if (fromPath) {
    if (!principal.profileIds.includes(fromPath)) throw notFound('That profile');
    return fromPath;
  }
  if (endpoint.auth === 'profile') {
    if (!principal.profileId) throw new HttpError(403, 'profile_required', 'Choose a profile first');
    return principal.profileId;
  }
  return principal.profileId;
}
