// Resumable uploads (tus 1.0: core + termination) of audio files and images at
// `/media/admin-uploads/{id}`, for staff with assets.manage. When the last byte arrives the
// upload's kind decides what happens to the file (an audio encode, an artwork check).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Permission } from '@reel/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminUploads } from '../../db/schema/index.js';
import type { HttpError } from '../../http/errors.js';
import { resolvePrincipal } from '../../http/principal.js';
import { newId } from '../../ids.js';

export type UploadRow = typeof adminUploads.$inferSelect;
export type UploadKind = UploadRow['kind'];
const CHUNK = 8 * 1024 * 1024;
const TTL_MS = 24 * 3600_000;

/** What to do with a complete file; the file is at `file` and may be moved or deleted. */
export type CompleteHandler = (app: FastifyInstance, upload: UploadRow, file: string) => Promise<void>;
const handlers = new WeakMap<FastifyInstance, Map<UploadKind, CompleteHandler>>();

export const uploadFile = (app: FastifyInstance, id: string) => join(app.media.root, 'uploads', `${id}.part`);

/** Starts an upload for a row; returns its tus target. */
export async function openUpload(
  app: FastifyInstance,
  kind: UploadKind,
  targetId: string,
  file: { filename: string; content_type: string; size_bytes: number; checksum_sha256?: string | undefined },
  createdBy: string | null,
) {
  const now = new Date(app.media.now());
  const [row] = await app.db
    .insert(adminUploads)
    .values({
      id: newId('upl'),
      kind,
      targetId,
      filename: file.filename,
      contentType: file.content_type,
      sizeBytes: file.size_bytes,
      checksumSha256: file.checksum_sha256 ?? null,
      createdBy,
      expiresAt: new Date(now.getTime() + TTL_MS),
      createdAt: now,
    })
    .returning();
  return target(row as UploadRow);
}

export function target(u: UploadRow) {
  return {
    protocol: 'tus' as const,
    url: `/media/admin-uploads/${u.id}`,
    offset: u.uploadedBytes,
    length: u.sizeBytes,
    chunk_size: CHUNK,
    expires_at: u.expiresAt.toISOString(),
  };
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Registers the tus routes and the handler for each kind of upload. */
export function registerAdminUploads(app: FastifyInstance, kind: UploadKind, onComplete: CompleteHandler): void {
  let map = handlers.get(app);
  if (map) {
    map.set(kind, onComplete);
    return;
  }
  map = new Map([[kind, onComplete]]);
  handlers.set(app, map);
  const kinds = map;
  app.register(async (tus) => {
    tus.addContentTypeParser('application/offset+octet-stream', (_request, payload, done) => done(null, payload));
    const headers = (reply: FastifyReply) => reply.header('tus-resumable', '1.0.0').header('cache-control', 'no-store');
    const send = (request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) => {
      (request.body as Readable | undefined)?.resume?.();
      return reply.code(status).send({ error: { code, message, request_id: request.id } });
    };
    const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<UploadRow | null> => {
      headers(reply);
      let principal: Awaited<ReturnType<typeof resolvePrincipal>>;
      try {
        principal = await resolvePrincipal(request, app.db, app.keys);
      } catch (error) {
        const e = error as HttpError;
        send(request, reply, e.status ?? 401, e.code, e.message);
        return null;
      }
      if (!principal) {
        send(request, reply, 401, 'unauthenticated', 'Sign in to upload');
        return null;
      }
      if (!principal.permissions.has(Permission.assetsManage)) {
        send(request, reply, 403, 'forbidden', 'This needs the assets.manage permission');
        return null;
      }
      const id = (request.params as { id: string }).id;
      const [row] = await app.db.select().from(adminUploads).where(eq(adminUploads.id, id));
      if (!row) {
        send(request, reply, 404, 'not_found', 'No such upload');
        return null;
      }
      if (row.state !== 'open') {
        send(request, reply, 410, 'upload_complete', 'This upload is complete');
        return null;
      }
      return row;
    };
    tus.options('/media/admin-uploads/:id', async (_request, reply) =>
      headers(reply)
        .header('tus-version', '1.0.0')
        .header('tus-extension', 'termination')
        .header('tus-max-size', String(20 * 1024 ** 3))
        .code(204)
        .send(),
    );
    tus.head('/media/admin-uploads/:id', async (request, reply) => {
      const row = await guard(request, reply);
      if (!row) return reply;
      return reply
        .header('upload-offset', String(row.uploadedBytes))
        .header('upload-length', String(row.sizeBytes))
        .code(200)
        .send();
    });
    tus.patch('/media/admin-uploads/:id', async (request, reply) => {
      const row = await guard(request, reply);
      if (!row) return reply;
      if (request.headers['tus-resumable'] !== '1.0.0') {
        return send(request, reply, 412, 'tus_version', 'Send Tus-Resumable: 1.0.0');
      }
      if (request.headers['content-type'] !== 'application/offset+octet-stream') {
        return send(request, reply, 415, 'unsupported_media_type', 'Send the bytes as application/offset+octet-stream');
      }
      const offset = Number(request.headers['upload-offset']);
      if (!Number.isInteger(offset) || offset !== row.uploadedBytes) {
        reply.header('upload-offset', String(row.uploadedBytes));
        return send(request, reply, 409, 'offset_mismatch', `The upload is at byte ${row.uploadedBytes}`);
      }
      const part = uploadFile(app, row.id);
      mkdirSync(dirname(part), { recursive: true });
      if (offset === 0 && existsSync(part)) rmSync(part, { force: true });
      const room = row.sizeBytes - offset;
      let received = 0;
      let tooLarge = false;
      const limit = new Transform({
        transform(chunk: Buffer, _enc, done) {
          received += chunk.length;
          if (received > room) {
            tooLarge = true;
            done(new Error('too large'));
            return;
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(request.body as Readable, limit, createWriteStream(part, { flags: 'a' }));
      } catch {
        if (tooLarge && existsSync(part) && statSync(part).size > row.sizeBytes) truncateSync(part, row.sizeBytes);
      }
      const uploaded = Math.min(existsSync(part) ? statSync(part).size : 0, row.sizeBytes);
      await app.db.update(adminUploads).set({ uploadedBytes: uploaded }).where(eq(adminUploads.id, row.id));
      if (tooLarge) return send(request, reply, 413, 'payload_too_large', `The upload is ${row.sizeBytes} bytes long`);
      if (uploaded >= row.sizeBytes) {
        const ok = !row.checksumSha256 || (await sha256(part)) === row.checksumSha256;
        await app.db
          .update(adminUploads)
          .set({ state: ok ? 'complete' : 'failed' })
          .where(eq(adminUploads.id, row.id));
        if (!ok) {
          rmSync(part, { force: true });
          return send(request, reply, 460, 'checksum_mismatch', 'The SHA-256 of the bytes does not match the checksum');
        }
        const handler = kinds.get(row.kind);
        if (handler) await handler(app, { ...row, uploadedBytes: uploaded, state: 'complete' }, part);
      }
      return reply.header('upload-offset', String(uploaded)).code(204).send();
    });
    tus.delete('/media/admin-uploads/:id', async (request, reply) => {
      const row = await guard(request, reply);
      if (!row) return reply;
      rmSync(uploadFile(app, row.id), { force: true });
      await app.db.update(adminUploads).set({ uploadedBytes: 0 }).where(eq(adminUploads.id, row.id));
      return reply.code(204).send();
    });
  });
}

/** The open upload of a row, if any. */
export async function openUploadOf(app: FastifyInstance, targetId: string): Promise<UploadRow | null> {
  const rows = await app.db.select().from(adminUploads).where(eq(adminUploads.targetId, targetId));
  return (
    rows.filter((r) => r.state === 'open').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ?? null
  );
}
