// A small catalog written straight into the database for the catalog, home and search tests
// (independent of the demo seed): films, series with seasons and episodes, anime with arcs and
// filler, people and credits, certifications, availability per region, collections, views.
import type { FastifyInstance } from 'fastify';
import {
  arcs,
  availability,
  certifications,
  collectionItems,
  collections,
  credits,
  episodes,
  genres,
  markers,
  people,
  progress,
  ratingMeanings,
  seasons,
  titleGenres,
  titleRelations,
  titles,
  titleViews,
} from '../src/db/schema/index.js';

const DAY = 86_400_000;

interface FixtureTitle {
  id: string;
  type: 'film' | 'series' | 'anime';
  name: string;
  originalName?: string;
  synopsis: string;
  year: number | null;
  releaseDate?: string;
  genres: string[];
  maturity: number;
  cert: string;
  popularity: number;
  rating?: number;
  tags?: string[];
  studios?: string[];
  networks?: string[];
  language?: string;
  audio?: { language: string; name: string; is_default: boolean }[];
  regions: string[];
  addedDaysAgo?: number;
  status?: 'released' | 'upcoming' | 'ended' | 'ongoing';
  publishState?: 'draft' | 'scheduled' | 'published';
  publishInDays?: number;
  availableInDays?: number;
  sub?: boolean;
  dub?: boolean;
  simulcast?: boolean;
}

export const FIXTURE_TITLES: FixtureTitle[] = [
  {
    id: 't-interstellar',
    type: 'film',
    name: 'Interstellar',
    synopsis: 'Explorers travel through a wormhole in space in an attempt to ensure the survival of humanity.',
    year: 2014,
    releaseDate: '2014-11-07',
    genres: ['sci-fi', 'drama'],
    maturity: 13,
    cert: 'PG-13',
    popularity: 95,
    rating: 4.6,
    tags: ['space', 'time travel'],
    studios: ['Paramount'],
    regions: ['US', 'GB'],
  },
  {
    id: 't-inception',
    type: 'film',
    name: 'Inception',
    synopsis: 'A thief who steals corporate secrets through dream-sharing technology is given one last job.',
    year: 2010,
    releaseDate: '2010-07-16',
    genres: ['sci-fi', 'action', 'thriller'],
    maturity: 13,
    cert: 'PG-13',
    popularity: 90,
    rating: 4.5,
    tags: ['dreams', 'heist'],
    studios: ['Warner Bros.'],
    regions: ['US', 'GB'],
  },
  {
    id: 't-dark-knight',
    type: 'film',
    name: 'The Dark Knight',
    synopsis: 'A masked vigilante faces a criminal mastermind who wants to watch the city burn.',
    year: 2008,
    releaseDate: '2008-07-18',
    genres: ['action', 'thriller'],
    maturity: 13,
    cert: 'PG-13',
    popularity: 88,
    rating: 4.7,
    tags: ['heist', 'vigilante'],
    studios: ['Warner Bros.'],
    regions: ['US'],
  },
  {
    id: 't-amelie',
    type: 'film',
    name: 'Amélie',
    originalName: 'Le Fabuleux Destin d’Amélie Poulain',
    synopsis: 'A shy waitress in Montmartre decides to change the lives of the people around her.',
    year: 2001,
    releaseDate: '2001-04-25',
    genres: ['comedy', 'romance'],
    maturity: 16,
    cert: 'R',
    popularity: 60,
    rating: 4.2,
    tags: ['paris'],
    studios: ['UGC'],
    language: 'fr',
    audio: [
      { language: 'fr', name: 'Français', is_default: true },
      { language: 'en', name: 'English', is_default: false },
    ],
    regions: ['US', 'FR'],
  },
  {
    id: 't-toy-story',
    type: 'film',
    name: 'Toy Story',
    synopsis: 'A cowboy doll is threatened when a new spaceman figure becomes the top toy in a boy’s room.',
    year: 1995,
    releaseDate: '1995-11-22',
    genres: ['animation', 'comedy', 'kids'],
    maturity: 0,
    cert: 'G',
    popularity: 80,
    rating: 4.4,
    tags: ['toys', 'friendship'],
    studios: ['Pixar'],
    regions: ['US', 'GB'],
  },
  {
    id: 't-up',
    type: 'film',
    name: 'Up',
    synopsis: 'An old balloon seller ties thousands of balloons to his house and flies away.',
    year: 2009,
    releaseDate: '2009-05-29',
    genres: ['animation', 'kids'],
    maturity: 7,
    cert: 'PG',
    popularity: 70,
    studios: ['Pixar'],
    tags: ['adventure', 'friendship'],
    regions: ['US'],
  },
  {
    id: 't-star-voyagers',
    type: 'series',
    name: 'Star Voyagers',
    synopsis: 'The crew of a deep-space cruiser explores the edge of the known galaxy.',
    year: 2019,
    releaseDate: '2019-03-01',
    genres: ['space-opera', 'drama'],
    maturity: 14,
    cert: 'TV-14',
    popularity: 75,
    rating: 3.9,
    tags: ['space', 'crew'],
    networks: ['Reel Originals'],
    regions: ['US', 'GB'],
    status: 'ongoing',
  },
  {
    id: 't-galaxy-pups',
    type: 'series',
    name: 'Galaxy Pups',
    synopsis: 'Three puppies pilot a tiny rocket between friendly planets.',
    year: 2022,
    genres: ['animation', 'kids', 'sci-fi'],
    maturity: 0,
    cert: 'TV-Y',
    popularity: 50,
    tags: ['space', 'friendship'],
    networks: ['Reel Kids'],
    regions: ['US'],
    addedDaysAgo: 3,
  },
  {
    id: 't-steel-titans',
    type: 'anime',
    name: 'Steel Titans',
    originalName: 'Kōtetsu no Kyojin',
    synopsis: 'Pilots of giant robots defend the last city against the titans.',
    year: 2021,
    genres: ['sci-fi', 'action'],
    maturity: 13,
    cert: 'TV-14',
    popularity: 72,
    tags: ['mecha'],
    language: 'ja',
    regions: ['US', 'JP'],
    sub: true,
    dub: true,
    simulcast: true,
    addedDaysAgo: 2,
    status: 'ongoing',
  },
  {
    id: 't-morning-tea',
    type: 'anime',
    name: 'Morning Tea',
    synopsis: 'Two friends open a tiny tea shop in a seaside town.',
    year: 2020,
    genres: ['comedy'],
    maturity: 7,
    cert: 'TV-PG',
    popularity: 30,
    tags: ['slice of life'],
    language: 'ja',
    regions: ['US'],
    sub: true,
  },
  {
    id: 't-moorland',
    type: 'series',
    name: 'Moorland',
    synopsis: 'A detective returns to the village where her sister disappeared.',
    year: 2023,
    genres: ['drama', 'thriller'],
    maturity: 15,
    cert: 'TV-MA',
    popularity: 85,
    networks: ['BBC'],
    regions: ['GB'],
  },
  {
    id: 't-secret-draft',
    type: 'film',
    name: 'Secret Draft',
    synopsis: 'Not ready yet.',
    year: 2026,
    genres: ['drama'],
    maturity: 0,
    cert: 'G',
    popularity: 99,
    regions: ['US'],
    publishState: 'draft',
  },
  {
    id: 't-future-film',
    type: 'film',
    name: 'Future Film',
    synopsis: 'Published, but not until the day after tomorrow.',
    year: 2026,
    genres: ['drama'],
    maturity: 0,
    cert: 'G',
    popularity: 98,
    regions: ['US'],
    publishInDays: 2,
  },
  {
    id: 't-next-frontier',
    type: 'film',
    name: 'Next Frontier',
    synopsis: 'The first crewed voyage to another star.',
    year: 2026,
    releaseDate: new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10),
    genres: ['sci-fi'],
    maturity: 13,
    cert: 'PG-13',
    popularity: 20,
    tags: ['space'],
    regions: ['US'],
    status: 'upcoming',
    availableInDays: 20,
  },
  {
    id: 't-interstellar-return',
    type: 'film',
    name: 'Interstellar: Return',
    synopsis: 'The explorers come home to a changed Earth.',
    year: 2024,
    releaseDate: '2024-05-01',
    genres: ['sci-fi', 'drama'],
    maturity: 13,
    cert: 'PG-13',
    popularity: 40,
    tags: ['space'],
    studios: ['Paramount'],
    regions: ['US', 'GB'],
  },
  {
    id: 't-night-terrors',
    type: 'film',
    name: 'Night Terrors',
    synopsis: 'Something knocks on the cabin door every night at three.',
    year: 2018,
    releaseDate: '2018-10-31',
    genres: ['thriller'],
    maturity: 18,
    cert: 'R',
    popularity: 65,
    rating: 3.1,
    regions: ['US'],
  },
];

/** Titles anyone may see (published, publication time passed). */
export const VISIBLE_IDS = FIXTURE_TITLES.filter((t) => !t.publishState && !t.publishInDays).map((t) => t.id);

export const PEOPLE = [
  { id: 'p-nolan', name: 'Christopher Nolan', knownFor: 'Directing' },
  { id: 'p-mcconaughey', name: 'Matthew McConaughey', knownFor: 'Acting' },
  { id: 'p-dicaprio', name: 'Leonardo DiCaprio', knownFor: 'Acting' },
  { id: 'p-bale', name: 'Christian Bale', knownFor: 'Acting' },
  { id: 'p-tautou', name: 'Audrey Tautou', knownFor: 'Acting' },
  { id: 'p-hanks', name: 'Tom Hanks', knownFor: 'Acting' },
  { id: 'p-tanaka', name: 'Aiko Tanaka', knownFor: 'Acting' },
  { id: 'p-horror', name: 'Mara Voss', knownFor: 'Directing' },
];

const CREDITS: {
  titleId: string;
  personId: string;
  role: 'cast' | 'director' | 'writer';
  character?: string;
  position: number;
}[] = [
  { titleId: 't-interstellar', personId: 'p-nolan', role: 'director', position: 0 },
  { titleId: 't-interstellar', personId: 'p-mcconaughey', role: 'cast', character: 'Cooper', position: 0 },
  { titleId: 't-inception', personId: 'p-nolan', role: 'director', position: 0 },
  { titleId: 't-inception', personId: 'p-dicaprio', role: 'cast', character: 'Cobb', position: 0 },
  { titleId: 't-dark-knight', personId: 'p-nolan', role: 'director', position: 0 },
  { titleId: 't-dark-knight', personId: 'p-bale', role: 'cast', character: 'Bruce Wayne', position: 0 },
  { titleId: 't-interstellar-return', personId: 'p-mcconaughey', role: 'cast', character: 'Cooper', position: 0 },
  { titleId: 't-amelie', personId: 'p-tautou', role: 'cast', character: 'Amélie Poulain', position: 0 },
  { titleId: 't-toy-story', personId: 'p-hanks', role: 'cast', character: 'Woody', position: 0 },
  { titleId: 't-steel-titans', personId: 'p-tanaka', role: 'cast', character: 'Rei', position: 0 },
  { titleId: 't-night-terrors', personId: 'p-horror', role: 'director', position: 0 },
  { titleId: 't-night-terrors', personId: 'p-bale', role: 'cast', character: 'The Caretaker', position: 1 },
];

const GENRES = [
  { slug: 'action', name: 'Action', parent: null },
  { slug: 'sci-fi', name: 'Sci-Fi', parent: null },
  { slug: 'space-opera', name: 'Space Opera', parent: 'sci-fi' },
  { slug: 'drama', name: 'Drama', parent: null },
  { slug: 'comedy', name: 'Comedy', parent: null },
  { slug: 'romance', name: 'Romance', parent: null },
  { slug: 'animation', name: 'Animation', parent: null },
  { slug: 'kids', name: 'Kids', parent: null },
  { slug: 'thriller', name: 'Thriller', parent: null },
];

const MEANINGS = [
  { rating: 'G', meaning: 'General audiences: all ages admitted', minAge: 0 },
  { rating: 'PG', meaning: 'Parental guidance suggested', minAge: 7 },
  {
    rating: 'PG-13',
    meaning: 'Parents strongly cautioned: some material may be inappropriate for children under 13',
    minAge: 13,
  },
  { rating: 'R', meaning: 'Restricted: under 17 requires an accompanying adult', minAge: 17 },
  { rating: 'TV-Y', meaning: 'All children', minAge: 0 },
  { rating: 'TV-PG', meaning: 'Parental guidance suggested', minAge: 7 },
  { rating: 'TV-14', meaning: 'Parents strongly cautioned', minAge: 14 },
  { rating: 'TV-MA', meaning: 'Mature audiences only', minAge: 17 },
];

const dayOf = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

/** Daily views: Inception picks up now, Interstellar was last week's hit; Moorland (GB only) leads GB. */
export const VIEWS: { titleId: string; region: string; daysAgo: number; views: number }[] = [
  { titleId: 't-inception', region: 'US', daysAgo: 0, views: 100 },
  { titleId: 't-inception', region: 'US', daysAgo: 1, views: 90 },
  { titleId: 't-interstellar', region: 'US', daysAgo: 5, views: 300 },
  { titleId: 't-interstellar', region: 'US', daysAgo: 6, views: 300 },
  { titleId: 't-interstellar', region: 'US', daysAgo: 0, views: 20 },
  { titleId: 't-toy-story', region: 'US', daysAgo: 0, views: 80 },
  { titleId: 't-dark-knight', region: 'US', daysAgo: 0, views: 70 },
  { titleId: 't-night-terrors', region: 'US', daysAgo: 0, views: 60 },
  { titleId: 't-steel-titans', region: 'US', daysAgo: 0, views: 50 },
  // Views recorded for a title that is not offered in the US must not put it in the US top 10.
  { titleId: 't-moorland', region: 'US', daysAgo: 0, views: 1000 },
  { titleId: 't-moorland', region: 'GB', daysAgo: 0, views: 900 },
  { titleId: 't-interstellar', region: 'GB', daysAgo: 0, views: 50 },
  // Old news: more than a week ago does not count for trending.
  { titleId: 't-amelie', region: 'US', daysAgo: 12, views: 5000 },
];

/** Writes the fixture catalog. Call `app.catalog.invalidate()` after changing it further. */
export async function insertFixtureCatalog(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const now = Date.now();
  await db.insert(genres).values(GENRES.map((g, i) => ({ ...g, description: `${g.name} titles`, position: i })));
  await db
    .insert(ratingMeanings)
    .values(MEANINGS.map((m) => ({ region: 'US', system: m.rating.startsWith('TV') ? 'TV' : 'MPA', ...m })));
  await db.insert(people).values(PEOPLE.map((p) => ({ ...p, biography: `${p.name} biography.` })));
  const characters = new Map<string, string[]>();
  for (const c of CREDITS) {
    const person = PEOPLE.find((p) => p.id === c.personId);
    characters.set(c.titleId, [...(characters.get(c.titleId) ?? []), person?.name ?? '', c.character ?? '']);
  }
  await db.insert(titles).values(
    FIXTURE_TITLES.map((t, i) => ({
      id: t.id,
      type: t.type,
      name: t.name,
      originalName: t.originalName ?? null,
      synopsis: t.synopsis,
      tagline: null,
      year: t.year,
      releaseDate: t.releaseDate ?? null,
      runtimeMinutes: t.type === 'film' ? 100 + i : 45,
      status: t.status ?? 'released',
      originalLanguage: t.language ?? 'en',
      audioLanguages: t.audio ?? [{ language: t.language ?? 'en', name: 'Original', is_default: true }],
      subtitleLanguages: [{ language: 'en', name: 'English', forced: false }],
      studios: t.studios ?? [],
      networks: t.networks ?? [],
      countries: ['US'],
      tags: t.tags ?? [],
      advisories: t.maturity >= 13 ? ['violence'] : [],
      maturityLevel: t.maturity,
      artworkSeed: i + 1,
      artworkColor: '#336699',
      popularity: t.popularity,
      ratingAverage: t.rating ?? null,
      ratingCount: t.rating ? 10 : 0,
      externalRatingAverage: t.rating ?? null,
      externalRatingCount: t.rating ? 10 : 0,
      hasSub: t.sub ?? false,
      hasDub: t.dub ?? false,
      simulcast: t.simulcast ?? false,
      hasPreview: t.type === 'film',
      trailerSeconds: t.type === 'film' ? 120 : null,
      publishState: t.publishState ?? 'published',
      publishAt: t.publishInDays ? new Date(now + t.publishInDays * DAY) : null,
      addedAt: new Date(now - (t.addedDaysAgo ?? 60 + i) * DAY),
      searchDocument: [
        t.name,
        t.originalName ?? '',
        t.synopsis,
        ...(t.tags ?? []),
        ...(characters.get(t.id) ?? []),
      ].join(' '),
    })),
  );
  await db
    .insert(titleGenres)
    .values(FIXTURE_TITLES.flatMap((t) => t.genres.map((genre, position) => ({ titleId: t.id, genre, position }))));
  await db.insert(certifications).values(
    FIXTURE_TITLES.map((t) => ({
      titleId: t.id,
      region: 'US',
      system: t.cert.startsWith('TV') ? 'TV' : 'MPA',
      rating: t.cert,
    })),
  );
  await db.insert(availability).values(
    FIXTURE_TITLES.flatMap((t) =>
      t.regions.map((region) => ({
        titleId: t.id,
        region,
        availableFrom: t.availableInDays ? new Date(now + t.availableInDays * DAY) : new Date(now - 400 * DAY),
        availableUntil: null,
      })),
    ),
  );
  await db.insert(credits).values(CREDITS.map((c) => ({ ...c, character: c.character ?? null })));
  await db
    .insert(titleRelations)
    .values([{ titleId: 't-interstellar', relatedId: 't-interstellar-return', relation: 'sequel' }]);

  // Star Voyagers: two seasons of three episodes; Galaxy Pups and Moorland: one season of two.
  const seasonRows: (typeof seasons.$inferInsert)[] = [];
  const episodeRows: (typeof episodes.$inferInsert)[] = [];
  const series: [string, number, number][] = [
    ['t-star-voyagers', 2, 3],
    ['t-galaxy-pups', 1, 2],
    ['t-moorland', 1, 2],
    ['t-steel-titans', 1, 6],
    ['t-morning-tea', 1, 2],
  ];
  for (const [titleId, seasonCount, perSeason] of series) {
    for (let s = 1; s <= seasonCount; s++) {
      seasonRows.push({ titleId, number: s, name: `Season ${s}`, year: 2019 + s });
      for (let e = 1; e <= perSeason; e++) {
        episodeRows.push({
          id: `${titleId}-s${s}e${e}`,
          titleId,
          seasonNumber: s,
          number: e,
          name: `Episode ${e}`,
          synopsis: `Episode ${e} of season ${s}.`,
          runtimeSeconds: 2700,
          airDate: `${2018 + s}-01-${String(e).padStart(2, '0')}`,
          filler: titleId === 't-steel-titans' ? (e === 3 ? 'filler' : e === 4 ? 'mixed' : 'canon') : null,
          arcId: titleId === 't-steel-titans' ? (e <= 3 ? 'arc-awakening' : 'arc-siege') : null,
        });
      }
    }
  }
  await db.insert(seasons).values(seasonRows);
  await db.insert(episodes).values(episodeRows);
  await db.insert(arcs).values([
    {
      id: 'arc-awakening',
      titleId: 't-steel-titans',
      name: 'Awakening',
      synopsis: 'The first titan wakes.',
      position: 1,
    },
    { id: 'arc-siege', titleId: 't-steel-titans', name: 'Siege', synopsis: 'The city under siege.', position: 2 },
    { id: 'arc-empty', titleId: 't-steel-titans', name: 'Epilogue', synopsis: 'Not aired yet.', position: 3 },
  ]);
  await db.insert(markers).values([
    { id: 'm1', titleId: 't-star-voyagers', episodeId: 't-star-voyagers-s1e1', kind: 'intro', start: 30, end: 90 },
    {
      id: 'm2',
      titleId: 't-star-voyagers',
      episodeId: 't-star-voyagers-s1e1',
      kind: 'credits',
      start: 2600,
      end: 2700,
    },
    { id: 'm3', titleId: 't-star-voyagers', episodeId: 't-star-voyagers-s1e2', kind: 'recap', start: 0, end: 40 },
  ]);

  await db.insert(collections).values([
    { slug: 'mind-benders', name: 'Mind Benders', description: 'Puzzles and twists.', position: 0, featured: true },
    { slug: 'family-night', name: 'Family Night', description: 'For everyone.', position: 1, featured: true },
    { slug: 'hidden-gems', name: 'Hidden Gems', description: 'Quiet favourites.', position: 2, featured: false },
  ]);
  await db.insert(collectionItems).values([
    { slug: 'mind-benders', titleId: 't-inception', position: 0 },
    { slug: 'mind-benders', titleId: 't-interstellar', position: 1 },
    { slug: 'mind-benders', titleId: 't-dark-knight', position: 2 },
    { slug: 'mind-benders', titleId: 't-night-terrors', position: 3 },
    { slug: 'mind-benders', titleId: 't-moorland', position: 4 },
    { slug: 'family-night', titleId: 't-toy-story', position: 0 },
    { slug: 'family-night', titleId: 't-up', position: 1 },
    { slug: 'family-night', titleId: 't-galaxy-pups', position: 2 },
    { slug: 'hidden-gems', titleId: 't-amelie', position: 0 },
  ]);
  await db
    .insert(titleViews)
    .values(VIEWS.map((v) => ({ titleId: v.titleId, region: v.region, day: dayOf(v.daysAgo), views: v.views })));
  app.catalog.invalidate();
}

/** Records watch progress for a profile (`minutesAgo` orders the rows). */
export async function watch(
  app: FastifyInstance,
  profileId: string,
  rows: {
    titleId: string;
    episodeId?: string;
    position: number;
    duration?: number;
    completed?: boolean;
    minutesAgo?: number;
  }[],
): Promise<void> {
  await app.db.insert(progress).values(
    rows.map((r) => ({
      profileId,
      titleId: r.titleId,
      episodeId: r.episodeId ?? '',
      position: r.position,
      duration: r.duration ?? 6000,
      completed: r.completed ?? false,
      updatedAt: new Date(Date.now() - (r.minutesAgo ?? 0) * 60_000),
    })),
  );
}
