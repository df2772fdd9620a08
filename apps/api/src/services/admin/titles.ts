import type { AdminTitle, AdminTitleInput, AdminTitleRow } from '@reel/contracts';
import { type AnyColumn, and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { titleArtwork } from '../../artwork/urls.js';
import {
  adminTitleMeta,
  availability,
  certifications,
  episodes,
  genres,
  mediaAssets,
  ratingMeanings,
  seasons,
  titleGenres,
  titles,
  users,
} from '../../db/schema/index.js';

type SourceStatus = AdminTitle['source_status'];
const NEW_MS = 7 * 24 * 3600_000;

export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 70)
      .replace(/-+$/g, '') || 'title'
  );
}

/** What a title's sources say: the best state among its video assets. */
function sourceStatusOf(states: string[]): SourceStatus {
  if (!states.length) return 'none';
  if (states.includes('ready')) return 'ready';
  if (states.includes('processing')) return 'processing';
  if (states.includes('uploading') || states.includes('awaiting_upload')) return 'uploading';
  return 'failed';
}

/** Loads the admin form of titles (all of them when `ids` is absent), in every publish state. */
export async function adminTitles(app: FastifyInstance, ids?: string[]): Promise<AdminTitle[]> {
  if (ids && !ids.length) return [];
  const where = ids ? inArray(titles.id, ids) : undefined;
  const rows = await app.db.select().from(titles).where(where);
  if (!rows.length) return [];
  const tids = rows.map((r) => r.id);
  const inTitles = (c: AnyColumn) => inArray(c, tids);
  const [metaRows, genreRows, certRows, availRows, assetRows, episodeCounts, seasonRows] = await Promise.all([
    app.db.select().from(adminTitleMeta).where(inTitles(adminTitleMeta.titleId)),
    app.db
      .select({ titleId: titleGenres.titleId, slug: genres.slug, name: genres.name, position: titleGenres.position })
      .from(titleGenres)
      .innerJoin(genres, eq(genres.slug, titleGenres.genre))
      .where(inTitles(titleGenres.titleId)),
    app.db
      .select({
        titleId: certifications.titleId,
        region: certifications.region,
        system: certifications.system,
        rating: certifications.rating,
        meaning: ratingMeanings.meaning,
        minAge: ratingMeanings.minAge,
      })
      .from(certifications)
      .leftJoin(
        ratingMeanings,
        and(eq(ratingMeanings.region, certifications.region), eq(ratingMeanings.rating, certifications.rating)),
      )
      .where(inTitles(certifications.titleId)),
    app.db.select().from(availability).where(inTitles(availability.titleId)),
    app.db
      .select({ titleId: mediaAssets.titleId, status: mediaAssets.status })
      .from(mediaAssets)
      .where(inTitles(mediaAssets.titleId)),
    app.db.select({ titleId: episodes.titleId }).from(episodes).where(inTitles(episodes.titleId)),
    app.db.select({ titleId: seasons.titleId }).from(seasons).where(inTitles(seasons.titleId)),
  ]);
  const group = <T extends { titleId: string | null }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      if (!x.titleId) continue;
      const l = m.get(x.titleId) ?? [];
      l.push(x);
      m.set(x.titleId, l);
    }
    return m;
  };
  const meta = new Map(metaRows.map((m) => [m.titleId, m]));
  const g = group(genreRows);
  const c = group(certRows);
  const a = group(availRows);
  const s = group(assetRows);
  const e = group(episodeCounts);
  const se = group(seasonRows);
  const editorIds = [...new Set(metaRows.map((m) => m.updatedBy).filter((x): x is string => !!x))];
  const editors = editorIds.length
    ? await app.db
        .select({ id: users.id, email: users.email, display_name: users.displayName })
        .from(users)
        .where(inArray(users.id, editorIds))
    : [];
  const editorById = new Map(editors.map((u) => [u.id, u]));
  const now = Date.now();
  return rows.map((row): AdminTitle => {
    const m = meta.get(row.id);
    const certs = (c.get(row.id) ?? [])
      .map((x) => ({
        region: x.region,
        system: x.system,
        rating: x.rating,
        meaning: x.meaning ?? '',
        min_age: x.minAge ?? 0,
      }))
      .sort((x, y) => x.region.localeCompare(y.region));
    const artwork = titleArtwork(row.id, row.artworkSeed, row.artworkColor);
    return {
      id: row.id,
      type: row.type,
      name: row.name,
      year: row.year,
      runtime_minutes: row.runtimeMinutes,
      genres: (g.get(row.id) ?? [])
        .sort((x, y) => x.position - y.position)
        .map((x) => ({ slug: x.slug, name: x.name })),
      certification: certs.find((x) => x.region === 'US')?.rating ?? certs[0]?.rating ?? null,
      maturity_level: Math.max(0, Math.min(18, row.maturityLevel)),
      artwork: { ...artwork, color: /^#[0-9a-f]{6}$/.test(artwork.color) ? artwork.color : '#22222a' },
      badges: {
        is_new: now - row.addedAt.getTime() < NEW_MS && row.addedAt.getTime() <= now,
        sub: row.hasSub,
        dub: row.hasDub,
        simulcast: row.simulcast,
        coming_soon: row.status === 'upcoming',
      },
      rating_average: row.ratingAverage === null ? null : Math.round(row.ratingAverage * 100) / 100,
      has_preview: row.hasPreview,
      tagline: row.tagline,
      synopsis: row.synopsis,
      original_language: /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(row.originalLanguage) ? row.originalLanguage : 'en',
      audio_languages: (row.audioLanguages as AdminTitle['audio_languages']) ?? [],
      subtitle_languages: (row.subtitleLanguages as AdminTitle['subtitle_languages']) ?? [],
      release_date: row.releaseDate,
      status: row.status,
      studios: row.studios,
      networks: row.networks,
      countries: row.countries.filter((x) => /^[A-Z]{2}$/.test(x)),
      certifications: certs,
      advisories: row.advisories,
      tags: row.tags,
      moods: row.moods,
      availability: (a.get(row.id) ?? [])
        .sort((x, y) => x.region.localeCompare(y.region))
        .map((x) => ({
          region: x.region,
          available_from: x.availableFrom?.toISOString() ?? null,
          available_until: x.availableUntil?.toISOString() ?? null,
        })),
      available: (a.get(row.id) ?? []).length > 0,
      seasons_count: row.type === 'film' ? null : (se.get(row.id) ?? []).length,
      trailer: row.trailerSeconds === null ? null : { id: `${row.id}-trailer`, duration: row.trailerSeconds },
      review_count: row.ratingCount,
      slug: m?.slug ?? slugify(`${row.name}-${row.id.slice(-6)}`),
      publish_state: row.publishState,
      publish_at: row.publishAt?.toISOString() ?? null,
      published_at:
        m?.publishedAt?.toISOString() ?? (row.publishState === 'published' ? row.addedAt.toISOString() : null),
      source_status: sourceStatusOf((s.get(row.id) ?? []).map((x) => x.status)),
      created_at: (m?.createdAt ?? row.addedAt).toISOString(),
      updated_at: row.updatedAt.toISOString(),
      updated_by: m?.updatedBy ? (editorById.get(m.updatedBy) ?? null) : null,
      version: m?.version ?? 1,
      // episode count rides along for rows
      ...({ episode_count: row.type === 'film' ? null : (e.get(row.id) ?? []).length } as object),
    } as AdminTitle;
  });
}

export function rowOf(t: AdminTitle & { episode_count?: number | null }): AdminTitleRow {
  return {
    id: t.id,
    type: t.type,
    name: t.name,
    year: t.year,
    runtime_minutes: t.runtime_minutes,
    genres: t.genres,
    certification: t.certification,
    maturity_level: t.maturity_level,
    artwork: t.artwork,
    badges: t.badges,
    rating_average: t.rating_average,
    has_preview: t.has_preview,
    slug: t.slug,
    publish_state: t.publish_state,
    publish_at: t.publish_at,
    source_status: t.source_status,
    episode_count: t.episode_count ?? null,
    created_at: t.created_at,
    updated_at: t.updated_at,
  };
}

/** The editable fields of a title, as the audit log records them. */
export function auditFields(t: AdminTitle): Record<string, unknown> {
  return {
    name: t.name,
    type: t.type,
    slug: t.slug,
    synopsis: t.synopsis,
    tagline: t.tagline,
    year: t.year,
    status: t.status,
    genres: t.genres.map((g) => g.slug),
    tags: t.tags,
    moods: t.moods,
    maturity_level: t.maturity_level,
    publish_state: t.publish_state,
    publish_at: t.publish_at,
    availability: t.availability,
    certifications: t.certifications.map((c) => `${c.region}:${c.rating}`),
  };
}

/** Column values of a title input (create or partial update). */
export function titleColumns(input: Partial<AdminTitleInput>) {
  const out: Partial<typeof titles.$inferInsert> = {};
  if (input.type !== undefined) out.type = input.type;
  if (input.name !== undefined) out.name = input.name;
  if (input.tagline !== undefined) out.tagline = input.tagline;
  if (input.synopsis !== undefined) out.synopsis = input.synopsis;
  if (input.year !== undefined) out.year = input.year;
  if (input.release_date !== undefined) out.releaseDate = input.release_date;
  if (input.runtime_minutes !== undefined) out.runtimeMinutes = input.runtime_minutes;
  if (input.original_language !== undefined) out.originalLanguage = input.original_language;
  if (input.status !== undefined) out.status = input.status;
  if (input.tags !== undefined) out.tags = input.tags;
  if (input.moods !== undefined) out.moods = input.moods;
  if (input.maturity_level !== undefined) out.maturityLevel = input.maturity_level;
  if (input.advisories !== undefined) out.advisories = input.advisories;
  if (input.studios !== undefined) out.studios = input.studios;
  if (input.networks !== undefined) out.networks = input.networks;
  if (input.countries !== undefined) out.countries = input.countries;
  if (input.simulcast !== undefined) out.simulcast = input.simulcast;
  return out;
}
