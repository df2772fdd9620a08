import type { AdminAccountConcurrency as AccountSchema, AdminLiveSession } from '@reel/contracts';
import { and, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type * as z from 'zod/mini';
import { apiKeys, episodes, playerSessions, profiles, sessions, titles, users } from '../../db/schema/index.js';
import { notFound } from '../../http/errors.js';
import type { Principal } from '../../http/principal.js';
import { playbackEntitlements } from '../media/entitlements.js';
import { IDLE_TIMEOUT } from '../media/player.js';
import { recordAdminAction } from './audit.js';

// The live sessions monitor (§21, issue 17): streams holding a concurrent-stream slot now.

type DeviceType = AdminLiveSession['device']['type'];
type AdminAccountConcurrency = z.infer<typeof AccountSchema>;
const DEVICE_TYPES = new Set<DeviceType>(['web', 'mobile', 'tablet', 'tv', 'desktop', 'other']);

/** The player's device kind as the admin groups it (a console counts as a TV). */
function deviceType(kind: string | undefined): DeviceType {
  if (kind === 'console') return 'tv';
  return DEVICE_TYPES.has(kind as DeviceType) ? (kind as DeviceType) : 'other';
}

/** `203.0.113.7` → `203.0.113.x`; an IPv6 address keeps its first 3 groups. */
function truncateIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  if (ip.includes('.')) return ip.replace(/^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/, '$1.x');
  return `${ip.split(':').slice(0, 3).join(':')}::x`;
}

const iso = (d: Date) => d.toISOString();

/** What a staff termination leaves on the session, read back by the player's 410 answer. */
export interface Termination {
  reason: string;
  message: string | null;
  by: string | null;
  at: string;
}

export const DEFAULT_TERMINATION_MESSAGE = 'This stream was stopped by Reel support';

interface Filter {
  title_id?: string;
  region?: string;
  device_type?: DeviceType;
  quality?: string;
  account_id?: string;
  cursor?: string;
  limit?: number;
}

export class LiveSessions {
  constructor(private readonly app: FastifyInstance) {}

  /** Active sessions that still beat (an idle one is no longer a stream, even before it expires). */
  #live(): SQL {
    const since = new Date(Date.now() - IDLE_TIMEOUT * 1000);
    return and(
      eq(playerSessions.status, 'active'),
      gt(sql`coalesce(${playerSessions.lastHeartbeatAt}, ${playerSessions.createdAt})`, since),
    ) as SQL;
  }

  async #rows() {
    const db = this.app.db;
    return db
      .select({
        s: playerSessions,
        email: users.email,
        accountPlan: users.plan,
        profileName: profiles.name,
        titleName: titles.name,
        titleType: titles.type,
        ep: { id: episodes.id, seasonNumber: episodes.seasonNumber, number: episodes.number, name: episodes.name },
        ip: sessions.ip,
      })
      .from(playerSessions)
      .leftJoin(users, eq(users.id, playerSessions.userId))
      .leftJoin(profiles, eq(profiles.id, playerSessions.profileId))
      .innerJoin(titles, eq(titles.id, playerSessions.titleId))
      .leftJoin(episodes, eq(episodes.id, playerSessions.episodeId))
      .leftJoin(sessions, eq(sessions.id, playerSessions.authSessionId))
      .where(this.#live())
      .orderBy(desc(playerSessions.createdAt), desc(playerSessions.id));
  }

  async list(filter: Filter) {
    const rows = await this.#rows();
    const keyIds = [
      ...new Set(rows.map((r) => r.s.userId.match(/^partner:([^:]+):/)?.[1]).filter((x): x is string => !!x)),
    ];
    const keys = keyIds.length
      ? new Map(
          (
            await this.app.db
              .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix })
              .from(apiKeys)
              .where(inArray(apiKeys.id, keyIds))
          ).map((k) => [k.id, k]),
        )
      : new Map<string, { id: string; name: string; prefix: string }>();
    const perAccount = new Map<string, number>();
    for (const r of rows) perAccount.set(r.s.userId, (perAccount.get(r.s.userId) ?? 0) + 1);

    const all: AdminLiveSession[] = rows.map((r) => {
      const s = r.s;
      const device = (s.device ?? {}) as { kind?: string; os?: string; browser?: string; name?: string };
      const stats = (s.stats ?? {}) as { bitrateSum?: number; bitrateTime?: number; lastBitrate?: number };
      const keyId = s.userId.match(/^partner:([^:]+):/)?.[1];
      const key = keyId ? keys.get(keyId) : undefined;
      const type = deviceType(device.kind);
      const lastType = s.lastEventType ?? '';
      const state: AdminLiveSession['state'] =
        lastType === 'pause' ? 'paused' : lastType === 'rebuffer' || lastType === 'stall' ? 'buffering' : 'playing';
      const bitrate = stats.bitrateTime && stats.bitrateSum ? Math.round(stats.bitrateSum / stats.bitrateTime) : null;
      return {
        id: s.id,
        account: key
          ? { id: key.id, email: `${key.prefix.replace(/[^A-Za-z0-9._-]/g, '') || 'partner'}@partner.invalid` }
          : { id: s.userId, email: r.email ?? 'unknown@reel.invalid' },
        profile: r.profileName ? { id: s.profileId, name: r.profileName } : null,
        api_key: key ? { id: key.id, name: key.name } : null,
        title: { id: s.titleId, name: r.titleName, type: r.titleType },
        episode: r.ep?.id
          ? { id: r.ep.id, season_number: r.ep.seasonNumber, number: r.ep.number, name: r.ep.name }
          : null,
        device: {
          type,
          name: device.name || [device.browser, device.os].filter(Boolean).join(' on ') || type,
          os: device.os || null,
          browser: device.browser || null,
        },
        region: s.region && /^[A-Z]{2}$/.test(s.region) ? s.region : null,
        ip: truncateIp(r.ip),
        quality: s.quality,
        bitrate: bitrate !== null && Number.isFinite(bitrate) ? bitrate : null,
        position: Math.max(0, s.position ?? 0),
        state,
        started_at: iso(s.createdAt),
        last_heartbeat_at: iso(s.lastHeartbeatAt ?? s.createdAt),
        account_streams: perAccount.get(s.userId) ?? 1,
        account_stream_limit: key ? 0 : playbackEntitlements(r.accountPlan ?? s.plan).concurrentStreams,
      };
    });

    const count = <K>(items: AdminLiveSession[], keyOf: (s: AdminLiveSession) => K) => {
      const m = new Map<K, { first: AdminLiveSession; count: number }>();
      for (const s of items) {
        const k = keyOf(s);
        const e = m.get(k);
        if (e) e.count++;
        else m.set(k, { first: s, count: 1 });
      }
      return [...m].sort((a, b) => b[1].count - a[1].count);
    };
    const summary = {
      total: all.length,
      by_title: count(all, (s) => s.title.id).map(([, v]) => ({ title: v.first.title, count: v.count })),
      by_region: count(all, (s) => s.region).map(([region, v]) => ({ region, count: v.count })),
      by_device: count(all, (s) => s.device.type).map(([device_type, v]) => ({ device_type, count: v.count })),
      by_quality: count(all, (s) => s.quality).map(([quality, v]) => ({ quality, count: v.count })),
      generated_at: new Date().toISOString(),
    };
    const filtered = all.filter(
      (s) =>
        (!filter.title_id || s.title.id === filter.title_id) &&
        (!filter.region || s.region === filter.region) &&
        (!filter.device_type || s.device.type === filter.device_type) &&
        (!filter.quality || s.quality === filter.quality) &&
        (!filter.account_id || s.account.id === filter.account_id),
    );
    const limit = filter.limit ?? 50;
    const offset = Math.max(0, Number.parseInt(filter.cursor ?? '0', 10) || 0);
    const items = filtered.slice(offset, offset + limit);
    return {
      items,
      next_cursor: offset + limit < filtered.length ? String(offset + limit) : null,
      summary,
    };
  }

  async accounts(query: { over_limit?: boolean; cursor?: string; limit?: number }) {
    const rows = await this.#rows();
    const byAccount = new Map<string, { email: string; plan: string; ids: string[] }>();
    for (const r of rows) {
      if (r.s.userId.startsWith('partner:')) continue;
      const a = byAccount.get(r.s.userId) ?? {
        email: r.email ?? 'unknown@reel.invalid',
        plan: r.accountPlan ?? r.s.plan,
        ids: [],
      };
      a.ids.push(r.s.id);
      byAccount.set(r.s.userId, a);
    }
    let list: AdminAccountConcurrency[] = [...byAccount].map(([id, a]) => {
      const ent = playbackEntitlements(a.plan);
      return {
        account: { id, email: a.email },
        plan: { code: a.plan, name: ent.planName },
        active_streams: a.ids.length,
        limit: ent.concurrentStreams,
        over_limit: a.ids.length > ent.concurrentStreams,
        session_ids: a.ids,
      };
    });
    if (query.over_limit !== undefined) list = list.filter((a) => a.over_limit === query.over_limit);
    list.sort((a, b) => b.active_streams - a.active_streams || a.account.email.localeCompare(b.account.email));
    const limit = query.limit ?? 50;
    const offset = Math.max(0, Number.parseInt(query.cursor ?? '0', 10) || 0);
    return {
      items: list.slice(offset, offset + limit),
      next_cursor: offset + limit < list.length ? String(offset + limit) : null,
    };
  }

  /**
   * Stops a stream: the session ends as `terminated` (reason `terminated_by_staff`), its media
   * tokens stop working at once, and the player's next renewal is answered 410 with the message.
   */
  async terminate(
    id: string,
    input: { reason: string; message?: string },
    who: { principal: Principal; request: import('fastify').FastifyRequest },
  ): Promise<void> {
    const [row] = await this.app.db.select().from(playerSessions).where(eq(playerSessions.id, id));
    if (!row) throw notFound('That playback session');
    if (row.status !== 'active') return;
    const termination: Termination = {
      reason: input.reason,
      message: input.message?.trim() || null,
      by: who.principal.userId,
      at: new Date().toISOString(),
    };
    const updated = await this.app.db
      .update(playerSessions)
      .set({
        status: 'terminated',
        endReason: 'terminated_by_staff',
        endedAt: new Date(),
        stats: sql`${playerSessions.stats} || ${JSON.stringify({ termination })}::jsonb`,
      })
      .where(and(eq(playerSessions.id, id), eq(playerSessions.status, 'active')))
      .returning({ id: playerSessions.id });
    if (!updated.length) return;
    this.app.player.ended.add(id);
    await recordAdminAction(
      this.app,
      who,
      'session.terminate',
      { type: 'player_session', id, label: row.titleId },
      { status: 'active' },
      { status: 'terminated', reason: input.reason, message: termination.message },
    );
  }
}
