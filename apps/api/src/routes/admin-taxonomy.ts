import {
  type AdminCertification,
  type AdminTaxonomyTerm,
  type Arc,
  adminAnimeArcsCreate,
  adminAnimeArcsDelete,
  adminAnimeArcsFiller,
  adminAnimeArcsList,
  adminAnimeArcsSetFiller,
  adminAnimeArcsUpdate,
  adminTaxonomyCertifications,
  adminTaxonomyCreateCertification,
  adminTaxonomyCreateMood,
  adminTaxonomyCreateTag,
  adminTaxonomyDeleteCertification,
  adminTaxonomyDeleteMood,
  adminTaxonomyDeleteTag,
  adminTaxonomyMoods,
  adminTaxonomyTags,
  adminTaxonomyUpdateCertification,
  adminTaxonomyUpdateMood,
  adminTaxonomyUpdateTag,
} from '@reel/contracts';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import {
  adminRecords,
  adminTerms,
  arcs,
  certifications,
  episodes,
  ratingMeanings,
  titles,
} from '../db/schema/index.js';
import { pageOf } from '../http/cursor.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import { handle } from '../http/route.js';
import { newId } from '../ids.js';
import { recordAdminAction } from '../services/admin/audit.js';

const unprocessable = (message: string, fields: { field: string; message: string }[]) =>
  new HttpError(422, 'validation_failed', message, { fields });

/** Certification ids: the region and rating, reversible. */
const certId = (region: string, rating: string) => `crt_${Buffer.from(`${region}:${rating}`).toString('base64url')}`;
function parseCertId(id: string): { region: string; rating: string } | null {
  if (!id.startsWith('crt_')) return null;
  const text = Buffer.from(id.slice(4), 'base64url').toString('utf8');
  const at = text.indexOf(':');
  return at === 2 ? { region: text.slice(0, 2), rating: text.slice(3) } : null;
}

export function registerAdminTaxonomyRoutes(app: FastifyInstance): void {
  // Tags and moods ---------------------------------------------------------------------------------
  for (const kind of ['tag', 'mood'] as const) {
    const column = kind === 'tag' ? titles.tags : titles.moods;
    const endpoints =
      kind === 'tag'
        ? {
            list: adminTaxonomyTags,
            create: adminTaxonomyCreateTag,
            update: adminTaxonomyUpdateTag,
            remove: adminTaxonomyDeleteTag,
          }
        : {
            list: adminTaxonomyMoods,
            create: adminTaxonomyCreateMood,
            update: adminTaxonomyUpdateMood,
            remove: adminTaxonomyDeleteMood,
          };

    const views = async (): Promise<AdminTaxonomyTerm[]> => {
      const rows = await app.db.select().from(adminTerms).where(eq(adminTerms.kind, kind));
      const used = await app.db.execute<{ term: string; n: number }>(
        sql`SELECT term, count(*)::int AS n FROM ${titles}, unnest(${column}) AS term GROUP BY term`,
      );
      const counts = new Map<string, number>();
      for (const r of (used as unknown as { rows: { term: string; n: number }[] }).rows ??
        (used as unknown as { term: string; n: number }[])) {
        counts.set(r.term.toLowerCase(), Number(r.n));
      }
      return rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        name: r.name,
        description: r.description,
        title_count:
          (counts.get(r.slug) ?? 0) + (r.name.toLowerCase() !== r.slug ? (counts.get(r.name.toLowerCase()) ?? 0) : 0),
        created_at: r.createdAt.toISOString(),
        updated_at: r.updatedAt.toISOString(),
      }));
    };
    const viewOf = async (id: string) => {
      const v = (await views()).find((x) => x.id === id);
      if (!v) throw notFound(`That ${kind}`);
      return v;
    };

    handle(app, endpoints.list, async ({ query }) => {
      let list = await views();
      if (query.q) {
        const q = query.q.toLowerCase();
        list = list.filter((x) => x.slug.includes(q) || x.name.toLowerCase().includes(q));
      }
      const sort = query.sort ?? 'name';
      const dir = (query.order ?? (sort === 'name' ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
      const key = (x: AdminTaxonomyTerm) =>
        sort === 'name' ? x.name.toLowerCase() : sort === 'title_count' ? x.title_count : x.created_at;
      list.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * dir || (a.id < b.id ? -1 : 1);
      });
      return pageOf(list, query.cursor, query.limit ?? 50, (x) => x.id);
    });

    handle(app, endpoints.create, async ({ body, principal, request }) => {
      const [taken] = await app.db
        .select()
        .from(adminTerms)
        .where(and(eq(adminTerms.kind, kind), eq(adminTerms.slug, body.slug)));
      if (taken) throw conflict(`That ${kind} exists`, [{ field: 'slug', message: 'taken' }]);
      const id = newId(kind === 'tag' ? 'tag' : 'mood');
      const now = new Date();
      await app.db.insert(adminTerms).values({
        id,
        kind,
        slug: body.slug,
        name: body.name,
        description: body.description ?? null,
        createdAt: now,
        updatedAt: now,
      });
      const view = await viewOf(id);
      await recordAdminAction(
        app,
        { principal, request },
        `${kind}.create`,
        { type: kind, id, label: body.name },
        null,
        { ...view },
      );
      return view;
    });

    handle(app, endpoints.update, async ({ params, body, principal, request }) => {
      const before = await viewOf(params.id);
      await app.db
        .update(adminTerms)
        .set({
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          updatedAt: new Date(),
        })
        .where(eq(adminTerms.id, params.id));
      const after = await viewOf(params.id);
      await recordAdminAction(
        app,
        { principal, request },
        `${kind}.update`,
        { type: kind, id: params.id, label: after.name },
        { ...before },
        { ...after },
      );
      return after;
    });

    handle(app, endpoints.remove, async ({ params, principal, request }) => {
      const before = await viewOf(params.id);
      const name = kind === 'tag' ? 'tags' : 'moods';
      await app.db.execute(
        sql`UPDATE ${titles} SET ${sql.raw(name)} = array_remove(array_remove(${column}, ${before.slug}), ${before.name})`,
      );
      await app.db.delete(adminTerms).where(eq(adminTerms.id, params.id));
      app.catalog.invalidate();
      await recordAdminAction(
        app,
        { principal, request },
        `${kind}.delete`,
        { type: kind, id: params.id, label: before.name },
        { ...before },
        null,
      );
    });
  }

  // Certifications ---------------------------------------------------------------------------------
  const certViews = async (region?: string): Promise<AdminCertification[]> => {
    const rows = await app.db
      .select()
      .from(ratingMeanings)
      .where(region ? eq(ratingMeanings.region, region) : undefined);
    const used = await app.db
      .select({ region: certifications.region, rating: certifications.rating, n: count() })
      .from(certifications)
      .groupBy(certifications.region, certifications.rating);
    const orders = await app.db
      .select({ key: adminRecords.key, data: adminRecords.data })
      .from(adminRecords)
      .where(eq(adminRecords.kind, 'cert_order'));
    const orderOf = new Map(orders.map((o) => [o.key, (o.data as { order: number }).order]));
    const systems = new Map<string, typeof rows>();
    for (const r of rows)
      systems.set(`${r.region}|${r.system}`, [...(systems.get(`${r.region}|${r.system}`) ?? []), r]);
    const out: AdminCertification[] = [];
    for (const list of systems.values()) {
      list.sort((a, b) => a.minAge - b.minAge || a.rating.localeCompare(b.rating));
      list.forEach((r, i) => {
        const id = certId(r.region, r.rating);
        out.push({
          id,
          region: r.region,
          system: r.system,
          rating: r.rating,
          meaning: r.meaning,
          min_age: r.minAge,
          order: orderOf.get(id) ?? i,
          title_count: Number(used.find((u) => u.region === r.region && u.rating === r.rating)?.n ?? 0),
        });
      });
    }
    return out.sort(
      (a, b) => a.region.localeCompare(b.region) || a.system.localeCompare(b.system) || a.order - b.order,
    );
  };
  const certOf = async (id: string) => {
    const key = parseCertId(id);
    const c = key ? (await certViews(key.region)).find((x) => x.id === id) : undefined;
    if (!c) throw notFound('That certification');
    return c;
  };
  const setOrder = async (id: string, order: number) => {
    const now = new Date();
    await app.db
      .insert(adminRecords)
      .values({ id: newId('rec'), kind: 'cert_order', key: id, data: { order }, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [adminRecords.kind, adminRecords.key], set: { data: { order }, updatedAt: now } });
  };

  handle(app, adminTaxonomyCertifications, async ({ query }) => ({ items: await certViews(query.region) }));

  handle(app, adminTaxonomyCreateCertification, async ({ body, principal, request }) => {
    const [taken] = await app.db
      .select()
      .from(ratingMeanings)
      .where(and(eq(ratingMeanings.region, body.region), eq(ratingMeanings.rating, body.rating)));
    if (taken)
      throw conflict(`${body.rating} exists in ${body.region}`, [
        { field: 'rating', message: 'exists in this region' },
      ]);
    await app.db.insert(ratingMeanings).values({
      region: body.region,
      system: body.system,
      rating: body.rating,
      meaning: body.meaning,
      minAge: body.min_age,
    });
    const id = certId(body.region, body.rating);
    if (body.order !== undefined) await setOrder(id, body.order);
    const view = await certOf(id);
    await recordAdminAction(
      app,
      { principal, request },
      'certification.create',
      { type: 'certification', id, label: `${body.region} ${body.rating}` },
      null,
      { ...view },
    );
    return view;
  });

  handle(app, adminTaxonomyUpdateCertification, async ({ params, body, principal, request }) => {
    const before = await certOf(params.id);
    const region = body.region ?? before.region;
    const rating = body.rating ?? before.rating;
    const id = certId(region, rating);
    if (id !== params.id) {
      if (before.title_count)
        throw conflict(`${before.title_count} titles carry this rating: it cannot be renamed or moved`);
      const [taken] = await app.db
        .select()
        .from(ratingMeanings)
        .where(and(eq(ratingMeanings.region, region), eq(ratingMeanings.rating, rating)));
      if (taken)
        throw conflict(`${rating} exists in ${region}`, [{ field: 'rating', message: 'exists in this region' }]);
    }
    await app.db
      .update(ratingMeanings)
      .set({
        region,
        rating,
        system: body.system ?? before.system,
        meaning: body.meaning ?? before.meaning,
        minAge: body.min_age ?? before.min_age,
      })
      .where(and(eq(ratingMeanings.region, before.region), eq(ratingMeanings.rating, before.rating)));
    if (body.order !== undefined) await setOrder(id, body.order);
    app.catalog.invalidate();
    const after = await certOf(id);
    await recordAdminAction(
      app,
      { principal, request },
      'certification.update',
      { type: 'certification', id, label: `${region} ${rating}` },
      { ...before },
      { ...after },
    );
    return after;
  });

  handle(app, adminTaxonomyDeleteCertification, async ({ params, principal, request }) => {
    const before = await certOf(params.id);
    if (before.title_count)
      throw conflict(`${before.title_count} titles carry ${before.rating}: rate them otherwise first`);
    await app.db
      .delete(ratingMeanings)
      .where(and(eq(ratingMeanings.region, before.region), eq(ratingMeanings.rating, before.rating)));
    await app.db.delete(adminRecords).where(and(eq(adminRecords.kind, 'cert_order'), eq(adminRecords.key, params.id)));
    await recordAdminAction(
      app,
      { principal, request },
      'certification.delete',
      { type: 'certification', id: params.id, label: `${before.region} ${before.rating}` },
      { ...before },
      null,
    );
  });

  // Anime arcs and filler ---------------------------------------------------------------------------
  const episodesOf = (titleId: string) =>
    app.db
      .select()
      .from(episodes)
      .where(eq(episodes.titleId, titleId))
      .orderBy(asc(episodes.seasonNumber), asc(episodes.number));
  const animeOf = async (id: string) => {
    const [t] = await app.db.select({ id: titles.id, type: titles.type }).from(titles).where(eq(titles.id, id));
    if (!t || t.type === 'film') throw notFound('That series or anime');
    return t;
  };
  const arcViews = async (titleId: string): Promise<Arc[]> => {
    const [rows, eps] = await Promise.all([
      app.db.select().from(arcs).where(eq(arcs.titleId, titleId)).orderBy(asc(arcs.position)),
      episodesOf(titleId),
    ]);
    return rows.map((a, i) => {
      const mine = eps.filter((e) => e.arcId === a.id);
      const first = mine[0];
      const last = mine[mine.length - 1];
      return {
        id: a.id,
        title_id: titleId,
        name: a.name,
        synopsis: a.synopsis,
        order: Number.isInteger(a.position) ? a.position : i,
        first_episode: { season_number: first?.seasonNumber ?? 0, number: first?.number ?? 0 },
        last_episode: { season_number: last?.seasonNumber ?? 0, number: last?.number ?? 0 },
        episode_count: mine.length,
        filler_count: mine.filter((e) => e.filler === 'filler').length,
      };
    });
  };
  const arcById = async (id: string) => {
    const [a] = await app.db.select().from(arcs).where(eq(arcs.id, id));
    if (!a) throw notFound('That arc');
    return a;
  };
  /** Episodes from first to last (inclusive) in watch order; 422 when either is not the title's. */
  const range = async (titleId: string, firstId: string, lastId: string) => {
    const eps = await episodesOf(titleId);
    const from = eps.findIndex((e) => e.id === firstId);
    const to = eps.findIndex((e) => e.id === lastId);
    const fields = [];
    if (from < 0) fields.push({ field: 'first_episode_id', message: 'not an episode of this title' });
    if (to < 0) fields.push({ field: 'last_episode_id', message: 'not an episode of this title' });
    if (fields.length) throw unprocessable('The episode range is not valid', fields);
    if (to < from)
      throw unprocessable('The last episode comes before the first', [
        { field: 'last_episode_id', message: 'before the first episode' },
      ]);
    return eps.slice(from, to + 1);
  };
  const assign = async (arcId: string, titleId: string, list: { id: string; arcId: string | null }[]) => {
    const clash = list.find((e) => e.arcId && e.arcId !== arcId);
    if (clash)
      throw conflict('The range overlaps another arc', [
        { field: 'first_episode_id', message: 'overlaps another arc' },
      ]);
    await app.db
      .update(episodes)
      .set({ arcId: null })
      .where(and(eq(episodes.titleId, titleId), eq(episodes.arcId, arcId)));
    if (list.length)
      await app.db
        .update(episodes)
        .set({ arcId })
        .where(
          inArray(
            episodes.id,
            list.map((e) => e.id),
          ),
        );
  };
  const arcView = async (id: string) => {
    const a = await arcById(id);
    return (await arcViews(a.titleId)).find((x) => x.id === id) as Arc;
  };

  handle(app, adminAnimeArcsList, async ({ query }) => {
    await animeOf(query.title_id);
    return { items: await arcViews(query.title_id) };
  });

  handle(app, adminAnimeArcsCreate, async ({ body, principal, request }) => {
    const t = await animeOf(body.title_id);
    const list = await range(t.id, body.first_episode_id, body.last_episode_id);
    const existing = await app.db.select({ p: arcs.position }).from(arcs).where(eq(arcs.titleId, t.id));
    const id = newId('arc');
    const clash = list.find((e) => e.arcId);
    if (clash)
      throw conflict('The range overlaps another arc', [
        { field: 'first_episode_id', message: 'overlaps another arc' },
      ]);
    await app.db.insert(arcs).values({
      id,
      titleId: t.id,
      name: body.name,
      synopsis: body.synopsis ?? '',
      position: body.order ?? Math.max(-1, ...existing.map((e) => e.p)) + 1,
    });
    await assign(id, t.id, list);
    app.catalog.invalidate();
    const view = await arcView(id);
    await recordAdminAction(app, { principal, request }, 'arc.create', { type: 'arc', id, label: body.name }, null, {
      ...view,
    });
    return view;
  });

  handle(app, adminAnimeArcsUpdate, async ({ params, body, principal, request }) => {
    const row = await arcById(params.id);
    const before = await arcView(params.id);
    if (body.first_episode_id || body.last_episode_id) {
      const eps = await episodesOf(row.titleId);
      const mine = eps.filter((e) => e.arcId === row.id);
      const first = body.first_episode_id ?? mine[0]?.id ?? '';
      const last = body.last_episode_id ?? mine[mine.length - 1]?.id ?? '';
      await assign(row.id, row.titleId, await range(row.titleId, first, last));
    }
    await app.db
      .update(arcs)
      .set({
        name: body.name ?? row.name,
        synopsis: body.synopsis ?? row.synopsis,
        position: body.order ?? row.position,
      })
      .where(eq(arcs.id, row.id));
    app.catalog.invalidate();
    const after = await arcView(row.id);
    await recordAdminAction(
      app,
      { principal, request },
      'arc.update',
      { type: 'arc', id: row.id, label: after.name },
      { ...before },
      { ...after },
    );
    return after;
  });

  handle(app, adminAnimeArcsDelete, async ({ params, principal, request }) => {
    const row = await arcById(params.id);
    const before = await arcView(params.id);
    await app.db.update(episodes).set({ arcId: null }).where(eq(episodes.arcId, row.id));
    await app.db.delete(arcs).where(eq(arcs.id, row.id));
    app.catalog.invalidate();
    await recordAdminAction(
      app,
      { principal, request },
      'arc.delete',
      { type: 'arc', id: row.id, label: row.name },
      { ...before },
      null,
    );
  });

  const guide = async (titleId: string) => {
    const eps = await episodesOf(titleId);
    const items = eps.map((e) => ({
      episode_id: e.id,
      season_number: e.seasonNumber,
      number: e.number,
      name: e.name,
      kind: e.filler ?? ('canon' as const),
      arc_id: e.arcId,
    }));
    const counts = { canon: 0, mixed: 0, filler: 0 };
    for (const i of items) counts[i.kind]++;
    return { title_id: titleId, items, counts };
  };

  handle(app, adminAnimeArcsFiller, async ({ query }) => {
    await animeOf(query.title_id);
    return guide(query.title_id);
  });

  handle(app, adminAnimeArcsSetFiller, async ({ body, principal, request }) => {
    await animeOf(body.title_id);
    const eps = await episodesOf(body.title_id);
    const known = new Map(eps.map((e) => [e.id, e]));
    const fields = body.items
      .map((item, i) =>
        known.has(item.episode_id)
          ? null
          : { field: `items[${i}].episode_id`, message: 'not an episode of this title' },
      )
      .filter((x): x is { field: string; message: string } => x !== null);
    if (fields.length) throw unprocessable('Some episodes are not of this title', fields);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const item of body.items) {
      const e = known.get(item.episode_id);
      if (e && (e.filler ?? 'canon') !== item.kind) {
        before[item.episode_id] = e.filler ?? 'canon';
        after[item.episode_id] = item.kind;
        await app.db.update(episodes).set({ filler: item.kind }).where(eq(episodes.id, item.episode_id));
      }
    }
    app.catalog.invalidate();
    if (Object.keys(after).length) {
      await recordAdminAction(
        app,
        { principal, request },
        'episode.filler',
        { type: 'title', id: body.title_id, label: null },
        before,
        after,
      );
    }
    return guide(body.title_id);
  });
}
