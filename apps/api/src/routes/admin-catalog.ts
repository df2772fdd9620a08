import {
  type AdminEpisode,
  type AdminSeason,
  type AdminTitle,
  adminDashboardGet,
  adminGenresCreate,
  adminGenresDelete,
  adminGenresList,
  adminGenresUpdate,
  adminSeriesCreateEpisode,
  adminSeriesCreateSeason,
  adminSeriesDeleteEpisode,
  adminSeriesDeleteSeason,
  adminSeriesEpisodes,
  adminSeriesReorderEpisodes,
  adminSeriesSeasons,
  adminSeriesUpdateEpisode,
  adminSeriesUpdateSeason,
  adminTitlesBulk,
  adminTitlesCreate,
  adminTitlesDelete,
  adminTitlesExport,
  adminTitlesGet,
  adminTitlesList,
  adminTitlesPublish,
  adminTitlesUpdate,
  type Genre,
  Permission,
} from '@reel/contracts';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  adminRecords,
  adminTitleMeta,
  availability,
  certifications,
  episodes,
  genres,
  markers,
  mediaAssets,
  mediaBindings,
  ratingMeanings,
  seasons,
  titleGenres,
  titles,
  userRoles,
} from '../db/schema/index.js';
import { pageOf } from '../http/cursor.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { handle } from '../http/route.js';
import { newId } from '../ids.js';
import { recentAdminActions, recordAdminAction } from '../services/admin/audit.js';
import { adminTitles, auditFields, rowOf, slugify, titleColumns } from '../services/admin/titles.js';

type Who = { principal: Principal; request: FastifyRequest };
const unprocessable = (message: string, fields: { field: string; message: string }[]) =>
  new HttpError(422, 'validation_failed', message, { fields });

/** A record of the small editorial documents (season / episode publish state …). */
async function recordOf<T>(app: FastifyInstance, kind: string, key: string): Promise<T | null> {
  const [row] = await app.db
    .select({ data: adminRecords.data })
    .from(adminRecords)
    .where(and(eq(adminRecords.kind, kind), eq(adminRecords.key, key)));
  return (row?.data as T | undefined) ?? null;
}
async function putRecord(app: FastifyInstance, kind: string, key: string, data: unknown): Promise<void> {
  const now = new Date();
  await app.db
    .insert(adminRecords)
    .values({ id: newId('rec'), kind, key, data, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [adminRecords.kind, adminRecords.key], set: { data, updatedAt: now } });
}
async function recordsOf<T>(app: FastifyInstance, kind: string): Promise<Map<string, T>> {
  const rows = await app.db
    .select({ key: adminRecords.key, data: adminRecords.data })
    .from(adminRecords)
    .where(eq(adminRecords.kind, kind));
  return new Map(rows.map((r) => [r.key ?? '', r.data as T]));
}

async function titleById(app: FastifyInstance, id: string): Promise<AdminTitle> {
  const [t] = await adminTitles(app, [id]);
  if (!t) throw notFound('That title');
  return t;
}

/** Checks slugs of genres / certifications exist, naming the fields that do not. */
async function checkTerms(
  app: FastifyInstance,
  input: { genres?: string[]; certifications?: { region: string; rating: string }[] },
): Promise<void> {
  const fields: { field: string; message: string }[] = [];
  if (input.genres?.length) {
    const known = new Set(
      (await app.db.select({ slug: genres.slug }).from(genres).where(inArray(genres.slug, input.genres))).map(
        (g) => g.slug,
      ),
    );
    input.genres.forEach((g, i) => {
      if (!known.has(g)) fields.push({ field: `genres[${i}]`, message: `no genre "${g}"` });
    });
  }
  if (input.certifications?.length) {
    const all = await app.db.select().from(ratingMeanings);
    input.certifications.forEach((c, i) => {
      if (!all.some((r) => r.region === c.region && r.rating === c.rating)) {
        fields.push({ field: `certifications[${i}].rating`, message: `${c.rating} is not a rating in ${c.region}` });
      }
    });
  }
  if (fields.length) throw unprocessable(fields[0]?.message ?? 'Unknown terms', fields);
}

/** Writes the related rows of a title input: genres, certifications, availability. */
async function writeRelations(
  app: FastifyInstance,
  titleId: string,
  input: {
    genres?: string[];
    certifications?: { region: string; rating: string }[];
    availability?: { region: string; available_from: string | null; available_until: string | null }[];
  },
): Promise<void> {
  if (input.genres) {
    await app.db.delete(titleGenres).where(eq(titleGenres.titleId, titleId));
    if (input.genres.length) {
      await app.db
        .insert(titleGenres)
        .values([...new Set(input.genres)].map((genre, position) => ({ titleId, genre, position })));
    }
  }
  if (input.certifications) {
    await app.db.delete(certifications).where(eq(certifications.titleId, titleId));
    const systems = await app.db.select().from(ratingMeanings);
    const byRegion = new Map(input.certifications.map((c) => [c.region, c]));
    if (byRegion.size) {
      await app.db.insert(certifications).values(
        [...byRegion.values()].map((c) => ({
          titleId,
          region: c.region,
          rating: c.rating,
          system: systems.find((s) => s.region === c.region && s.rating === c.rating)?.system ?? '',
        })),
      );
    }
  }
  if (input.availability) {
    await app.db.delete(availability).where(eq(availability.titleId, titleId));
    const byRegion = new Map(input.availability.map((a) => [a.region, a]));
    if (byRegion.size) {
      await app.db.insert(availability).values(
        [...byRegion.values()].map((a) => ({
          titleId,
          region: a.region,
          availableFrom: a.available_from ? new Date(a.available_from) : null,
          availableUntil: a.available_until ? new Date(a.available_until) : null,
        })),
      );
    }
  }
}

function checkWindows(list: { region: string; available_from: string | null; available_until: string | null }[]) {
  const fields: { field: string; message: string }[] = [];
  list.forEach((a, i) => {
    if (a.available_from && a.available_until && a.available_from >= a.available_until) {
      fields.push({ field: `availability[${i}].available_until`, message: 'must be after available_from' });
    }
  });
  if (fields.length) throw unprocessable('An availability window ends before it starts', fields);
}

async function uniqueSlug(app: FastifyInstance, base: string, except?: string): Promise<string> {
  let slug = base;
  for (let n = 2; ; n++) {
    const [hit] = await app.db
      .select({ id: adminTitleMeta.titleId })
      .from(adminTitleMeta)
      .where(eq(adminTitleMeta.slug, slug));
    if (!hit || hit.id === except) return slug;
    slug = `${base}-${n}`;
  }
}

/** What stops a title from being published: the reasons the 422 lists. */
async function publishProblems(app: FastifyInstance, t: AdminTitle): Promise<{ field: string; message: string }[]> {
  const problems: { field: string; message: string }[] = [];
  if (!t.synopsis.trim()) problems.push({ field: 'synopsis', message: 'a synopsis is needed' });
  if (!t.genres.length) problems.push({ field: 'genres', message: 'at least one genre' });
  if (!t.availability.length)
    problems.push({ field: 'availability', message: 'no availability window: it would play nowhere' });
  if (t.type === 'film') {
    const asset = await app.media.boundAsset(t.id, null);
    if (asset?.status !== 'ready') {
      problems.push({ field: 'source', message: 'the video source is not uploaded and processed yet' });
    }
  } else {
    const [{ n } = { n: 0 }] = await app.db.select({ n: count() }).from(episodes).where(eq(episodes.titleId, t.id));
    if (!n) problems.push({ field: 'episodes', message: 'a series needs at least one episode' });
  }
  return problems;
}

async function setPublishState(
  app: FastifyInstance,
  who: Who,
  t: AdminTitle,
  state: 'draft' | 'scheduled' | 'published',
  publishAt?: string,
): Promise<AdminTitle> {
  if (state === 'scheduled' && !publishAt) {
    throw unprocessable('A scheduled title needs publish_at', [
      { field: 'publish_at', message: 'required to schedule' },
    ]);
  }
  if (state !== 'draft') {
    const problems = await publishProblems(app, t);
    if (problems.length)
      throw new HttpError(422, 'not_ready', `Not ready to publish: ${problems.map((p) => p.message).join('; ')}`, {
        fields: problems,
      });
  }
  const now = new Date();
  await app.db
    .update(titles)
    .set({
      publishState: state,
      publishAt: state === 'scheduled' ? new Date(publishAt as string) : null,
      updatedAt: now,
    })
    .where(eq(titles.id, t.id));
  await app.db
    .update(adminTitleMeta)
    .set({
      version: sql`${adminTitleMeta.version} + 1`,
      updatedBy: who.principal.userId,
      updatedAt: now,
      ...(state === 'published' ? { publishedAt: now } : {}),
    })
    .where(eq(adminTitleMeta.titleId, t.id));
  app.catalog.invalidate();
  const after = await titleById(app, t.id);
  await recordAdminAction(
    app,
    who,
    `title.${state === 'draft' ? 'unpublish' : state === 'scheduled' ? 'schedule' : 'publish'}`,
    { type: 'title', id: t.id, label: t.name },
    auditFields(t),
    auditFields(after),
  );
  return after;
}

/** Makes sure every title has its editorial row (seeded titles get one, with a slug, on first admin touch). */
async function ensureMeta(app: FastifyInstance): Promise<void> {
  const missing = await app.db
    .select({ id: titles.id, name: titles.name, addedAt: titles.addedAt, updatedAt: titles.updatedAt })
    .from(titles)
    .where(sql`NOT EXISTS (SELECT 1 FROM admin_title_meta m WHERE m.title_id = ${titles.id})`);
  if (!missing.length) return;
  const taken = new Set((await app.db.select({ s: adminTitleMeta.slug }).from(adminTitleMeta)).map((r) => r.s));
  const rows = missing.map((t) => {
    const base = slugify(t.name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return { titleId: t.id, slug, version: 1, createdAt: t.addedAt, updatedAt: t.updatedAt };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await app.db
      .insert(adminTitleMeta)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

const CSV_COLUMNS = [
  'id',
  'name',
  'type',
  'year',
  'publish_state',
  'publish_at',
  'source_status',
  'genres',
  'certification',
  'maturity_level',
  'episode_count',
  'updated_at',
] as const;
function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  // Formula injection: a cell starting with = + - @ is quoted and prefixed.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// ---------------------------------------------------------------------------------------------

export function registerAdminCatalogRoutes(app: FastifyInstance): void {
  // Dashboard ------------------------------------------------------------------------------------
  handle(app, adminDashboardGet, async ({ principal }) => {
    const can = (p: Permission) => principal.permissions.has(p);
    let titleCounts = null;
    let episodeCount = null;
    if (can(Permission.catalogManage)) {
      const rows = await app.db
        .select({ s: titles.publishState, n: count() })
        .from(titles)
        .groupBy(titles.publishState);
      const by = Object.fromEntries(rows.map((r) => [r.s, Number(r.n)])) as Record<string, number>;
      titleCounts = {
        total: rows.reduce((a, r) => a + Number(r.n), 0),
        draft: by.draft ?? 0,
        scheduled: by.scheduled ?? 0,
        published: by.published ?? 0,
      };
      const [e] = await app.db.select({ n: count() }).from(episodes);
      episodeCount = Number(e?.n ?? 0);
    }
    let assets = null;
    let jobs = null;
    if (can(Permission.assetsManage)) {
      const rows = await app.db
        .select({ s: mediaAssets.status, n: count() })
        .from(mediaAssets)
        .groupBy(mediaAssets.status);
      const by = Object.fromEntries(rows.map((r) => [r.s, Number(r.n)])) as Record<string, number>;
      assets = {
        uploading: (by.uploading ?? 0) + (by.awaiting_upload ?? 0),
        processing: by.processing ?? 0,
        failed: by.failed ?? 0,
        ready: by.ready ?? 0,
      };
      const active = await app.db
        .select({ id: mediaAssets.id })
        .from(mediaAssets)
        .where(inArray(mediaAssets.status, ['processing', 'failed']));
      const latest = await app.media.queue.latest(active.map((a) => a.id).slice(0, 50));
      jobs = [...latest.values()].slice(0, 10).map((job) => ({
        id: job.id,
        kind: job.kind,
        state: job.state,
        stage: job.stage,
        progress: Math.max(0, Math.min(1, job.progress)),
        eta_seconds: job.etaSeconds === null ? null : Math.max(0, job.etaSeconds),
        attempts: job.attempts,
        error: job.error ?? null,
        label: job.label,
        created_at: job.createdAt.toISOString(),
        started_at: job.startedAt?.toISOString() ?? null,
        finished_at: job.finishedAt?.toISOString() ?? null,
      }));
    }
    let staff = null;
    if (can(Permission.staffManage)) {
      const [s] = await app.db.select({ n: sql<number>`count(distinct ${userRoles.userId})` }).from(userRoles);
      staff = { active: Number(s?.n ?? 0), invited: 0 };
    }
    const content = can(Permission.catalogManage) || can(Permission.assetsManage) || can(Permission.auditView);
    return {
      counts: {
        titles: titleCounts,
        episodes: episodeCount,
        assets,
        open_reports: null,
        live_streams: null,
        staff,
        subscriptions: null,
        api_keys: null,
      },
      jobs,
      recent_activity: content ? await recentAdminActions(app, 12) : [],
      generated_at: new Date().toISOString(),
    };
  });

  // Titles ---------------------------------------------------------------------------------------
  const filtered = async (query: {
    q?: string;
    type?: string;
    publish_state?: string;
    genre?: string;
    region?: string;
    source_status?: string;
    sort?: string;
    order?: 'asc' | 'desc';
  }) => {
    await ensureMeta(app);
    let list = await adminTitles(app);
    if (query.type) list = list.filter((t) => t.type === query.type);
    if (query.publish_state) list = list.filter((t) => t.publish_state === query.publish_state);
    if (query.genre) list = list.filter((t) => t.genres.some((g) => g.slug === query.genre));
    if (query.source_status) list = list.filter((t) => t.source_status === query.source_status);
    if (query.region) {
      const now = new Date().toISOString();
      list = list.filter((t) =>
        t.availability.some(
          (a) =>
            a.region === query.region &&
            (!a.available_from || a.available_from <= now) &&
            (!a.available_until || a.available_until > now),
        ),
      );
    }
    if (query.q) {
      const q = query.q.toLowerCase();
      list = list.filter((t) => t.name.toLowerCase().includes(q) || t.slug.includes(q) || t.id === query.q);
    }
    const sort = query.sort ?? 'updated_at';
    const dir = (query.order ?? (sort === 'name' ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
    const key = (t: AdminTitle): string | number =>
      sort === 'name'
        ? t.name.toLowerCase()
        : sort === 'year'
          ? (t.year ?? 0)
          : sort === 'created_at'
            ? t.created_at
            : sort === 'popularity'
              ? -t.review_count
              : t.updated_at;
    list.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || (a.id < b.id ? -1 : 1);
    });
    return list;
  };

  handle(app, adminTitlesList, async ({ query }) => {
    const list = await filtered(query);
    const page = pageOf(list, query.cursor, query.limit ?? 25, (t) => t.id);
    return { items: page.items.map(rowOf), next_cursor: page.next_cursor };
  });

  handle(app, adminTitlesExport, async ({ query, reply }) => {
    const list = (await filtered(query)).map(rowOf);
    const wanted = query.columns
      ? CSV_COLUMNS.filter((c) =>
          query.columns
            ?.split(',')
            .map((s) => s.trim())
            .includes(c),
        )
      : [...CSV_COLUMNS];
    const cols = wanted.length ? wanted : [...CSV_COLUMNS];
    const lines = [cols.join(',')];
    for (const t of list) {
      lines.push(
        cols
          .map((c) => csvCell(c === 'genres' ? t.genres.map((g) => g.slug) : (t as Record<string, unknown>)[c]))
          .join(','),
      );
    }
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="titles.csv"');
    return `${lines.join('\r\n')}\r\n`;
  });

  handle(app, adminTitlesGet, async ({ params }) => {
    await ensureMeta(app);
    return titleById(app, params.id);
  });

  handle(app, adminTitlesCreate, async ({ body, principal, request }) => {
    await checkTerms(app, body);
    if (body.availability) checkWindows(body.availability);
    const id = newId('ttl');
    const base = body.slug ?? slugify(body.name);
    if (body.slug) {
      const [taken] = await app.db.select().from(adminTitleMeta).where(eq(adminTitleMeta.slug, body.slug));
      if (taken) throw conflict('That slug is taken', [{ field: 'slug', message: 'taken by another title' }]);
    }
    const slug = await uniqueSlug(app, base);
    const now = new Date();
    await app.db.insert(titles).values({
      id,
      type: body.type,
      name: body.name,
      synopsis: body.synopsis,
      ...titleColumns(body),
      publishState: 'draft',
      artworkSeed: Math.floor(Math.random() * 1_000_000),
      addedAt: now,
      updatedAt: now,
      searchDocument: `${body.name} ${body.synopsis}`,
    });
    await app.db
      .insert(adminTitleMeta)
      .values({ titleId: id, slug, version: 1, updatedBy: principal.userId, createdAt: now, updatedAt: now });
    await writeRelations(app, id, body);
    const after = await titleById(app, id);
    await recordAdminAction(
      app,
      { principal, request },
      'title.create',
      { type: 'title', id, label: body.name },
      null,
      auditFields(after),
    );
    return after;
  });

  handle(app, adminTitlesUpdate, async ({ params, body, principal, request }) => {
    await ensureMeta(app);
    const before = await titleById(app, params.id);
    if (body.version !== undefined && body.version !== before.version) {
      throw conflict(`Someone else saved this title (version ${before.version}); reload to see their changes`);
    }
    await checkTerms(app, body);
    if (body.availability) checkWindows(body.availability);
    let slug: string | undefined;
    if (body.slug && body.slug !== before.slug) {
      const [taken] = await app.db.select().from(adminTitleMeta).where(eq(adminTitleMeta.slug, body.slug));
      if (taken) throw conflict('That slug is taken', [{ field: 'slug', message: 'taken by another title' }]);
      slug = body.slug;
    }
    const now = new Date();
    const cols = titleColumns(body);
    await app.db
      .update(titles)
      .set({ ...cols, updatedAt: now })
      .where(eq(titles.id, params.id));
    await app.db
      .update(adminTitleMeta)
      .set({
        version: sql`${adminTitleMeta.version} + 1`,
        updatedBy: principal.userId,
        updatedAt: now,
        ...(slug ? { slug } : {}),
      })
      .where(eq(adminTitleMeta.titleId, params.id));
    await writeRelations(app, params.id, body);
    app.catalog.invalidate();
    const after = await titleById(app, params.id);
    await recordAdminAction(
      app,
      { principal, request },
      'title.update',
      { type: 'title', id: params.id, label: after.name },
      auditFields(before),
      auditFields(after),
    );
    return after;
  });

  handle(app, adminTitlesPublish, async ({ params, body, principal, request }) => {
    await ensureMeta(app);
    const t = await titleById(app, params.id);
    return setPublishState(app, { principal, request }, t, body.state, body.publish_at);
  });

  const deleteTitle = async (who: Who, id: string) => {
    const t = await titleById(app, id);
    const bundles = await recordsOf<{ items?: { title_id: string }[]; title_id?: string | null; name: string }>(
      app,
      'bundle',
    );
    const holder = [...bundles.values()].find((b) => b.title_id === id || b.items?.some((i) => i.title_id === id));
    if (holder) throw conflict(`The bundle "${holder.name}" includes this title: remove it from the bundle first`);
    const assets = await app.db.select().from(mediaAssets).where(eq(mediaAssets.titleId, id));
    for (const a of assets) app.media.removeFiles(a);
    await app.db.delete(mediaBindings).where(eq(mediaBindings.titleId, id));
    await app.db.delete(titles).where(eq(titles.id, id));
    await app.db.delete(adminTitleMeta).where(eq(adminTitleMeta.titleId, id));
    app.catalog.invalidate();
    await recordAdminAction(app, who, 'title.delete', { type: 'title', id, label: t.name }, auditFields(t), null);
  };

  handle(app, adminTitlesDelete, async ({ params, principal, request }) => {
    await deleteTitle({ principal, request }, params.id);
  });

  handle(app, adminTitlesBulk, async ({ body, principal, request }) => {
    await ensureMeta(app);
    const results = [];
    for (const id of [...new Set(body.ids)]) {
      try {
        if (body.action === 'delete') await deleteTitle({ principal, request }, id);
        else
          await setPublishState(
            app,
            { principal, request },
            await titleById(app, id),
            body.action === 'publish' ? 'published' : 'draft',
          );
        results.push({ id, ok: true, error: null });
      } catch (error) {
        const e = error as HttpError;
        results.push({ id, ok: false, error: { code: e.code ?? 'failed', message: e.message } });
      }
    }
    return { results };
  });

  // Series: seasons and episodes -----------------------------------------------------------------
  type SeasonDoc = {
    synopsis: string;
    publish_state: AdminSeason['publish_state'];
    created_at: string;
    updated_at: string;
  };
  type EpisodeDoc = {
    publish_state: AdminEpisode['publish_state'];
    publish_at: string | null;
    created_at: string;
    updated_at: string;
  };

  const seriesOf = async (id: string) => {
    const [t] = await app.db
      .select({ id: titles.id, type: titles.type, name: titles.name })
      .from(titles)
      .where(eq(titles.id, id));
    if (!t || t.type === 'film') throw notFound('That series');
    return t;
  };
  const seasonView = async (titleId: string, s: typeof seasons.$inferSelect): Promise<AdminSeason> => {
    const doc = await recordOf<SeasonDoc>(app, 'season', `${titleId}:${s.number}`);
    const [{ n } = { n: 0 }] = await app.db
      .select({ n: count() })
      .from(episodes)
      .where(and(eq(episodes.titleId, titleId), eq(episodes.seasonNumber, s.number)));
    const epoch = new Date(0).toISOString();
    return {
      id: `${titleId}.s${s.number}`,
      title_id: titleId,
      number: s.number,
      name: s.name,
      year: s.year,
      episode_count: Number(n),
      bundle_id: s.bundleId,
      synopsis: doc?.synopsis ?? '',
      publish_state: doc?.publish_state ?? 'published',
      created_at: doc?.created_at ?? epoch,
      updated_at: doc?.updated_at ?? epoch,
    };
  };
  const seasonRow = async (titleId: string, number: number) => {
    const [s] = await app.db
      .select()
      .from(seasons)
      .where(and(eq(seasons.titleId, titleId), eq(seasons.number, number)));
    if (!s) throw notFound('That season');
    return s;
  };
  const episodeViews = async (rows: (typeof episodes.$inferSelect)[]): Promise<AdminEpisode[]> => {
    if (!rows.length) return [];
    const ids = rows.map((e) => e.id);
    const [docs, marks, assets] = await Promise.all([
      recordsOf<EpisodeDoc>(app, 'episode'),
      app.db.select({ e: markers.episodeId, k: markers.kind }).from(markers).where(inArray(markers.episodeId, ids)),
      app.db
        .select({ e: mediaAssets.episodeId, id: mediaAssets.id, s: mediaAssets.status })
        .from(mediaAssets)
        .where(inArray(mediaAssets.episodeId, ids)),
    ]);
    const epoch = new Date(0).toISOString();
    return rows.map((e) => {
      const doc = docs.get(e.id);
      const mine = assets.filter((a) => a.e === e.id);
      const best = mine.find((a) => a.s === 'ready') ?? mine[0];
      const status = !best
        ? 'none'
        : best.s === 'ready'
          ? 'ready'
          : best.s === 'failed'
            ? 'failed'
            : best.s === 'processing'
              ? 'processing'
              : 'uploading';
      return {
        id: e.id,
        title_id: e.titleId,
        season_number: e.seasonNumber,
        number: e.number,
        name: e.name,
        synopsis: e.synopsis,
        runtime_seconds: e.runtimeSeconds,
        still: `/media/artwork/episodes/${encodeURIComponent(e.id)}/still.svg?v=${e.artworkSeed}`,
        air_date: e.airDate,
        filler: e.filler,
        arc_id: e.arcId,
        markers: [...new Set(marks.filter((m) => m.e === e.id).map((m) => m.k))],
        publish_state: doc?.publish_state ?? 'published',
        publish_at: doc?.publish_at ?? null,
        source_status: status,
        video_asset_id: best?.id ?? null,
        created_at: doc?.created_at ?? epoch,
        updated_at: doc?.updated_at ?? epoch,
      };
    });
  };
  const seasonEpisodes = async (titleId: string, number: number) =>
    episodeViews(
      await app.db
        .select()
        .from(episodes)
        .where(and(eq(episodes.titleId, titleId), eq(episodes.seasonNumber, number)))
        .orderBy(asc(episodes.number)),
    );

  handle(app, adminSeriesSeasons, async ({ params }) => {
    await seriesOf(params.id);
    const rows = await app.db.select().from(seasons).where(eq(seasons.titleId, params.id)).orderBy(asc(seasons.number));
    return { items: await Promise.all(rows.map((s) => seasonView(params.id, s))) };
  });

  handle(app, adminSeriesCreateSeason, async ({ params, body, principal, request }) => {
    const t = await seriesOf(params.id);
    const [taken] = await app.db
      .select()
      .from(seasons)
      .where(and(eq(seasons.titleId, t.id), eq(seasons.number, body.number)));
    if (taken) throw conflict(`Season ${body.number} exists`, [{ field: 'number', message: 'taken' }]);
    await app.db
      .insert(seasons)
      .values({ titleId: t.id, number: body.number, name: body.name, year: body.year ?? null });
    const now = new Date().toISOString();
    await putRecord(app, 'season', `${t.id}:${body.number}`, {
      synopsis: body.synopsis ?? '',
      publish_state: body.publish_state ?? 'draft',
      created_at: now,
      updated_at: now,
    });
    app.catalog.invalidate();
    const view = await seasonView(t.id, await seasonRow(t.id, body.number));
    await recordAdminAction(
      app,
      { principal, request },
      'season.create',
      { type: 'season', id: view.id, label: `${t.name} · ${body.name}` },
      null,
      { ...view },
    );
    return view;
  });

  handle(app, adminSeriesUpdateSeason, async ({ params, body, principal, request }) => {
    const t = await seriesOf(params.id);
    const row = await seasonRow(t.id, params.season_number);
    const before = await seasonView(t.id, row);
    const number = body.number ?? row.number;
    if (number !== row.number) {
      const [taken] = await app.db
        .select()
        .from(seasons)
        .where(and(eq(seasons.titleId, t.id), eq(seasons.number, number)));
      if (taken) throw conflict(`Season ${number} exists`, [{ field: 'number', message: 'taken' }]);
    }
    await app.db.transaction(async (tx) => {
      await tx
        .update(seasons)
        .set({ number, name: body.name ?? row.name, year: body.year === undefined ? row.year : body.year })
        .where(and(eq(seasons.titleId, t.id), eq(seasons.number, row.number)));
      if (number !== row.number) {
        await tx
          .update(episodes)
          .set({ seasonNumber: number })
          .where(and(eq(episodes.titleId, t.id), eq(episodes.seasonNumber, row.number)));
      }
    });
    const old = await recordOf<SeasonDoc>(app, 'season', `${t.id}:${row.number}`);
    const now = new Date().toISOString();
    await putRecord(app, 'season', `${t.id}:${number}`, {
      synopsis: body.synopsis ?? old?.synopsis ?? '',
      publish_state: body.publish_state ?? old?.publish_state ?? 'published',
      created_at: old?.created_at ?? now,
      updated_at: now,
    });
    if (number !== row.number)
      await app.db
        .delete(adminRecords)
        .where(and(eq(adminRecords.kind, 'season'), eq(adminRecords.key, `${t.id}:${row.number}`)));
    app.catalog.invalidate();
    const after = await seasonView(t.id, await seasonRow(t.id, number));
    await recordAdminAction(
      app,
      { principal, request },
      'season.update',
      { type: 'season', id: after.id, label: after.name },
      { ...before },
      { ...after },
    );
    return after;
  });

  handle(app, adminSeriesDeleteSeason, async ({ params, query, principal, request }) => {
    const t = await seriesOf(params.id);
    const row = await seasonRow(t.id, params.season_number);
    const eps = await app.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(and(eq(episodes.titleId, t.id), eq(episodes.seasonNumber, row.number)));
    if (eps.length && !query.with_episodes)
      throw conflict(`Season ${row.number} has ${eps.length} episodes: delete them too with ?with_episodes=true`);
    const before = await seasonView(t.id, row);
    if (eps.length)
      await app.db.delete(episodes).where(
        inArray(
          episodes.id,
          eps.map((e) => e.id),
        ),
      );
    await app.db.delete(seasons).where(and(eq(seasons.titleId, t.id), eq(seasons.number, row.number)));
    await app.db
      .delete(adminRecords)
      .where(and(eq(adminRecords.kind, 'season'), eq(adminRecords.key, `${t.id}:${row.number}`)));
    app.catalog.invalidate();
    await recordAdminAction(
      app,
      { principal, request },
      'season.delete',
      { type: 'season', id: before.id, label: before.name },
      { ...before },
      null,
    );
  });

  handle(app, adminSeriesEpisodes, async ({ params }) => {
    await seriesOf(params.id);
    await seasonRow(params.id, params.season_number);
    return { items: await seasonEpisodes(params.id, params.season_number) };
  });

  handle(app, adminSeriesCreateEpisode, async ({ params, body, principal, request }) => {
    const t = await seriesOf(params.id);
    await seasonRow(t.id, params.season_number);
    const existing = await app.db
      .select({ number: episodes.number })
      .from(episodes)
      .where(and(eq(episodes.titleId, t.id), eq(episodes.seasonNumber, params.season_number)));
    const number = body.number ?? Math.max(0, ...existing.map((e) => e.number)) + 1;
    if (existing.some((e) => e.number === number))
      throw conflict(`Episode ${number} exists in this season`, [{ field: 'number', message: 'taken' }]);
    const id = newId('ep');
    await app.db.insert(episodes).values({
      id,
      titleId: t.id,
      seasonNumber: params.season_number,
      number,
      name: body.name,
      synopsis: body.synopsis ?? '',
      runtimeSeconds: Math.round(body.runtime_seconds ?? 1),
      airDate: body.air_date ?? null,
      filler: t.type === 'anime' ? (body.filler ?? 'canon') : null,
      arcId: body.arc_id ?? null,
      artworkSeed: Math.floor(Math.random() * 1_000_000),
    });
    const now = new Date().toISOString();
    await putRecord(app, 'episode', id, {
      publish_state: body.publish_state ?? 'draft',
      publish_at: body.publish_at ?? null,
      created_at: now,
      updated_at: now,
    });
    app.catalog.invalidate();
    const [view] = await episodeViews(await app.db.select().from(episodes).where(eq(episodes.id, id)));
    await recordAdminAction(
      app,
      { principal, request },
      'episode.create',
      { type: 'episode', id, label: body.name },
      null,
      { ...view },
    );
    return view as AdminEpisode;
  });

  handle(app, adminSeriesReorderEpisodes, async ({ params, body, principal, request }) => {
    const t = await seriesOf(params.id);
    await seasonRow(t.id, params.season_number);
    const current = await app.db
      .select({ id: episodes.id, number: episodes.number })
      .from(episodes)
      .where(and(eq(episodes.titleId, t.id), eq(episodes.seasonNumber, params.season_number)));
    const ids = new Set(current.map((e) => e.id));
    const given = new Set(body.episode_ids);
    if (
      given.size !== body.episode_ids.length ||
      given.size !== ids.size ||
      body.episode_ids.some((id) => !ids.has(id))
    ) {
      throw unprocessable('List every episode of the season exactly once', [
        { field: 'episode_ids', message: `expected the ${ids.size} episodes of this season, each once` },
      ]);
    }
    await app.db.transaction(async (tx) => {
      // Two steps so the unique (title, season, number) index never sees a duplicate.
      for (const [i, id] of body.episode_ids.entries())
        await tx
          .update(episodes)
          .set({ number: -1 - i })
          .where(eq(episodes.id, id));
      for (const [i, id] of body.episode_ids.entries())
        await tx
          .update(episodes)
          .set({ number: i + 1 })
          .where(eq(episodes.id, id));
    });
    app.catalog.invalidate();
    await recordAdminAction(
      app,
      { principal, request },
      'episode.reorder',
      { type: 'season', id: `${t.id}.s${params.season_number}`, label: t.name },
      { order: [...current].sort((a, b) => a.number - b.number).map((e) => e.id) },
      { order: body.episode_ids },
    );
    return { items: await seasonEpisodes(t.id, params.season_number) };
  });

  handle(app, adminSeriesUpdateEpisode, async ({ params, body, principal, request }) => {
    const t = await seriesOf(params.id);
    const [row] = await app.db
      .select()
      .from(episodes)
      .where(and(eq(episodes.id, params.episode_id), eq(episodes.titleId, t.id)));
    if (!row) throw notFound('That episode');
    const [before] = await episodeViews([row]);
    const season = body.season_number ?? row.seasonNumber;
    if (season !== row.seasonNumber) await seasonRow(t.id, season);
    const number =
      body.number ??
      (season !== row.seasonNumber
        ? Math.max(
            0,
            ...(
              await app.db
                .select({ n: episodes.number })
                .from(episodes)
                .where(and(eq(episodes.titleId, t.id), eq(episodes.seasonNumber, season)))
            ).map((e) => e.n),
          ) + 1
        : row.number);
    const [clash] = await app.db
      .select({ id: episodes.id })
      .from(episodes)
      .where(and(eq(episodes.titleId, t.id), eq(episodes.seasonNumber, season), eq(episodes.number, number)));
    if (clash && clash.id !== row.id)
      throw conflict(`Episode ${number} exists in season ${season}`, [{ field: 'number', message: 'taken' }]);
    await app.db
      .update(episodes)
      .set({
        seasonNumber: season,
        number,
        name: body.name ?? row.name,
        synopsis: body.synopsis ?? row.synopsis,
        runtimeSeconds: body.runtime_seconds ? Math.round(body.runtime_seconds) : row.runtimeSeconds,
        airDate: body.air_date === undefined ? row.airDate : body.air_date,
        filler: body.filler === undefined ? row.filler : body.filler,
        arcId: body.arc_id === undefined ? row.arcId : body.arc_id,
      })
      .where(eq(episodes.id, row.id));
    const doc = await recordOf<EpisodeDoc>(app, 'episode', row.id);
    const now = new Date().toISOString();
    await putRecord(app, 'episode', row.id, {
      publish_state: body.publish_state ?? doc?.publish_state ?? 'published',
      publish_at: body.publish_at === undefined ? (doc?.publish_at ?? null) : body.publish_at,
      created_at: doc?.created_at ?? now,
      updated_at: now,
    });
    app.catalog.invalidate();
    const [after] = await episodeViews(await app.db.select().from(episodes).where(eq(episodes.id, row.id)));
    await recordAdminAction(
      app,
      { principal, request },
      'episode.update',
      { type: 'episode', id: row.id, label: after?.name ?? row.name },
      { ...before },
      { ...after },
    );
    return after as AdminEpisode;
  });

  handle(app, adminSeriesDeleteEpisode, async ({ params, principal, request }) => {
    const t = await seriesOf(params.id);
    const [row] = await app.db
      .select()
      .from(episodes)
      .where(and(eq(episodes.id, params.episode_id), eq(episodes.titleId, t.id)));
    if (!row) throw notFound('That episode');
    const assets = await app.db.select().from(mediaAssets).where(eq(mediaAssets.episodeId, row.id));
    for (const a of assets) app.media.removeFiles(a);
    await app.db.delete(mediaBindings).where(and(eq(mediaBindings.titleId, t.id), eq(mediaBindings.episodeId, row.id)));
    await app.db.delete(episodes).where(eq(episodes.id, row.id));
    await app.db.delete(adminRecords).where(and(eq(adminRecords.kind, 'episode'), eq(adminRecords.key, row.id)));
    app.catalog.invalidate();
    await recordAdminAction(
      app,
      { principal, request },
      'episode.delete',
      { type: 'episode', id: row.id, label: row.name },
      { name: row.name, season_number: row.seasonNumber, number: row.number },
      null,
    );
  });

  // Genres ---------------------------------------------------------------------------------------
  const genreViews = async (): Promise<Genre[]> => {
    const rows = await app.db.select().from(genres).orderBy(asc(genres.position), asc(genres.slug));
    const counts = await app.db
      .select({ g: titleGenres.genre, n: count() })
      .from(titleGenres)
      .groupBy(titleGenres.genre);
    const art = await recordsOf<{ artwork: string | null }>(app, 'genre');
    const by = new Map(counts.map((c) => [c.g, Number(c.n)]));
    return rows.map((g) => ({
      slug: g.slug,
      name: g.name,
      description: g.description,
      parent: g.parent,
      title_count: by.get(g.slug) ?? 0,
      artwork: art.get(g.slug)?.artwork ?? null,
    }));
  };
  const genreView = async (slug: string) => {
    const g = (await genreViews()).find((x) => x.slug === slug);
    if (!g) throw notFound('That genre');
    return g;
  };
  const checkParent = async (slug: string, parent: string | null | undefined) => {
    if (!parent) return;
    if (parent === slug)
      throw unprocessable('A genre cannot be its own parent', [{ field: 'parent', message: 'is this genre' }]);
    const [p] = await app.db.select().from(genres).where(eq(genres.slug, parent));
    if (!p) throw unprocessable(`No genre "${parent}"`, [{ field: 'parent', message: 'no such genre' }]);
    if (p.parent)
      throw unprocessable('Sub-genres go one level deep', [{ field: 'parent', message: 'is itself a sub-genre' }]);
  };

  handle(app, adminGenresList, async () => ({ items: await genreViews() }));

  handle(app, adminGenresCreate, async ({ body, principal, request }) => {
    const [taken] = await app.db.select().from(genres).where(eq(genres.slug, body.slug));
    if (taken) throw conflict('That slug is taken', [{ field: 'slug', message: 'taken' }]);
    await checkParent(body.slug, body.parent);
    const [{ max } = { max: 0 }] = await app.db
      .select({ max: sql<number>`coalesce(max(${genres.position}), 0)` })
      .from(genres);
    await app.db.insert(genres).values({
      slug: body.slug,
      name: body.name,
      description: body.description ?? '',
      parent: body.parent ?? null,
      position: Number(max) + 1,
    });
    if (body.artwork) await putRecord(app, 'genre', body.slug, { artwork: body.artwork });
    app.catalog.invalidate();
    const view = await genreView(body.slug);
    await recordAdminAction(
      app,
      { principal, request },
      'genre.create',
      { type: 'genre', id: body.slug, label: body.name },
      null,
      { ...view },
    );
    return view;
  });

  handle(app, adminGenresUpdate, async ({ params, body, principal, request }) => {
    const before = await genreView(params.slug);
    await checkParent(params.slug, body.parent);
    await app.db
      .update(genres)
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.parent !== undefined ? { parent: body.parent } : {}),
      })
      .where(eq(genres.slug, params.slug));
    if (body.artwork !== undefined) await putRecord(app, 'genre', params.slug, { artwork: body.artwork });
    app.catalog.invalidate();
    const after = await genreView(params.slug);
    await recordAdminAction(
      app,
      { principal, request },
      'genre.update',
      { type: 'genre', id: params.slug, label: after.name },
      { ...before },
      { ...after },
    );
    return after;
  });

  handle(app, adminGenresDelete, async ({ params, query, principal, request }) => {
    const before = await genreView(params.slug);
    const children = await app.db.select({ slug: genres.slug }).from(genres).where(eq(genres.parent, params.slug));
    if ((before.title_count || children.length) && !query.reassign_to) {
      throw conflict(
        `${before.title_count} titles and ${children.length} sub-genres use this genre: name another with ?reassign_to=`,
      );
    }
    if (query.reassign_to) {
      if (query.reassign_to === params.slug) throw conflict('Reassign to a different genre');
      const target = await genreView(query.reassign_to);
      const tagged = await app.db
        .select({ t: titleGenres.titleId, p: titleGenres.position })
        .from(titleGenres)
        .where(eq(titleGenres.genre, params.slug));
      for (const row of tagged) {
        await app.db
          .insert(titleGenres)
          .values({ titleId: row.t, genre: target.slug, position: row.p })
          .onConflictDoNothing();
      }
      await app.db
        .update(genres)
        .set({ parent: target.parent ? target.parent : target.slug })
        .where(eq(genres.parent, params.slug));
    }
    await app.db.delete(genres).where(eq(genres.slug, params.slug));
    app.catalog.invalidate();
    await recordAdminAction(
      app,
      { principal, request },
      'genre.delete',
      { type: 'genre', id: params.slug, label: before.name },
      { ...before },
      null,
    );
  });
}
