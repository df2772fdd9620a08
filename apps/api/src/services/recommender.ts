// The recommender: explainable scores from what a profile watched. Pure functions over title
// features and a watch history, so they are testable alone and deterministic for a history.

/** What a title is made of, for similarity: weighted genres, tags and people. */
export interface TitleFeatures {
  id: string;
  name: string;
  type: string;
  /** Genre slugs, the title's own first. */
  genres: string[];
  tags: string[];
  /** People with how much they define the title (a director more than the tenth cast member). */
  people: { id: string; weight: number }[];
  popularity: number;
  languages: string[];
}

/** One title of a profile's history, aggregated over its episodes. */
export interface WatchedTitle {
  titleId: string;
  /** How much of it was watched, 0–1 (a completed film or series is 1). */
  engagement: number;
  /** Whether the profile finished it (a film completed, or every episode of a series). */
  finished: boolean;
  /** Last time it was watched, ms. */
  lastWatched: number;
}

/** Why a title was picked, in words and as data. */
export type ReasonKind = 'because-you-watched' | 'person' | 'genre' | 'popular' | 'popular-language' | 'popular-region';

export interface Recommendation {
  titleId: string;
  score: number;
  reason: string;
  kind: ReasonKind;
  /** The watched title a "Because you watched" reason refers to. */
  sourceId: string | null;
}

export const GENRE_WEIGHT = 1;
export const TAG_WEIGHT = 0.6;
/** History counts half as much after this many days. */
export const RECENCY_HALF_LIFE_DAYS = 30;
/** How much popularity adds to a personal score (the prior). */
export const POPULARITY_PRIOR = 0.15;
/** A watched title explains a pick ("Because you watched X") when at least this similar (see `explains`). */
export const BECAUSE_THRESHOLD = 0.25;

const DAY = 86_400_000;

/** How much a credit defines a title. */
export function creditWeight(role: string, position: number): number {
  switch (role) {
    case 'director':
    case 'creator':
      return 1.2;
    case 'cast':
      return position < 3 ? 1 : position < 6 ? 0.6 : 0.25;
    case 'writer':
      return 0.6;
    default:
      return 0.2;
  }
}

function vector(f: TitleFeatures): Map<string, number> {
  const v = new Map<string, number>();
  for (const [i, g] of f.genres.entries()) v.set(`g:${g}`, GENRE_WEIGHT * (i === 0 ? 1 : 0.8));
  for (const t of f.tags) v.set(`t:${t}`, TAG_WEIGHT);
  for (const p of f.people) v.set(`p:${p.id}`, Math.max(v.get(`p:${p.id}`) ?? 0, p.weight));
  return v;
}

const vectors = new WeakMap<TitleFeatures, { v: Map<string, number>; norm: number }>();
function vectorOf(f: TitleFeatures) {
  let entry = vectors.get(f);
  if (!entry) {
    const v = vector(f);
    let sum = 0;
    for (const w of v.values()) sum += w * w;
    entry = { v, norm: Math.sqrt(sum) };
    vectors.set(f, entry);
  }
  return entry;
}

/**
 * Cosine similarity of two titles over weighted genres, tags and people (0–1), and which
 * features they share (for explanations).
 *
 * @example similarity(matrix, matrixReloaded).score // ≈ 0.8: same genres, tags, directors and leads
 */
export function similarity(a: TitleFeatures, b: TitleFeatures): { score: number; shared: string[] } {
  const va = vectorOf(a);
  const vb = vectorOf(b);
  if (!va.norm || !vb.norm) return { score: 0, shared: [] };
  const [small, large] = va.v.size <= vb.v.size ? [va.v, vb.v] : [vb.v, va.v];
  let dot = 0;
  const shared: string[] = [];
  for (const [k, w] of small) {
    const o = large.get(k);
    if (o !== undefined) {
      dot += w * o;
      shared.push(k);
    }
  }
  return { score: dot / (va.norm * vb.norm), shared };
}

/**
 * Whether a watched title explains a pick by itself: they share a tag or a person, and not only
 * people (a film that shares just its director is explained by the director instead).
 */
function explains(a: TitleFeatures | undefined, b: TitleFeatures): boolean {
  if (!a) return false;
  const { shared } = similarity(a, b);
  return shared.some((k) => !k.startsWith('g:')) && shared.some((k) => !k.startsWith('p:'));
}

/** Popularity on a 0–1 log scale against the most popular title. */
export function popularityPrior(popularity: number, maxPopularity: number): number {
  if (maxPopularity <= 0 || popularity <= 0) return 0;
  return Math.log1p(popularity) / Math.log1p(maxPopularity);
}

/** Weight of a watched title: engagement, halved every {@link RECENCY_HALF_LIFE_DAYS} before the latest watch. */
export function historyWeight(entry: WatchedTitle, latest: number): number {
  const ageDays = Math.max(0, (latest - entry.lastWatched) / DAY);
  return Math.max(0, Math.min(1, entry.engagement)) * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
}

const byScoreThenId = (a: Recommendation, b: Recommendation) =>
  b.score - a.score || (a.titleId < b.titleId ? -1 : a.titleId > b.titleId ? 1 : 0);

const round = (n: number) => Math.round(n * 10_000) / 10_000;

export interface RecommendInput {
  history: readonly WatchedTitle[];
  /** Every title the profile may be recommended (visible, offered in its region). */
  candidates: readonly TitleFeatures[];
  /** Features of watched titles (they may no longer be candidates). */
  features: ReadonlyMap<string, TitleFeatures>;
  genreNames: ReadonlyMap<string, string>;
  personNames: ReadonlyMap<string, string>;
  maxPopularity: number;
  /** For the cold start: the profile's language and region. */
  language: string;
  region: string;
}

/**
 * Ranks candidates for a profile. With a history: each candidate scores the similarity-weighted
 * sum of the watched titles (weighted by engagement and recency), normalised, plus a popularity
 * prior; watched titles are left out; each pick says why — the watched title it is most like,
 * a person the profile keeps watching, or the genre it shares with the profile's taste.
 * Without a history (cold start): popular titles, those in the profile's language first.
 */
export function recommend(input: RecommendInput): Recommendation[] {
  const sources = input.history
    .map((h) => ({ h, f: input.features.get(h.titleId) }))
    .filter((s): s is { h: WatchedTitle; f: TitleFeatures } => s.f !== undefined && s.h.engagement > 0);
  if (!sources.length) return coldStart(input);

  const latest = Math.max(...sources.map((s) => s.h.lastWatched));
  const weighted = sources
    .map((s) => ({ ...s, w: historyWeight(s.h, latest) }))
    .filter((s) => s.w > 0)
    .sort((a, b) => b.w - a.w || (a.h.titleId < b.h.titleId ? -1 : 1));
  const total = weighted.reduce((n, s) => n + s.w, 0) || 1;
  const watched = new Set(input.history.map((h) => h.titleId));

  // The profile's taste per genre and person, for the explanations.
  const genreTaste = new Map<string, number>();
  const personTaste = new Map<string, number>();
  for (const s of weighted) {
    for (const [i, g] of s.f.genres.entries()) genreTaste.set(g, (genreTaste.get(g) ?? 0) + s.w * (i === 0 ? 1 : 0.8));
    for (const p of s.f.people) if (p.weight >= 1) personTaste.set(p.id, (personTaste.get(p.id) ?? 0) + s.w * p.weight);
  }

  const out: Recommendation[] = [];
  for (const c of input.candidates) {
    if (watched.has(c.id)) continue;
    let affinity = 0;
    let best: { id: string; name: string; contribution: number; sim: number } | null = null;
    for (const s of weighted) {
      const sim = similarity(s.f, c).score;
      if (sim <= 0) continue;
      const contribution = s.w * sim;
      affinity += contribution;
      if (!best || contribution > best.contribution) best = { id: s.f.id, name: s.f.name, contribution, sim };
    }
    const score = affinity / total + POPULARITY_PRIOR * popularityPrior(c.popularity, input.maxPopularity);
    let reason: Pick<Recommendation, 'reason' | 'kind' | 'sourceId'>;
    const person = c.people
      .filter((p) => p.weight >= 1 && personTaste.has(p.id))
      .sort((a, b) => (personTaste.get(b.id) ?? 0) - (personTaste.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1))[0];
    const genre = [...c.genres]
      .filter((g) => genreTaste.has(g))
      .sort((a, b) => (genreTaste.get(b) ?? 0) - (genreTaste.get(a) ?? 0) || (a < b ? -1 : 1))[0];
    const specific = best && best.sim >= BECAUSE_THRESHOLD && explains(input.features.get(best.id), c);
    if (best && specific) {
      reason = { reason: `Because you watched ${best.name}`, kind: 'because-you-watched', sourceId: best.id };
    } else if (person && input.personNames.has(person.id)) {
      reason = { reason: `More with ${input.personNames.get(person.id)}`, kind: 'person', sourceId: null };
    } else if (genre) {
      reason = { reason: `Popular in ${input.genreNames.get(genre) ?? genre}`, kind: 'genre', sourceId: null };
    } else {
      reason = { reason: 'Popular on Reel', kind: 'popular', sourceId: null };
    }
    out.push({ titleId: c.id, score: round(score), ...reason });
  }
  return out.sort(byScoreThenId);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const displayName = (names: Intl.DisplayNames, code: string) => {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};

/** Cold start: popular titles, those in the profile's language (when not English) first. */
export function coldStart(
  input: Pick<RecommendInput, 'candidates' | 'maxPopularity' | 'language' | 'region'>,
): Recommendation[] {
  const primary = (input.language.split('-')[0] ?? 'en').toLowerCase();
  const local = primary !== 'en';
  const region = displayName(regionNames, input.region);
  const language = displayName(languageNames, primary);
  return input.candidates
    .map((c): Recommendation => {
      const inLanguage = local && c.languages.some((l) => l.split('-')[0] === primary);
      const prior = popularityPrior(c.popularity, input.maxPopularity);
      return inLanguage
        ? {
            titleId: c.id,
            score: round(0.5 + 0.5 * prior),
            reason: `Popular in ${language}`,
            kind: 'popular-language',
            sourceId: null,
          }
        : {
            titleId: c.id,
            score: round(0.5 * prior),
            reason: `Popular in ${region}`,
            kind: 'popular-region',
            sourceId: null,
          };
    })
    .sort(byScoreThenId);
}

/** Titles like `source` among `candidates`, most similar first (ties: more popular, then id). */
export function similarTitles(
  source: TitleFeatures,
  candidates: readonly TitleFeatures[],
  maxPopularity: number,
): { id: string; score: number }[] {
  const out: { id: string; score: number; pop: number }[] = [];
  for (const c of candidates) {
    if (c.id === source.id) continue;
    const { score } = similarity(source, c);
    if (score <= 0) continue;
    out.push({
      id: c.id,
      score: round(score + 0.05 * popularityPrior(c.popularity, maxPopularity)),
      pop: c.popularity,
    });
  }
  return out
    .sort((a, b) => b.score - a.score || b.pop - a.pop || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, score }) => ({ id, score }));
}
