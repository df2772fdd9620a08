// Shared by the admin media tests (subtitles, audio tracks, artwork, trailers, streams): calls as
// a caller, a tus upload of a buffer, and starting playback as a viewer.
import type { FastifyInstance } from 'fastify';
import type { TestCaller } from '../fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
export type Json = Record<string, any>;

export function caller(app: FastifyInstance) {
  return async (
    method: string,
    url: string,
    who: TestCaller | { headers: Record<string, string> },
    payload?: unknown,
  ) => {
    const res = await app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: { ...who.headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, raw: res.body };
  };
}

/** Sends `bytes` to a tus upload URL in chunks; returns the last answer's status. */
export async function tusUpload(
  app: FastifyInstance,
  who: { headers: Record<string, string> },
  url: string,
  bytes: Buffer,
  chunk = 64 * 1024,
): Promise<number> {
  let offset = 0;
  let status = 0;
  while (offset < bytes.length) {
    const part = bytes.subarray(offset, offset + chunk);
    const res = await app.inject({
      method: 'PATCH',
      url,
      headers: {
        ...who.headers,
        'tus-resumable': '1.0.0',
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
      },
      payload: part,
    });
    status = res.statusCode;
    if (status !== 204) throw new Error(`tus PATCH at ${offset}: ${status} ${res.body}`);
    offset = Number(res.headers['upload-offset']);
  }
  return status;
}

/** Starts playback as a viewer and reads the multivariant playlist it gets (the session stays open). */
export async function play(app: FastifyInstance, viewer: TestCaller, titleId: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/player/sessions/enhanced',
    headers: { ...viewer.headers, 'content-type': 'application/json' },
    payload: JSON.stringify({ title_id: titleId }),
  });
  if (res.statusCode !== 201) throw new Error(`play: ${res.statusCode} ${res.body}`);
  const session = res.json() as Json;
  const master = await app.inject({ method: 'GET', url: session.manifest_url });
  /** Fetches a media URL of the session, then (when `end`) ends the session. */
  const fetch = async (url: string) => (await app.inject({ method: 'GET', url })).body;
  const end = () =>
    app.inject({ method: 'DELETE', url: `/api/v1/player/sessions/${session.session_id}`, headers: viewer.headers });
  return { session, master: master.body, status: master.statusCode, fetch, end };
}
