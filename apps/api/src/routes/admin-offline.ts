import {
  type AdminBundle,
  type AdminDownloadPolicy,
  type AdminDownloadRule,
  adminBundlesCreate,
  adminBundlesDelete,
  adminBundlesGet,
  adminBundlesList,
  adminBundlesUpdate,
  adminDownloadsCreate,
  adminDownloadsDelete,
  adminDownloadsList,
  adminDownloadsPolicies,
  adminDownloadsUpdate,
  adminDownloadsUpdatePolicy,
} from '@reel/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { episodes, mediaAssets, seasons, titles } from '../db/schema/index.js';
import { pageOf } from '../http/cursor.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { recordAdminAction } from '../services/admin/audit.js';
import { RecordStore } from '../services/admin/records.js';
import { knownPlans } from '../services/billing/plans.js';

const unprocessable = (message: string, fields: { field: string; message: string }[]) =>
  new HttpError(422, 'validation_failed', message, { fields });

type BundleDoc = Omit<AdminBundle, 'id'>;
type RuleDoc = Omit<AdminDownloadRule, 'id' | 'title'> & { title_id: string };
type PolicyDoc = Omit<AdminDownloadPolicy, 'plan_name' | 'max_downloads'>;

const sortBy = <T>(list: T[], key: (x: T) => string | number, dir: 1 | -1, id: (x: T) => string) =>
  list.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : 0) * dir || (id(a) < id(b) ? -1 : 1);
  });

export function registerAdminOfflineRoutes(app: FastifyInstance): void {
  const bundles = new RecordStore<BundleDoc>(app, 'bundle');
  const rules = new RecordStore<RuleDoc>(app, 'download_rule');
  const policies = new RecordStore<PolicyDoc>(app, 'download_policy');

  /** Resolves bundle contents: names, sizes; a season bundle without items takes the season's episodes. */
  const contents = async (
    kind: 'season' | 'collection',
    titleId: string | null,
    season: number | null,
    items: { title_id: string; episode_id?: string | null }[] | undefined,
  ): Promise<AdminBundle['items']> => {
    let wanted = items ?? [];
    if (kind === 'season' && !wanted.length && titleId !== null && season !== null) {
      const eps = await app.db
        .select({ id: episodes.id })
        .from(episodes)
        .where(and(eq(episodes.titleId, titleId), eq(episodes.seasonNumber, season)))
        .orderBy(asc(episodes.number));
      wanted = eps.map((e) => ({ title_id: titleId, episode_id: e.id }));
    }
    if (!wanted.length) return [];
    const titleIds = [...new Set(wanted.map((w) => w.title_id))];
    const epIds = wanted.map((w) => w.episode_id).filter((x): x is string => !!x);
    const [tRows, eRows, aRows] = await Promise.all([
      app.db.select({ id: titles.id, name: titles.name }).from(titles).where(inArray(titles.id, titleIds)),
      epIds.length
        ? app.db
            .select({ id: episodes.id, titleId: episodes.titleId, name: episodes.name })
            .from(episodes)
            .where(inArray(episodes.id, epIds))
        : [],
      app.db
        .select({ t: mediaAssets.titleId, e: mediaAssets.episodeId, size: mediaAssets.sizeBytes })
        .from(mediaAssets)
        .where(and(inArray(mediaAssets.titleId, titleIds), eq(mediaAssets.status, 'ready'))),
    ]);
    const fields: { field: string; message: string }[] = [];
    const out = wanted.map((w, i) => {
      const t = tRows.find((x) => x.id === w.title_id);
      if (!t) fields.push({ field: `items[${i}].title_id`, message: 'no such title' });
      const e = w.episode_id ? eRows.find((x) => x.id === w.episode_id && x.titleId === w.title_id) : null;
      if (w.episode_id && !e) fields.push({ field: `items[${i}].episode_id`, message: 'not an episode of that title' });
      const asset = aRows.find((a) => a.t === w.title_id && (a.e ?? null) === (w.episode_id ?? null));
      return {
        title_id: w.title_id,
        episode_id: w.episode_id ?? null,
        name: e ? `${t?.name ?? ''} · ${e.name}` : (t?.name ?? ''),
        size_bytes: asset?.size ?? null,
      };
    });
    if (fields.length) throw unprocessable('Some contents do not exist', fields);
    return out;
  };
  const sizeOf = (items: AdminBundle['items']) =>
    items.length && items.every((i) => i.size_bytes !== null)
      ? items.reduce((a, i) => a + (i.size_bytes ?? 0), 0)
      : null;

  const checkSeason = async (kind: string, titleId: string | null, season: number | null, except?: string) => {
    if (kind !== 'season') return;
    if (!titleId || season === null) {
      throw unprocessable('A season bundle names its series and season', [
        ...(!titleId ? [{ field: 'title_id', message: 'required for a season bundle' }] : []),
        ...(season === null ? [{ field: 'season_number', message: 'required for a season bundle' }] : []),
      ]);
    }
    const [s] = await app.db
      .select()
      .from(seasons)
      .where(and(eq(seasons.titleId, titleId), eq(seasons.number, season)));
    if (!s)
      throw unprocessable('No such season', [{ field: 'season_number', message: 'no such season of that series' }]);
    const other = (await bundles.all()).find(
      (b) => b.kind === 'season' && b.title_id === titleId && b.season_number === season && b.id !== except,
    );
    if (other) throw conflict(`That season already has the bundle "${other.name}"`);
  };
  const bundleOf = async (id: string): Promise<AdminBundle> => {
    const b = await bundles.get(id);
    if (!b) throw notFound('That bundle');
    return b;
  };

  handle(app, adminBundlesList, async ({ query }) => {
    let list = await bundles.all();
    if (query.kind) list = list.filter((b) => b.kind === query.kind);
    if (query.publish_state) list = list.filter((b) => b.publish_state === query.publish_state);
    if (query.title_id)
      list = list.filter((b) => b.title_id === query.title_id || b.items.some((i) => i.title_id === query.title_id));
    if (query.q) {
      const q = query.q.toLowerCase();
      list = list.filter((b) => b.name.toLowerCase().includes(q));
    }
    const sort = query.sort ?? 'updated_at';
    sortBy(
      list,
      (b) => (sort === 'name' ? b.name.toLowerCase() : b[sort]),
      (query.order ?? (sort === 'name' ? 'asc' : 'desc')) === 'asc' ? 1 : -1,
      (b) => b.id,
    );
    return pageOf(list, query.cursor, query.limit ?? 25, (b) => b.id);
  });

  handle(app, adminBundlesGet, async ({ params }) => bundleOf(params.id));

  handle(app, adminBundlesCreate, async ({ body, principal, request }) => {
    const titleId = body.title_id ?? null;
    const season = body.season_number ?? null;
    await checkSeason(body.kind, titleId, season);
    const items = await contents(body.kind, titleId, season, body.items);
    const now = new Date().toISOString();
    const doc: BundleDoc = {
      kind: body.kind,
      name: body.name,
      description: body.description ?? '',
      title_id: titleId,
      season_number: season,
      price: body.price ?? null,
      plan_ids: body.plan_ids ?? [],
      items,
      download_size_bytes: sizeOf(items),
      artwork: body.artwork ?? null,
      publish_state: body.publish_state ?? 'draft',
      created_at: now,
      updated_at: now,
    };
    const saved = await bundles.insert('bnd', doc);
    await recordAdminAction(
      app,
      { principal, request },
      'bundle.create',
      { type: 'bundle', id: saved.id, label: body.name },
      null,
      { ...saved },
    );
    return saved;
  });

  handle(app, adminBundlesUpdate, async ({ params, body, principal, request }) => {
    const before = await bundleOf(params.id);
    const kind = body.kind ?? before.kind;
    const titleId = body.title_id === undefined ? before.title_id : body.title_id;
    const season = body.season_number === undefined ? before.season_number : body.season_number;
    await checkSeason(kind, titleId, season, before.id);
    const items =
      body.items !== undefined || kind !== before.kind || titleId !== before.title_id || season !== before.season_number
        ? await contents(kind, titleId, season, body.items)
        : before.items;
    const { id: _id, ...rest } = before;
    const doc: BundleDoc = {
      ...rest,
      kind,
      name: body.name ?? before.name,
      description: body.description ?? before.description,
      title_id: titleId,
      season_number: season,
      price: body.price === undefined ? before.price : body.price,
      plan_ids: body.plan_ids ?? before.plan_ids,
      items,
      download_size_bytes: sizeOf(items),
      artwork: body.artwork === undefined ? before.artwork : body.artwork,
      publish_state: body.publish_state ?? before.publish_state,
      updated_at: new Date().toISOString(),
    };
    await bundles.update(before.id, doc);
    const after = { ...doc, id: before.id };
    await recordAdminAction(
      app,
      { principal, request },
      'bundle.update',
      { type: 'bundle', id: before.id, label: after.name },
      { ...before },
      { ...after },
    );
    return after;
  });

  handle(app, adminBundlesDelete, async ({ params, principal, request }) => {
    const before = await bundleOf(params.id);
    await bundles.remove(before.id);
    await recordAdminAction(
      app,
      { principal, request },
      'bundle.delete',
      { type: 'bundle', id: before.id, label: before.name },
      { ...before },
      null,
    );
  });

  // Download rules -----------------------------------------------------------------------------------
  const ruleView = async (list: (RuleDoc & { id: string })[]): Promise<AdminDownloadRule[]> => {
    const ids = [...new Set(list.map((r) => r.title_id))];
    const rows = ids.length
      ? await app.db
          .select({ id: titles.id, name: titles.name, type: titles.type })
          .from(titles)
          .where(inArray(titles.id, ids))
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return list
      .filter((r) => byId.has(r.title_id))
      .map(({ title_id, ...r }) => ({ ...r, title: byId.get(title_id) as AdminDownloadRule['title'] }));
  };
  const ruleOf = async (id: string) => {
    const r = await rules.get(id);
    const [view] = r ? await ruleView([r]) : [];
    if (!r || !view) throw notFound('That download rule');
    return { doc: r, view };
  };
  const checkRule = (body: { plan_ids?: string[]; valid_from?: string | null; valid_until?: string | null }) => {
    const known = new Set(knownPlans().map((p) => p.id));
    const fields: { field: string; message: string }[] = [];
    body.plan_ids?.forEach((p, i) => {
      if (!known.has(p)) fields.push({ field: `plan_ids[${i}]`, message: 'no such plan' });
    });
    if (body.valid_from && body.valid_until && body.valid_from >= body.valid_until) {
      fields.push({ field: 'valid_until', message: 'must be after valid_from' });
    }
    if (fields.length) throw unprocessable(fields[0]?.message ?? 'Not valid', fields);
  };

  handle(app, adminDownloadsList, async ({ query }) => {
    let list = await ruleView(await rules.all());
    if (query.title_id) list = list.filter((r) => r.title.id === query.title_id);
    if (query.allowed !== undefined) list = list.filter((r) => r.allowed === query.allowed);
    if (query.q) {
      const q = query.q.toLowerCase();
      list = list.filter((r) => r.title.name.toLowerCase().includes(q));
    }
    const sort = query.sort ?? 'title';
    sortBy(
      list,
      (r) => (sort === 'title' ? r.title.name.toLowerCase() : r.updated_at),
      (query.order ?? (sort === 'title' ? 'asc' : 'desc')) === 'asc' ? 1 : -1,
      (r) => r.id,
    );
    return pageOf(list, query.cursor, query.limit ?? 25, (r) => r.id);
  });

  handle(app, adminDownloadsCreate, async ({ body, principal, request }) => {
    const [t] = await app.db.select({ id: titles.id }).from(titles).where(eq(titles.id, body.title_id));
    if (!t) throw unprocessable('No such title', [{ field: 'title_id', message: 'no such title' }]);
    checkRule(body);
    if ((await rules.all()).some((r) => r.title_id === body.title_id))
      throw conflict('This title has a download rule: edit it');
    const now = new Date().toISOString();
    const saved = await rules.insert('dlr', {
      title_id: body.title_id,
      allowed: body.allowed,
      plan_ids: body.plan_ids ?? [],
      regions: body.regions ?? [],
      max_quality: body.max_quality ?? null,
      licence_days: body.licence_days ?? null,
      max_downloads_per_account: body.max_downloads_per_account ?? null,
      valid_from: body.valid_from ?? null,
      valid_until: body.valid_until ?? null,
      note: body.note ?? null,
      created_at: now,
      updated_at: now,
    });
    const { view } = await ruleOf(saved.id);
    await recordAdminAction(
      app,
      { principal, request },
      'download_rule.create',
      { type: 'download_rule', id: saved.id, label: view.title.name },
      null,
      { ...view },
    );
    return view;
  });

  handle(app, adminDownloadsUpdate, async ({ params, body, principal, request }) => {
    const { doc, view: before } = await ruleOf(params.id);
    const { id: _id, ...rest } = doc;
    const next: RuleDoc = { ...rest };
    for (const [k, v] of Object.entries(body)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    checkRule(next);
    next.updated_at = new Date().toISOString();
    await rules.update(doc.id, next);
    const { view } = await ruleOf(doc.id);
    await recordAdminAction(
      app,
      { principal, request },
      'download_rule.update',
      { type: 'download_rule', id: doc.id, label: view.title.name },
      { ...before },
      { ...view },
    );
    return view;
  });

  handle(app, adminDownloadsDelete, async ({ params, principal, request }) => {
    const { doc, view } = await ruleOf(params.id);
    await rules.remove(doc.id);
    await recordAdminAction(
      app,
      { principal, request },
      'download_rule.delete',
      { type: 'download_rule', id: doc.id, label: view.title.name },
      { ...view },
      null,
    );
  });

  // Plan policies ------------------------------------------------------------------------------------
  const policyOf = async (planId: string): Promise<AdminDownloadPolicy> => {
    const plan = knownPlans().find((p) => p.id === planId);
    if (!plan) throw notFound('That plan');
    const doc = await policies.byKey(planId);
    return {
      plan_id: plan.id,
      plan_name: plan.name,
      max_downloads: plan.downloads,
      max_devices: doc?.max_devices ?? (plan.downloads ? 2 : 0),
      max_quality: doc?.max_quality ?? plan.maxQuality,
      licence_days: doc?.licence_days ?? 30,
      playback_hours: doc?.playback_hours ?? 48,
      max_renewals: doc ? doc.max_renewals : 3,
      updated_at: doc?.updated_at ?? new Date(0).toISOString(),
    };
  };

  handle(app, adminDownloadsPolicies, async () => ({
    items: await Promise.all([...knownPlans()].sort((a, b) => a.order - b.order).map((p) => policyOf(p.id))),
  }));

  handle(app, adminDownloadsUpdatePolicy, async ({ params, body, principal, request }) => {
    const before = await policyOf(params.plan_id);
    const doc: PolicyDoc = { plan_id: params.plan_id, ...body, updated_at: new Date().toISOString() };
    const existing = await policies.byKey(params.plan_id);
    if (existing) await policies.update(existing.id, doc);
    else await policies.insert('dlp', doc, params.plan_id);
    const after = await policyOf(params.plan_id);
    await recordAdminAction(
      app,
      { principal, request },
      'download_policy.update',
      { type: 'plan', id: params.plan_id, label: after.plan_name },
      { ...before },
      { ...after },
    );
    return after;
  });
}
