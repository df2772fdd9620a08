import type { AdminAuditEntry } from '@reel/contracts';
import { desc, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminAudit, users } from '../../db/schema/index.js';
import type { Principal } from '../../http/principal.js';
import { newId } from '../../ids.js';

export interface AuditTarget {
  type: string;
  id: string | null;
  label?: string | null;
}

/** Keeps only the fields that changed (both sides), so an entry reads as a diff. */
export function changed(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { before, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

const SECRET = /secret|password|token|key_hash/i;
function scrub(value: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!value) return null;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET.test(k)));
}

/** Writes one audited staff action: who, what, which thing, the changed fields before and after. */
export async function recordAdminAction(
  app: FastifyInstance,
  who: { principal: Principal | null; request?: FastifyRequest },
  action: string,
  target: AuditTarget,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  const diff = changed(scrub(before), scrub(after));
  await app.db.insert(adminAudit).values({
    id: newId('aud'),
    at: new Date(),
    actorId: who.principal?.userId ?? null,
    action,
    targetType: target.type,
    targetId: target.id,
    targetLabel: target.label ?? null,
    before: diff.before,
    after: diff.after,
    ip: who.request?.ip ?? null,
    requestId: who.request?.id ?? null,
  });
}

/** The latest audited actions, newest first, with their actors. */
export async function recentAdminActions(app: FastifyInstance, limit: number): Promise<AdminAuditEntry[]> {
  const rows = await app.db.select().from(adminAudit).orderBy(desc(adminAudit.at), desc(adminAudit.id)).limit(limit);
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const actors = ids.length
    ? await app.db
        .select({ id: users.id, email: users.email, name: users.displayName })
        .from(users)
        .where(inArray(users.id, ids))
    : [];
  const byId = new Map(actors.map((a) => [a.id, { id: a.id, email: a.email, display_name: a.name ?? a.email }]));
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorId ? (byId.get(r.actorId) ?? null) : null,
    action: r.action,
    target: { type: r.targetType, id: r.targetId, label: r.targetLabel },
    before: (r.before as Record<string, unknown> | null) ?? null,
    after: (r.after as Record<string, unknown> | null) ?? null,
    ip: r.ip,
    request_id: r.requestId,
  }));
}
