import { batchRun } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../http/route.js';

/**
 * POST /batch (§28): several GETs in one request. Each runs through the app exactly as it would
 * alone (same auth header, same validation, same rules) and answers in its own slot, so one bad
 * path never fails the others.
 */
export function registerBatchRoutes(app: FastifyInstance): void {
  handle(app, batchRun, async ({ body, request }) => {
    const forwarded: Record<string, string> = {};
    for (const name of ['authorization', 'x-playback-token', 'accept-language']) {
      const value = request.headers[name];
      if (typeof value === 'string') forwarded[name] = value;
    }
    const responses = await Promise.all(
      body.requests.map(async (item, index) => {
        const path = item.path;
        if (/^\/batch(?:[/?#]|$)/.test(path)) {
          return {
            id: item.id,
            status: 400,
            body: {
              error: { code: 'validation_failed', message: 'A batch cannot contain /batch', request_id: request.id },
            },
            headers: {},
          };
        }
        const res = await app.inject({
          method: 'GET',
          url: `/api/v1${path}`,
          headers: {
            ...forwarded,
            'x-request-id': `${request.id}.${index}`.slice(0, 64),
            'x-forwarded-for': request.ip,
          },
        });
        let parsed: unknown = null;
        try {
          parsed = res.body ? JSON.parse(res.body) : null;
        } catch {
          parsed = { error: { code: 'not_json', message: 'This path does not answer JSON', request_id: request.id } };
        }
        const etag = res.headers.etag;
        const cacheControl = res.headers['cache-control'];
        return {
          id: item.id,
          status: res.statusCode,
          body: parsed,
          headers: {
            ...(typeof etag === 'string' ? { etag } : {}),
            ...(typeof cacheControl === 'string' ? { cache_control: cacheControl } : {}),
          },
        };
      }),
    );
    return { responses };
  });
}
