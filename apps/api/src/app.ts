import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import { ErrorCode } from '@reel/contracts';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import { registerEmbed } from './embed.js';
import { HttpError } from './http/errors.js';
import type { Principal } from './http/principal.js';
import { registerRoutes } from './routes/index.js';
import { KeyStore } from './services/keys.js';
import { registerSite } from './site.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    database: Database;
    keys: KeyStore;
    /** Operations served, for tests that walk the contract. */
    reel: { routes: Set<string> };
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    endpoint?: import('@reel/contracts').AnyEndpoint;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Security headers on every answer: helmet's defaults, written once. (@fastify/helmet set the same
 * values through a dozen middlewares per request and cost a third of a trivial route's throughput.)
 * HTML responses add their own Content-Security-Policy (site.ts); API answers are JSON.
 */
export const securityHeaders = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'cross-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
} as const;

/**
 * Builds the API as a Fastify instance (not listening): plugins in order — external (CORS,
 * security headers, cookies), then services (database, signing keys), then the contract's routes.
 */
export async function buildApp(
  config: Config,
  database: Database,
  options: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
      ],
    },
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: false,
    // Fastify answers a malformed URL (a bad percent-escape, an overlong param) before any route
    // runs; answer it with the envelope like everything else.
    frameworkErrors: (error, request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const body = {
        error: {
          code: tooLong ? 'uri_too_long' : ErrorCode.validationFailed,
          message: error.message,
          request_id: request.id,
        },
      };
      (reply as unknown as FastifyReply).code(tooLong ? 414 : 400).send(body);
    },
    ...options,
  });

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('reel', { routes: new Set<string>() });
  app.decorateRequest('principal', null);
  const keys = new KeyStore(database.db, config.publicOrigin);
  await keys.load();
  app.decorate('keys', keys);

  // Set as the request arrives (a callback hook: cheaper than an async onSend on every reply).
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeaders);
    reply.header('x-request-id', request.id);
    done();
  });

  const corsBase = {
    exposedHeaders: ['x-request-id', 'retry-after'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'idempotency-key',
      'x-request-id',
      'x-playback-token',
      'x-api-key',
    ],
  };
  const firstParty = new Set([config.publicOrigin, ...config.allowedOrigins]);
  await app.register(cors, {
    // The site's own origin and REEL_ALLOWED_ORIGINS, with credentials; the allowed origins of
    // active partner API keys (services/partner), never with credentials; others get no CORS headers.
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      if (origin && firstParty.has(origin)) return callback(null, { ...corsBase, origin: true, credentials: true });
      if (origin && app.partner?.corsAllows(origin, request.url ?? ''))
        return callback(null, { ...corsBase, origin: true, credentials: false });
      return callback(null, { ...corsBase, origin: false });
    },
  });
  await app.register(cookie);

  // An empty body sent with `Content-Type: application/json` (plain clients set the header on every
  // request, a DELETE or a body-less POST included) is no body, not malformed JSON. Anything else
  // goes through Fastify's own parser (prototype poisoning refused).
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) return done(null, undefined);
    json(request, body as string, done);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; validation?: unknown }, request, reply) => {
    let status = 500;
    let code: string = ErrorCode.internal;
    let message = 'Something went wrong on our side. Try again; if it keeps happening, quote the request id.';
    let details: HttpError['details'];
    if (error instanceof HttpError) {
      status = error.status;
      code = error.code;
      message = error.message;
      details = error.details;
      if (error.headers) reply.headers(error.headers);
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      status = 413;
      code = ErrorCode.payloadTooLarge;
      message = 'The request body is too large';
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      status = 415;
      code = 'unsupported_media_type';
      message = 'Send the body as application/json';
    } else if (
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error instanceof SyntaxError ||
      error.code?.startsWith('FST_ERR_CTP_')
    ) {
      status = 400;
      code = ErrorCode.validationFailed;
      message = 'The request body is not valid JSON';
    } else if (error.statusCode === 429) {
      status = 429;
      code = ErrorCode.rateLimited;
      message = error.message;
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      code = status === 404 ? ErrorCode.notFound : ErrorCode.validationFailed;
      message = error.message;
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    reply.code(status).send({ error: { code, message, ...(details ? { details } : {}), request_id: request.id } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      error: {
        code: ErrorCode.notFound,
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
        request_id: request.id,
      },
    });
  });

  await registerRoutes(app);
  registerEmbed(app);
  registerSite(app, config.site);
  return app;
}
