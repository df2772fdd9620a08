import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AdminCostModel, AdminCostReport, AdminStorageItem } from '@reel/contracts';
import { and, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mediaAssets, mediaJobs, opsSettings, playerSessions, titles, users } from '../../db/schema/index.js';
import type { Principal } from '../../http/principal.js';
import { rangeOf } from './analytics.js';
import { recordAdminAction } from './audit.js';

// Cost analytics (§21, issue 17): storage from the media folder (per asset and rendition),
// delivered bytes from the player's sessions, transcode minutes from the job table, priced by a
// cost model kept in the database.

type Kind = AdminStorageItem['kind'];
type TitleRef = AdminStorageItem['title'];

const GB = 1024 ** 3;
const DAY = 86_400_000;
const MODEL_KEY = 'cost_model';

export type CostModelValue = Omit<AdminCostModel, 'updated_at' | 'updated_by'>;

/** Where a new install starts (typical object-storage and CDN list prices, in US cents). */
export const DEFAULT_COST_MODEL: CostModelValue = {
  currency: 'USD',
  storage_per_gb_month: 2.3,
  delivery_per_gb: 8.5,
  delivery_per_gb_by_region: [],
  transcode_per_minute: 1.5,
};

interface AssetStorage {
  assetId: string;
  titleId: string | null;
  episodeId: string | null;
  label: string;
  parts: { kind: Kind; bytes: number; renditions: { name: string; bytes: number }[] }[];
}

/** Bytes under a path (a file or a folder, recursively). */
function sizeOf(path: string): number {
  try {
    const s = statSync(path);
    if (!s.isDirectory()) return s.size;
    let n = 0;
    for (const e of readdirSync(path)) n += sizeOf(join(path, e));
    return n;
  } catch {
    return 0;
  }
}

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

/** The packaged output of one asset, by kind: `v/<rung>` renditions, `a/<lang>` audio, `s` subtitles, thumbs. */
function walkOutput(dir: string): AssetStorage['parts'] {
  const parts = new Map<Kind, { name: string; bytes: number }[]>();
  const add = (kind: Kind, name: string, bytes: number) => {
    if (!bytes) return;
    parts.set(kind, [...(parts.get(kind) ?? []), { name, bytes }]);
  };
  for (const entry of list(dir)) {
    const path = join(dir, entry);
    if (entry === 'v') for (const r of list(path)) add('rendition', r, sizeOf(join(path, r)));
    else if (entry === 'a') for (const r of list(path)) add('audio', r, sizeOf(join(path, r)));
    else if (entry === 's') for (const r of list(path)) add('subtitle', r, sizeOf(join(path, r)));
    else if (entry === 'thumbs') add('sprite', 'thumbnails', sizeOf(path));
    else if (/^poster\./.test(entry)) add('artwork', entry, sizeOf(path));
    else add('rendition', entry, sizeOf(path));
  }
  return [...parts].map(([kind, renditions]) => ({
    kind,
    bytes: renditions.reduce((n, r) => n + r.bytes, 0),
    renditions: renditions.sort((a, b) => b.bytes - a.bytes),
  }));
}

const money = (amount: number, currency: string) => ({ amount: Math.round(amount), currency });

export class Costs {
  #storage: { at: number; value: AssetStorage[] } | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async model(): Promise<AdminCostModel> {
    const [row] = await this.app.db.select().from(opsSettings).where(eq(opsSettings.key, MODEL_KEY));
    const value = { ...DEFAULT_COST_MODEL, ...((row?.value as Partial<CostModelValue> | undefined) ?? {}) };
    let updatedBy: AdminCostModel['updated_by'] = null;
    if (row?.updatedBy) {
      const [u] = await this.app.db
        .select({ id: users.id, email: users.email, name: users.displayName })
        .from(users)
        .where(eq(users.id, row.updatedBy));
      if (u) updatedBy = { id: u.id, email: u.email, display_name: u.name };
    }
    return { ...value, updated_at: row ? row.updatedAt.toISOString() : null, updated_by: updatedBy };
  }

  async setModel(
    input: CostModelValue,
    who: { principal: Principal; request: FastifyRequest },
  ): Promise<AdminCostModel> {
    const before = await this.model();
    const regions = new Map(input.delivery_per_gb_by_region.map((r) => [r.region, r.rate]));
    const value: CostModelValue = {
      currency: input.currency,
      storage_per_gb_month: input.storage_per_gb_month,
      delivery_per_gb: input.delivery_per_gb,
      delivery_per_gb_by_region: [...regions].map(([region, rate]) => ({ region, rate })),
      transcode_per_minute: input.transcode_per_minute,
    };
    const now = new Date();
    await this.app.db
      .insert(opsSettings)
      .values({ key: MODEL_KEY, value, updatedBy: who.principal.userId, updatedAt: now })
      .onConflictDoUpdate({ target: opsSettings.key, set: { value, updatedBy: who.principal.userId, updatedAt: now } });
    const { updated_at: _a, updated_by: _b, ...was } = before;
    await recordAdminAction(
      this.app,
      who,
      'cost_model.update',
      { type: 'cost_model', id: null, label: 'Cost model' },
      was,
      value,
    );
    return this.model();
  }

  /** Storage per asset, from the media folder (cached a minute: it walks the disk). */
  async storage(): Promise<AssetStorage[]> {
    if (this.#storage && Date.now() - this.#storage.at < 60_000) return this.#storage.value;
    const assets = await this.app.db
      .select({
        id: mediaAssets.id,
        titleId: mediaAssets.titleId,
        episodeId: mediaAssets.episodeId,
        filename: mediaAssets.filename,
        sourcePath: mediaAssets.sourcePath,
        demoKey: mediaAssets.demoKey,
      })
      .from(mediaAssets);
    const root = this.app.media.root;
    const value = assets.map((a) => {
      const parts = walkOutput(this.app.media.outDir(a.id));
      const source = a.sourcePath ? sizeOf(join(root, a.sourcePath)) : 0;
      if (source) parts.unshift({ kind: 'source', bytes: source, renditions: [{ name: a.filename, bytes: source }] });
      return { assetId: a.id, titleId: a.titleId, episodeId: a.episodeId, label: a.demoKey ?? a.filename, parts };
    });
    this.#storage = { at: Date.now(), value };
    return value;
  }

  /** Titles that play each asset (uploads name theirs; demo sources are bound to many). */
  async #titlesOf(assets: AssetStorage[]): Promise<Map<string, TitleRef>> {
    const ids = [...new Set(assets.map((a) => a.titleId).filter((x): x is string => !!x))];
    const rows = ids.length
      ? await this.app.db
          .select({ id: titles.id, name: titles.name, type: titles.type })
          .from(titles)
          .where(inArray(titles.id, ids))
      : [];
    return new Map(rows.map((t) => [t.id, t]));
  }

  async storageItems(q: {
    title_id?: string;
    kind?: Kind;
    sort?: 'bytes' | 'monthly_cost';
    cursor?: string;
    limit?: number;
  }) {
    const model = await this.model();
    const assets = await this.storage();
    const names = await this.#titlesOf(assets);
    let items: AdminStorageItem[] = [];
    for (const a of assets) {
      const title: TitleRef = (a.titleId && names.get(a.titleId)) || {
        id: a.titleId ?? a.assetId,
        name: a.titleId ? a.titleId : `Shared source ${a.label}`,
        type: 'film',
      };
      for (const p of a.parts) {
        items.push({
          asset_id: a.assetId,
          kind: p.kind,
          title,
          episode_id: a.episodeId,
          label: a.label,
          bytes: p.bytes,
          renditions: p.renditions,
          monthly_cost: money((p.bytes / GB) * model.storage_per_gb_month, model.currency),
        });
      }
    }
    if (q.title_id) items = items.filter((i) => i.title.id === q.title_id);
    if (q.kind) items = items.filter((i) => i.kind === q.kind);
    items.sort((a, b) => b.bytes - a.bytes || a.asset_id.localeCompare(b.asset_id));
    const limit = q.limit ?? 50;
    const offset = Math.max(0, Number.parseInt(q.cursor ?? '0', 10) || 0);
    return {
      items: items.slice(offset, offset + limit),
      next_cursor: offset + limit < items.length ? String(offset + limit) : null,
    };
  }

  /** Delivered bytes per session (the player's bitrate × time accumulators), in a window. */
  async #delivery(start: number, end: number) {
    const rows = await this.app.db
      .select({
        at: playerSessions.createdAt,
        region: playerSessions.region,
        titleId: playerSessions.titleId,
        stats: playerSessions.stats,
      })
      .from(playerSessions)
      .where(and(gte(playerSessions.createdAt, new Date(start)), lt(playerSessions.createdAt, new Date(end))))
      .limit(500_000);
    return rows.map((r) => ({
      at: r.at.getTime(),
      region: r.region && /^[A-Z]{2}$/.test(r.region) ? r.region : null,
      titleId: r.titleId,
      bytes: Math.round((Number((r.stats as { bitrateSum?: number } | null)?.bitrateSum) || 0) / 8),
    }));
  }

  /** Transcode minutes (of content transcoded) per finished job, in a window. */
  async #transcodes(start: number, end: number) {
    const rows = await this.app.db
      .select({ finishedAt: mediaJobs.finishedAt, startedAt: mediaJobs.startedAt, duration: mediaAssets.duration })
      .from(mediaJobs)
      .innerJoin(mediaAssets, eq(mediaAssets.id, mediaJobs.assetId))
      .where(
        and(
          eq(mediaJobs.kind, 'transcode'),
          eq(mediaJobs.state, 'succeeded'),
          isNotNull(mediaJobs.finishedAt),
          gte(mediaJobs.finishedAt, new Date(start)),
          lt(mediaJobs.finishedAt, new Date(end)),
        ),
      );
    return rows.map((r) => {
      const wall = r.startedAt && r.finishedAt ? (r.finishedAt.getTime() - r.startedAt.getTime()) / 1000 : 0;
      return { at: (r.finishedAt as Date).getTime(), minutes: (r.duration ?? wall) / 60 };
    });
  }

  async report(q: { from: string; to: string }): Promise<AdminCostReport> {
    const { start, end, days } = rangeOf(q.from, q.to);
    const model = await this.model();
    const cur = model.currency;
    const rateOf = new Map(model.delivery_per_gb_by_region.map((r) => [r.region, r.rate]));
    const deliveryCost = (bytes: number, region: string | null) =>
      (bytes / GB) * ((region ? rateOf.get(region) : undefined) ?? model.delivery_per_gb);

    const assets = await this.storage();
    const storageBytes = assets.reduce((n, a) => n + a.parts.reduce((m, p) => m + p.bytes, 0), 0);
    const byKind = new Map<Kind, number>();
    for (const a of assets) for (const p of a.parts) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + p.bytes);
    const storageMonthly = (storageBytes / GB) * model.storage_per_gb_month;
    // Storage is billed per GB-month: the range's share of a 30-day month.
    const storageCost = storageMonthly * (days / 30);

    const delivered = await this.#delivery(start, end);
    const transcodes = await this.#transcodes(start, end);
    const deliveredBytes = delivered.reduce((n, d) => n + d.bytes, 0);
    const deliveryTotal = delivered.reduce((n, d) => n + deliveryCost(d.bytes, d.region), 0);
    const minutes = transcodes.reduce((n, t) => n + t.minutes, 0);
    const transcodeCost = minutes * model.transcode_per_minute;

    const byRegion = new Map<string, number>();
    for (const d of delivered) if (d.region) byRegion.set(d.region, (byRegion.get(d.region) ?? 0) + d.bytes);

    const series = Array.from({ length: days }, (_, i) => {
      const s = start + i * DAY;
      const e = s + DAY;
      const dd = delivered.filter((d) => d.at >= s && d.at < e);
      const tt = transcodes.filter((t) => t.at >= s && t.at < e);
      const mins = tt.reduce((n, t) => n + t.minutes, 0);
      return {
        date: new Date(s).toISOString().slice(0, 10),
        storage_bytes: storageBytes,
        delivered_bytes: dd.reduce((n, d) => n + d.bytes, 0),
        transcode_minutes: Math.round(mins * 100) / 100,
        cost: money(
          storageMonthly / 30 +
            dd.reduce((n, d) => n + deliveryCost(d.bytes, d.region), 0) +
            mins * model.transcode_per_minute,
          cur,
        ),
      };
    });

    // Top titles: storage of their own assets, delivery of their plays.
    const perTitle = new Map<string, { storage: number; delivered: number; deliveryCost: number }>();
    for (const a of assets) {
      if (!a.titleId) continue;
      const e = perTitle.get(a.titleId) ?? { storage: 0, delivered: 0, deliveryCost: 0 };
      e.storage += a.parts.reduce((n, p) => n + p.bytes, 0);
      perTitle.set(a.titleId, e);
    }
    for (const d of delivered) {
      const e = perTitle.get(d.titleId) ?? { storage: 0, delivered: 0, deliveryCost: 0 };
      e.delivered += d.bytes;
      e.deliveryCost += deliveryCost(d.bytes, d.region);
      perTitle.set(d.titleId, e);
    }
    const ranked = [...perTitle]
      .map(([id, e]) => ({
        id,
        ...e,
        cost: (e.storage / GB) * model.storage_per_gb_month * (days / 30) + e.deliveryCost,
      }))
      .sort((a, b) => b.cost - a.cost || b.storage - a.storage)
      .slice(0, 10);
    const names = new Map(
      ranked.length
        ? (
            await this.app.db
              .select({ id: titles.id, name: titles.name, type: titles.type })
              .from(titles)
              .where(
                inArray(
                  titles.id,
                  ranked.map((r) => r.id),
                ),
              )
          ).map((t) => [t.id, t])
        : [],
    );

    // Projection: this calendar month, from its days so far (at least one).
    const now = new Date();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const monthDays = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
    const basis = Math.max(1, Math.ceil((now.getTime() - monthStart) / DAY));
    const monthDelivered = await this.#delivery(monthStart, now.getTime() + 1);
    const monthTranscodes = await this.#transcodes(monthStart, now.getTime() + 1);
    const scale = monthDays / basis;
    const pDelivery = monthDelivered.reduce((n, d) => n + deliveryCost(d.bytes, d.region), 0) * scale;
    const pTranscode = monthTranscodes.reduce((n, t) => n + t.minutes, 0) * model.transcode_per_minute * scale;
    const pStorage = storageMonthly * (monthDays / 30);

    return {
      from: q.from,
      to: q.to,
      currency: cur,
      totals: {
        storage_bytes: storageBytes,
        storage_cost: money(storageCost, cur),
        delivered_bytes: deliveredBytes,
        delivery_cost: money(deliveryTotal, cur),
        transcode_minutes: Math.round(minutes * 100) / 100,
        transcode_cost: money(transcodeCost, cur),
        total: money(storageCost + deliveryTotal + transcodeCost, cur),
      },
      storage_by_kind: [...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([kind, bytes]) => ({
          kind,
          bytes,
          cost: money((bytes / GB) * model.storage_per_gb_month * (days / 30), cur),
        })),
      delivery_by_region: [...byRegion]
        .sort((a, b) => b[1] - a[1])
        .map(([region, bytes]) => ({ region, bytes, cost: money(deliveryCost(bytes, region), cur) })),
      series,
      top_titles: ranked.map((r) => ({
        title: names.get(r.id) ?? { id: r.id, name: r.id, type: 'film' as const },
        storage_bytes: r.storage,
        delivered_bytes: r.delivered,
        cost: money(r.cost, cur),
      })),
      projection: {
        month: new Date(monthStart).toISOString().slice(0, 7),
        storage: money(pStorage, cur),
        delivery: money(pDelivery, cur),
        transcode: money(pTranscode, cur),
        total: money(pStorage + pDelivery + pTranscode, cur),
        basis_days: basis,
      },
      generated_at: new Date().toISOString(),
    };
  }
}
