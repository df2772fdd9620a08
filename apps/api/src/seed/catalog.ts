import type { PgTable } from 'drizzle-orm/pg-core';
import { collectionColor } from '../artwork/collection-art.js';
import { titleColor } from '../artwork/title-art.js';
import type { Db } from '../db/client.js';
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
  ratingMeanings,
  scheduleItems,
  seasons,
  titleGenres,
  titleRelations,
  titles,
  titleViews,
} from '../db/schema/index.js';
import { COMPANIONS, GENRES, type GenreDef } from './genres.js';
import { COUNTRIES_BY_LANGUAGE, CULTURES, type Culture, LANGUAGE_NAMES } from './people-names.js';
import { Rng } from './random.js';
import { ADVISORIES, certificationFor, type Maturity, RATING_MEANINGS, REGIONS, type Region } from './ratings.js';
import {
  ANIME_EPISODE_PATTERNS,
  ARC_PATTERNS,
  BLOCKLIST,
  EARLY_LIVES,
  EPISODE_ACTIONS,
  FAMILY_TEXT,
  type FamilyText,
  FILLER_SYNOPSES,
  NUMBER_WORDS,
  PLACES,
  RECOGNITIONS,
  SPACE_PLACES,
} from './text.js';

type TitleRow = typeof titles.$inferInsert & { id: string; name: string; type: 'film' | 'series' | 'anime' };
type EpisodeRow = typeof episodes.$inferInsert & { id: string };
type PersonRow = typeof people.$inferInsert & { id: string; name: string };

/** Every row of the demo catalog, by table, in insertion order. */
export interface Catalog {
  genres: (typeof genres.$inferInsert)[];
  titles: TitleRow[];
  titleGenres: (typeof titleGenres.$inferInsert)[];
  ratingMeanings: (typeof ratingMeanings.$inferInsert)[];
  certifications: (typeof certifications.$inferInsert)[];
  availability: (typeof availability.$inferInsert)[];
  seasons: (typeof seasons.$inferInsert)[];
  arcs: (typeof arcs.$inferInsert)[];
  episodes: EpisodeRow[];
  markers: (typeof markers.$inferInsert)[];
  people: PersonRow[];
  credits: (typeof credits.$inferInsert)[];
  titleRelations: (typeof titleRelations.$inferInsert)[];
  collections: (typeof collections.$inferInsert)[];
  collectionItems: (typeof collectionItems.$inferInsert)[];
  scheduleItems: (typeof scheduleItems.$inferInsert)[];
  titleViews: (typeof titleViews.$inferInsert)[];
}

const DAY = 86_400_000;
const REEL = 'Reel Originals';

const STUDIOS: Record<string, readonly string[]> = {
  en: [
    'Northlight Pictures',
    'Copperline Studios',
    'Halcyon Films',
    'Blue Heron Media',
    'Tidewater Entertainment',
    'Lumen & Vale',
    'Ironbark Films',
    'Solstice Studios',
    'Paper Lantern Films',
    'Foxglove Entertainment',
    'Red Kite Pictures',
    'Wide Angle Films',
    'Saltbox Studios',
    'Meridian Arc',
  ],
  anime: [
    'Studio Kaze',
    'Hoshizora Animation',
    'Studio Tsubame',
    'Aozora Works',
    'Kitsune Line',
    'Hikari Frame',
    'Studio Yūgure',
  ],
  es: ['Estudios Ámbar', 'Cine Marea', 'Películas Bravío', 'Luz del Sur Films'],
  fr: ['Les Films du Phare', 'Atelier Lumière', 'Studio Canopée'],
  de: ['Filmhaus Nord', 'Bergwerk Film', 'Lichtspiel Berlin'],
  ko: ['Hanbit Pictures', 'Dalbit Films'],
  'pt-BR': ['Tropicália Filmes', 'Ipê Produções'],
  it: ['Pellicola Rossa', 'Studio Fiume'],
  hi: ['Monsoon Pictures', 'Kesari Films'],
  sv: ['Nordljus Film'],
  ja: ['Tōhoku Eiga', 'Shiosai Pictures'],
};
const NETWORKS: Record<string, readonly string[]> = {
  en: ['Meridian TV', 'Atlas One', 'Kestrel Network', 'North Coast Broadcasting', 'Harbor Channel'],
  anime: ['TV Hoshi', 'Kōyō Broadcasting', 'Nami TV'],
  es: ['Canal Brisa', 'Onda Sur'],
  fr: ['Télé Lumière'],
  de: ['Kanal Nord'],
  ko: ['Hanul TV'],
  'pt-BR': ['Rede Aurora'],
  it: ['Rete Sole'],
  hi: ['Prism TV'],
  sv: ['Kanal Ek'],
  ja: ['Nami TV'],
};

/** Original-language title makers for non-English titles. */
const NATIVE: Record<string, (rng: Rng) => string> = {
  es: (r) => {
    const m = ['silencio', 'invierno', 'regreso', 'secreto', 'puerto', 'viaje', 'legado', 'testigo', 'verano', 'faro'];
    const f = ['marea', 'sombra', 'herencia', 'frontera', 'noche', 'promesa', 'huella', 'tormenta', 'orilla', 'casa'];
    const cap = (x: string) => x[0]?.toUpperCase() + x.slice(1);
    return r.pick([
      () => `El ${r.pick(m)}`,
      () => `La ${r.pick(f)}`,
      () => `${cap(r.pick(f))} en ${r.pick(PLACES)}`,
      () => `El ${r.pick(m)} de ${r.pick(PLACES)}`,
      () => `Después de la ${r.pick(f)}`,
    ])();
  },
  fr: (r) => {
    const m = ['silence', 'hiver', 'retour', 'secret', 'port', 'voyage', 'héritage', 'témoin', 'été', 'phare'];
    const f = ['marée', 'ombre', 'frontière', 'nuit', 'promesse', 'trace', 'tempête', 'rive', 'maison'];
    const art = (w: string, g: 'm' | 'f') => (/^[aeéiouh]/.test(w) ? `L'${w}` : `${g === 'm' ? 'Le' : 'La'} ${w}`);
    return r.pick([
      () => art(r.pick(m), 'm'),
      () => art(r.pick(f), 'f'),
      () => `${art(r.pick(f), 'f')} de ${r.pick(PLACES)}`,
    ])();
  },
  de: (r) =>
    r.pick([
      () => `Der ${r.pick(['Winter', 'Sturm', 'Hafen', 'Zeuge', 'Sommer', 'Leuchtturm'])}`,
      () => `Die ${r.pick(['Grenze', 'Nacht', 'Spur', 'Flut', 'Stille', 'Erbschaft'])}`,
      () => `Das ${r.pick(['Erbe', 'Versprechen', 'Haus', 'Schweigen', 'Ufer'])}`,
      () => `Nächte in ${r.pick(PLACES)}`,
    ])(),
  it: (r) =>
    r.pick([
      () => `Il ${r.pick(['silenzio', 'porto', 'segreto', 'viaggio', 'ritorno', 'testimone'])}`,
      () => `La ${r.pick(['marea', 'notte', 'promessa', 'frontiera', 'tempesta', 'casa'])}`,
      () => `L'${r.pick(['inverno', 'ombra', 'estate', 'eredità'])}`,
    ])(),
  'pt-BR': (r) =>
    r.pick([
      () => `O ${r.pick(['silêncio', 'inverno', 'segredo', 'porto', 'regresso', 'verão'])}`,
      () => `A ${r.pick(['maré', 'sombra', 'herança', 'fronteira', 'noite', 'promessa', 'tempestade', 'casa'])}`,
      () => `Noites em ${r.pick(PLACES)}`,
    ])(),
  sv: (r) => r.pick(['Tystnaden', 'Vintern', 'Hamnen', 'Arvet', 'Stormen', 'Natten', 'Fyren', 'Strömmen']),
  ja: (r) => {
    const nouns = [
      'Hoshi',
      'Kaze',
      'Sora',
      'Tsuki',
      'Hikari',
      'Kage',
      'Yume',
      'Tsurugi',
      'Hana',
      'Umi',
      'Honoo',
      'Kioku',
      'Mirai',
      'Yoru',
      'Kanata',
      'Uta',
      'Tabi',
      'Tsubasa',
    ];
    const a = r.pick(nouns);
    let b = r.pick(nouns);
    if (b === a) b = 'Yoake';
    return r.pick([
      () => `${a} no ${b}`,
      () => `${a} Senki`,
      () => `${a} Gakuen`,
      () => `${a} Monogatari`,
      () => `${a} to ${b}`,
      () => `Shūmatsu no ${a}`,
    ])();
  },
};

const NATIONALITY: Record<string, string> = {
  USA: 'American',
  UK: 'British',
  Ireland: 'Irish',
  Canada: 'Canadian',
  Australia: 'Australian',
  'New Zealand': 'New Zealand',
  Spain: 'Spanish',
  Mexico: 'Mexican',
  Argentina: 'Argentine',
  Colombia: 'Colombian',
  Japan: 'Japanese',
  Germany: 'German',
  Austria: 'Austrian',
  France: 'French',
  Belgium: 'Belgian',
  Brazil: 'Brazilian',
  'South Korea': 'South Korean',
  Italy: 'Italian',
  India: 'Indian',
  Sweden: 'Swedish',
};

const REGION_SIZE: Record<Region, number> = {
  US: 1,
  GB: 0.34,
  ES: 0.22,
  DE: 0.3,
  JP: 0.32,
  BR: 0.3,
  MX: 0.24,
  FR: 0.27,
};
const HOME_REGIONS: Record<string, readonly Region[]> = {
  en: ['US', 'GB'],
  es: ['ES', 'MX'],
  ja: ['JP'],
  de: ['DE'],
  fr: ['FR'],
  'pt-BR': ['BR'],
  ko: [],
  it: [],
  hi: [],
  sv: [],
};

interface Pronouns {
  they: string;
  their: string;
  them: string;
  themself: string;
  have: string;
  verb: (plural: string, singular: string) => string;
}
const PRONOUNS: Record<'f' | 'm' | 'x', Pronouns> = {
  f: { they: 'she', their: 'her', them: 'her', themself: 'herself', have: 'has', verb: (_p, s) => s },
  m: { they: 'he', their: 'his', them: 'him', themself: 'himself', have: 'has', verb: (_p, s) => s },
  x: { they: 'they', their: 'their', them: 'them', themself: 'themself', have: 'have', verb: (p) => p },
};

const cap = (s: string) => (s ? (s[0]?.toUpperCase() ?? '') + s.slice(1) : s);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function pronounify(text: string, p: Pronouns): string {
  return text
    .replace(/\{They\}/g, cap(p.they))
    .replace(/\{they\}/g, p.they)
    .replace(/\{their\}/g, p.their)
    .replace(/\{them\}/g, p.them)
    .replace(/\{themself\}/g, p.themself)
    .replace(/\{have\}/g, p.have);
}

interface Character {
  given: string;
  surname: string;
  full: string;
  gender: 'f' | 'm';
}

/** The plan of one title before its rows are written. */
interface Draft {
  row: TitleRow;
  family: string;
  text: FamilyText;
  genreSlugs: string[];
  culture: Culture;
  maturity: Maturity;
  characters: Character[];
  base: number;
  rising: boolean;
  regions: Region[];
  availableFrom: number;
  until: Map<Region, number>;
  original: boolean;
  franchiseOf?: Draft;
  sequelNumber?: number;
}

/**
 * Builds the demo catalog in memory. Pure: the same seed and day give the same rows, ids
 * included. Dates are relative to the UTC day of `now` (schedules, views, "new this week").
 */
export function buildCatalog(seed: number, now: Date): Catalog {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const thisYear = new Date(today).getUTCFullYear();
  const R = (stream: string) => new Rng(seed, stream);
  const rPlan = R('plan');
  const rTitle = R('titles');
  const rIds = R('ids');
  const rPeople = R('people');
  const rEp = R('episodes');
  const rViews = R('views');

  const out: Catalog = {
    genres: [],
    titles: [],
    titleGenres: [],
    ratingMeanings: RATING_MEANINGS.map((m) => ({ ...m })),
    certifications: [],
    availability: [],
    seasons: [],
    arcs: [],
    episodes: [],
    markers: [],
    people: [],
    credits: [],
    titleRelations: [],
    collections: [],
    collectionItems: [],
    scheduleItems: [],
    titleViews: [],
  };

  // ---- Genres -------------------------------------------------------------------------------
  const positions = new Map<string, number>();
  for (const g of GENRES) {
    const key = g.parent ?? '';
    const pos = positions.get(key) ?? 0;
    positions.set(key, pos + 1);
    out.genres.push({ slug: g.slug, name: g.name, description: g.description, parent: g.parent, position: pos });
  }
  const bySlug = new Map(GENRES.map((g) => [g.slug, g]));
  const genreName = (slug: string) => bySlug.get(slug)?.name ?? slug;

  // ---- Plan: which titles, of which type and primary genre ----------------------------------
  type Slot = { type: 'film' | 'series' | 'anime'; genre: GenreDef };
  const slots: Slot[] = [];
  const animeSubs = GENRES.filter((g) => g.parent === 'anime');
  for (let i = 0; i < 40; i++) slots.push({ type: 'anime', genre: animeSubs[i % animeSubs.length] as GenreDef });
  const forType = (type: 'film' | 'series') =>
    GENRES.filter((g) => g.types[type] > 0 && g.slug !== 'anime' && g.parent !== 'anime');
  const seriesGenres = forType('series');
  const filmGenres = forType('film');
  // Every genre is some title's primary genre at least once; the rest by weight.
  for (const g of rPlan.shuffle(seriesGenres)) slots.push({ type: 'series', genre: g });
  while (slots.filter((s) => s.type === 'series').length < 74) {
    slots.push({
      type: 'series',
      genre: rPlan.weighted(seriesGenres.map((g) => [g, g.types.series * (g.parent ? 1 : 2)] as const)),
    });
  }
  for (const g of rPlan.shuffle(filmGenres)) slots.push({ type: 'film', genre: g });
  for (let i = 0; i < 6; i++) slots.push({ type: 'film', genre: animeSubs[i % animeSubs.length] as GenreDef });
  while (slots.length < 232) {
    slots.push({
      type: 'film',
      genre: rPlan.weighted(filmGenres.map((g) => [g, g.types.film * (g.parent ? 1 : 2)] as const)),
    });
  }
  const plan = rPlan.shuffle(slots);

  // ---- People -------------------------------------------------------------------------------
  interface PersonPlan {
    row: PersonRow;
    culture: Culture;
    gender: 'f' | 'm';
    dept: 'Acting' | 'Directing' | 'Writing' | 'Sound' | 'Production';
    careerStart: number;
    fame: number;
    credits: { titleId: string; year: number; role: string; character: string | null }[];
  }
  const pool: PersonPlan[] = [];
  const usedPersonNames = new Set<string>();
  const personName = (culture: Culture, gender: 'f' | 'm', r: Rng) => {
    for (let i = 0; i < 40; i++) {
      const given = r.pick(gender === 'f' ? culture.female : culture.male);
      const sur = r.pick(culture.surnames);
      const name = culture.surnameFirst ? `${sur} ${given}` : `${given} ${sur}`;
      if (!usedPersonNames.has(name)) {
        usedPersonNames.add(name);
        return name;
      }
    }
    const given = r.pick(gender === 'f' ? culture.female : culture.male);
    const name = `${given} ${r.pick(culture.surnames)}-${r.pick(culture.surnames)}`;
    usedPersonNames.add(name);
    return name;
  };
  const castingCulture = (culture: Culture, r: Rng): Culture => {
    if (culture.key === 'en' && r.chance(0.16))
      return CULTURES[r.pick(['es', 'ko', 'fr', 'hi', 'ja', 'de', 'it', 'pt-BR'])] ?? culture;
    if (culture.key !== 'en' && r.chance(0.08)) return CULTURES.en ?? culture;
    return culture;
  };
  const choosePerson = (
    dept: PersonPlan['dept'],
    culture: Culture,
    year: number,
    exclude: Set<string>,
    reuse: number,
  ): PersonPlan => {
    if (rPeople.chance(reuse)) {
      const candidates = pool.filter(
        (p) =>
          p.dept === dept &&
          p.culture.key === culture.key &&
          year >= p.careerStart &&
          year <= p.careerStart + 48 &&
          !exclude.has(p.row.id),
      );
      if (candidates.length > 0) return rPeople.weighted(candidates.map((c) => [c, c.fame] as const));
    }
    const gender = rPeople.chance(dept === 'Acting' ? 0.5 : 0.42) ? 'f' : 'm';
    const careerStart = Math.max(1940, year - rPeople.int(0, dept === 'Acting' ? 14 : 20));
    const age = dept === 'Acting' ? rPeople.int(17, 30) : rPeople.int(23, 36);
    const birthYear = careerStart - age;
    const birth = Date.UTC(birthYear, rPeople.int(0, 11), rPeople.int(1, 28));
    const plan: PersonPlan = {
      row: {
        id: rIds.id('per'),
        name: personName(culture, gender, rPeople),
        biography: '',
        birthDate: isoDate(birth),
        birthPlace: rPeople.pick(culture.places),
        knownFor: dept,
        photoSeed: rPeople.seed(),
      },
      culture,
      gender,
      dept,
      careerStart,
      fame: rPeople.chance(0.12) ? rPeople.float(4, 9) : rPeople.float(0.5, 2),
      credits: [],
    };
    pool.push(plan);
    return plan;
  };

  // ---- Titles -------------------------------------------------------------------------------
  const usedNames = new Set<string>();
  const patternUse = new Map<string, number>();
  const distinctive = (pattern: string) =>
    pattern
      .replace(/\{\w+\}/g, ' ')
      .split(/[\s:/]+/)
      .filter((w) => w.length > 3).length >= 1;
  const drafts: Draft[] = [];
  const fill = (template: string, text: FamilyText, culture: Culture, r: Rng, cast?: readonly Character[]) => {
    const nouns = text.nouns;
    let N = r.pick(nouns);
    let M = r.pick(nouns);
    if (M === N) M = r.pick(nouns);
    if (M === N) N = r.pick(nouns);
    return template
      .replace('{A}', r.pick(text.adjectives))
      .replace('{N}', N)
      .replace('{M}', M)
      .replace('{P}', r.pick(PLACES))
      .replace('{SP}', r.pick(SPACE_PLACES))
      .replace('{F2}', cast?.[1]?.given ?? r.pick(r.chance(0.5) ? culture.female : culture.male))
      .replace('{F}', cast?.[0]?.given ?? r.pick(r.chance(0.5) ? culture.female : culture.male))
      .replace('{S}', cast?.[0]?.surname ?? r.pick(culture.surnames))
      .replace('{X}', r.pick(NUMBER_WORDS))
      .replace(/\b([Aa]) ([AEIOUaeiou])/g, '$1n $2');
  };
  const uniqueName = (make: () => string) => {
    for (let i = 0; i < 80; i++) {
      const name = cap(make().replace(/\s+/g, ' ').trim());
      const key = name.toLowerCase();
      const words = key.split(/[\s:/—-]+/).filter((w) => w.length > 3);
      if (new Set(words).size !== words.length) continue;
      if (!usedNames.has(key) && !BLOCKLIST.has(key)) {
        usedNames.add(key);
        return name;
      }
    }
    const name = `${make()} ${rTitle.int(2, 9)}`;
    usedNames.add(name.toLowerCase());
    return name;
  };

  const pickLanguage = (type: Slot['type'], family: string): string => {
    if (type === 'anime' || family === 'anime') return 'ja';
    if (family === 'western') return rTitle.chance(0.85) ? 'en' : 'es';
    return rTitle.weighted([
      ['en', 60],
      ['es', 9],
      ['fr', 5],
      ['de', 4],
      ['ko', 6],
      ['ja', 3],
      ['pt-BR', 4],
      ['it', 3],
      ['hi', 3],
      ['sv', 3],
    ] as const);
  };

  const MATURITY_BY_FAMILY: Record<string, readonly (readonly [Maturity, number])[]> = {
    family: [
      [0, 5],
      [7, 3],
    ],
    animation: [
      [0, 3],
      [7, 3],
      [10, 1],
    ],
    anime: [
      [7, 1],
      [10, 3],
      [13, 4],
      [16, 2],
    ],
    horror: [
      [16, 3],
      [18, 2],
    ],
    crime: [
      [13, 2],
      [16, 3],
      [18, 1],
    ],
    thriller: [
      [13, 3],
      [16, 3],
      [18, 1],
    ],
    comedy: [
      [7, 1],
      [10, 2],
      [13, 3],
      [16, 1],
    ],
    romance: [
      [10, 2],
      [13, 3],
      [16, 1],
    ],
    documentary: [
      [0, 2],
      [10, 2],
      [13, 2],
    ],
    war: [
      [13, 1],
      [16, 3],
      [18, 1],
    ],
    action: [
      [13, 3],
      [16, 3],
      [18, 1],
    ],
    music: [
      [0, 1],
      [10, 2],
      [13, 2],
    ],
    adventure: [
      [7, 1],
      [10, 3],
      [13, 3],
    ],
    sports: [
      [7, 1],
      [10, 2],
      [13, 2],
    ],
  };
  const DEFAULT_MATURITY: readonly (readonly [Maturity, number])[] = [
    [10, 2],
    [13, 4],
    [16, 2],
  ];

  const pickYear = (type: Slot['type']): number => {
    const r = rTitle.next();
    if (type !== 'film') {
      if (r < 0.7) return rTitle.int(2016, thisYear);
      if (r < 0.92) return rTitle.int(2000, 2015);
      return rTitle.int(1975, 1999);
    }
    if (r < 0.55) return rTitle.int(2015, thisYear);
    if (r < 0.82) return rTitle.int(1990, 2014);
    return rTitle.int(1950, 1989);
  };

  const makeCharacters = (culture: Culture, count: number, family: string, r: Rng): Character[] => {
    const chars: Character[] = [];
    const given = new Set<string>();
    for (let i = 0; i < count; i++) {
      const c = i < 2 || r.chance(0.8) ? culture : castingCulture(culture, r);
      const gender = r.chance(0.5) ? 'f' : 'm';
      let first = r.pick(gender === 'f' ? c.female : c.male);
      for (let k = 0; k < 5 && given.has(first); k++) first = r.pick(gender === 'f' ? c.female : c.male);
      given.add(first);
      const sur = r.pick(c.surnames);
      let full = c.surnameFirst ? `${sur} ${first}` : `${first} ${sur}`;
      if (i > 0 && r.chance(0.18)) {
        const titleWord =
          family === 'crime' || family === 'thriller'
            ? r.pick(['Detective', 'Sergeant', 'Inspector', 'Agent'])
            : family === 'sci-fi'
              ? r.pick(['Captain', 'Commander', 'Dr.', 'Lieutenant'])
              : family === 'fantasy' || family === 'history'
                ? r.pick(['Lord', 'Lady', 'Queen', 'Brother'])
                : r.pick(['Dr.', 'Professor', 'Coach', 'Aunt']);
        const fixed =
          titleWord === 'Lady' || titleWord === 'Queen' || titleWord === 'Aunt'
            ? 'f'
            : titleWord === 'Lord' || titleWord === 'Brother'
              ? 'm'
              : gender;
        if (fixed === gender) full = `${titleWord} ${c.surnameFirst ? sur : `${first} ${sur}`}`;
      }
      chars.push({ given: first, surname: sur, full, gender });
    }
    return chars;
  };

  const synopsisFor = (d: { text: FamilyText; family: string; characters: Character[] }, r: Rng): string => {
    const t = d.text;
    const setup = t.setups.length ? r.pick(t.setups) : '';
    const lead = d.family === 'documentary' ? undefined : d.characters[0];
    // Heroes marked (f) or (m) only go with a lead of that gender.
    const heroes = t.heroes.filter((h) => !/\((f|m)\)$/.test(h) || (lead && h.endsWith(`(${lead.gender})`)));
    const hero = r.pick(heroes.length ? heroes : t.heroes).replace(/ \((f|m)\)$/, '');
    const incident = r.pick(t.incidents);
    const closer = r.pick(t.closers);
    const place = r.pick(PLACES);
    const sp = r.pick(SPACE_PLACES);
    const p = PRONOUNS[lead?.gender ?? 'x'];
    let sentence: string;
    if (!lead) {
      sentence = `${setup} ${hero} ${incident}.`;
    } else {
      const goal = r.pick(t.goals);
      const stakes = r.pick(t.stakes);
      sentence = r.chance(0.6)
        ? `${setup} ${lead.full}, ${hero}, ${incident}. ${cap(p.they)} ${goal} ${stakes}.`
        : `When ${lead.full}, ${hero}, ${incident}, ${p.they} ${goal} ${stakes}.`;
    }
    return pronounify(`${sentence} ${closer}`, p)
      .replace(/\{P\}/g, place)
      .replace(/\{SP\}/g, sp)
      .replace(/\s+/g, ' ')
      .trim();
  };

  const newThisWeek = new Set<number>();
  const upcoming = new Set<number>();
  const leaving = new Set<number>();
  const leftRecently = new Set<number>();
  const drafted = new Set<number>();
  {
    const idx = rPlan.shuffle(plan.map((_, i) => i));
    for (const i of idx.slice(0, 14)) newThisWeek.add(i);
    for (const i of idx.slice(14, 30)) upcoming.add(i);
    for (const i of idx.slice(30, 40)) leaving.add(i);
    for (const i of idx.slice(42, 45)) leftRecently.add(i);
    for (const i of idx.slice(45, 47)) drafted.add(i);
  }

  const makeTitle = (
    slot: Slot,
    index: number,
    parent?: { base: Draft; relation: 'sequel' | 'remake' | 'spin_off' | 'same_universe'; number: number },
  ): Draft => {
    const genre = slot.genre;
    const family = genre.parent ?? genre.slug;
    const text = FAMILY_TEXT[family] ?? (FAMILY_TEXT.drama as FamilyText);
    const type = slot.type;
    const language =
      parent && parent.relation !== 'remake' ? (parent.base.row.originalLanguage ?? 'en') : pickLanguage(type, family);
    const culture = CULTURES[language] ?? (CULTURES.en as Culture);
    const isUpcoming = upcoming.has(index);
    let year = parent ? Math.min(thisYear, (parent.base.row.year ?? thisYear) + rTitle.int(2, 5)) : pickYear(type);
    if (parent?.relation === 'remake') year = rTitle.int(Math.max(2008, (parent.base.row.year ?? 1980) + 25), thisYear);
    if (isUpcoming) year = rTitle.chance(0.8) ? thisYear : thisYear + 1;
    if (newThisWeek.has(index) && rTitle.chance(0.6)) year = thisYear;

    // Genres: family first, then the sub-genre, then one or two companions.
    const genreSlugs: string[] = [];
    if (genre.parent) genreSlugs.push(genre.parent);
    genreSlugs.push(genre.slug);
    const companions = rTitle.sample(COMPANIONS[family] ?? [], rTitle.int(1, 2));
    for (const c of companions) {
      if (genreSlugs.includes(c) || genreSlugs.length >= 4) continue;
      const subs = GENRES.filter(
        (g) => g.parent === c && (g.types[type === 'anime' ? 'anime' : type] > 0 || type === 'anime'),
      );
      genreSlugs.push(c);
      if (subs.length && rTitle.chance(0.25) && type !== 'anime' && family !== 'documentary' && genreSlugs.length < 4) {
        const sub = rTitle.pick(subs);
        if (!genreSlugs.includes(sub.slug)) genreSlugs.push(sub.slug);
      }
    }
    if (type === 'film' && family === 'anime' && !genreSlugs.includes('animation')) {
      if (genreSlugs.length >= 4) genreSlugs.pop();
      genreSlugs.push('animation');
    }

    let maturity: Maturity =
      genre.slug === 'kids'
        ? rTitle.pick([0, 0, 7] as const)
        : rTitle.weighted(MATURITY_BY_FAMILY[family] ?? DEFAULT_MATURITY);
    // A family film stays family-friendly whatever its other genres.
    if (genreSlugs.some((g) => g === 'family' || g === 'kids') && maturity > 10) maturity = 10;
    const castCount = type === 'film' ? rTitle.int(6, 11) : type === 'anime' ? rTitle.int(5, 8) : rTitle.int(6, 10);
    let characters = makeCharacters(culture, castCount, family, rTitle);
    if (parent && parent.relation !== 'remake' && parent.relation !== 'spin_off') {
      // Sequels keep their heroes.
      characters = [...parent.base.characters.slice(0, 3), ...characters.slice(3)];
    }
    if (parent?.relation === 'spin_off') {
      const hero = parent.base.characters[rTitle.int(1, Math.min(3, parent.base.characters.length - 1))];
      if (hero) characters = [hero, ...characters.slice(1)];
    }

    let name: string;
    let originalName: string | null = null;
    if (parent?.relation === 'sequel') {
      const baseName = parent.base.row.name.replace(/:.*$/, '').replace(/ (II|III|IV)$/, '');
      name = uniqueName(() =>
        rTitle.chance(0.5)
          ? `${baseName} ${['', '', 'II', 'III', 'IV'][parent.number] ?? 'II'}`
          : `${baseName}: ${fill(rTitle.pick(['{A} {N}', 'The {N}', 'Return to {P}', '{N}', 'Rise of the {N}']), text, culture, rTitle)}`,
      );
    } else if (parent?.relation === 'remake') {
      name = parent.base.row.name;
    } else if (parent?.relation === 'spin_off') {
      const hero = characters[0];
      name = uniqueName(() =>
        rTitle.chance(0.5) && hero ? hero.full : `${parent.base.row.name.replace(/:.*$/, '')}: ${rTitle.pick(PLACES)}`,
      );
    } else {
      name = uniqueName(() => {
        // Distinctive patterns ("Reborn as a … in Another World") at most twice in the catalog.
        let pattern = rTitle.pick(text.patterns);
        for (let k = 0; k < 10 && (patternUse.get(pattern) ?? 0) >= 2 && distinctive(pattern); k++)
          pattern = rTitle.pick(text.patterns);
        patternUse.set(pattern, (patternUse.get(pattern) ?? 0) + 1);
        return fill(pattern, text, culture, rTitle, characters);
      });
    }
    if (parent?.relation === 'remake') usedNames.add(name.toLowerCase());
    if (language !== 'en' && NATIVE[language] && !parent) originalName = NATIVE[language]?.(rTitle) ?? null;
    if (parent && parent.relation !== 'remake') originalName = parent.base.row.originalName ?? null;

    const status: TitleRow['status'] = isUpcoming
      ? 'upcoming'
      : type === 'film'
        ? 'released'
        : rTitle.chance(type === 'anime' ? 0.35 : 0.32) || newThisWeek.has(index)
          ? 'ongoing'
          : 'ended';
    const anime = type === 'anime' || family === 'anime';
    const runtime =
      type === 'film'
        ? family === 'family' || family === 'animation' || genre.slug === 'kids'
          ? rTitle.int(78, 102)
          : family === 'documentary'
            ? rTitle.int(82, 112)
            : genre.slug === 'epic-fantasy' || family === 'war' || family === 'history'
              ? rTitle.int(128, 176)
              : rTitle.int(88, 148)
        : type === 'anime'
          ? 24
          : genre.slug === 'kids'
            ? rTitle.int(11, 14)
            : genre.slug === 'sitcom' || family === 'comedy' || genre.slug === 'adult-animation'
              ? rTitle.int(22, 32)
              : rTitle.int(42, 62);

    const original = !anime && !parent && (type === 'series' ? rTitle.chance(0.28) : rTitle.chance(0.12));
    const studioKey = anime ? 'anime' : STUDIOS[language] ? language : 'en';
    const studioList = [...(STUDIOS[studioKey] ?? [])];
    const studios = original ? [REEL, rTitle.pick(studioList)] : rTitle.sample(studioList, rTitle.chance(0.25) ? 2 : 1);
    const networks =
      type === 'film'
        ? original
          ? [REEL]
          : []
        : original
          ? [REEL]
          : [rTitle.pick(NETWORKS[anime ? 'anime' : NETWORKS[language] ? language : 'en'] ?? ['Meridian TV'])];
    const countryList = COUNTRIES_BY_LANGUAGE[language] ?? ['US'];
    const countries = [
      ...new Set([
        rTitle.pick(countryList),
        ...(rTitle.chance(0.15) ? [rTitle.pick(['US', 'GB', 'FR', 'DE', 'ES', 'CA'])] : []),
      ]),
    ];

    const companionTexts = genreSlugs
      .slice(1)
      .map((g) => FAMILY_TEXT[bySlug.get(g)?.parent ?? g])
      .filter((x): x is FamilyText => !!x && x !== text);
    const otherTags = [...new Set(companionTexts.flatMap((t) => t.tags))].filter((t) => !text.tags.includes(t));
    const otherMoods = [...new Set(companionTexts.flatMap((t) => t.moods))].filter((m) => !text.moods.includes(m));
    const tags = [
      ...rTitle.sample(text.tags, rTitle.int(2, 3)),
      ...(otherTags.length && rTitle.chance(0.4) ? [rTitle.pick(otherTags)] : []),
    ];
    if (anime && status === 'ongoing' && !tags.includes('Simulcast')) tags.push('Simulcast');
    if (!anime) {
      const i = tags.indexOf('Simulcast');
      if (i >= 0) tags.splice(i, 1);
    }
    if (maturity > 7) {
      const k = tags.indexOf('For Young Kids');
      if (k >= 0) tags.splice(k, 1);
    }
    if (maturity <= 7 && !tags.includes('Family Friendly')) tags.push('Family Friendly');
    const moods = [
      ...rTitle.sample(text.moods, otherMoods.length && rTitle.chance(0.35) ? 1 : 2),
      ...(otherMoods.length ? [rTitle.pick(otherMoods)] : []),
    ].slice(0, 2);
    const advisoryPool = ADVISORIES[maturity];
    const advisories = rTitle.sample(
      advisoryPool,
      maturity === 0 ? 0 : rTitle.int(1, Math.min(3, advisoryPool.length)),
    );

    const audio = [{ language, name: LANGUAGE_NAMES[language] ?? language, is_default: true }];
    const dubs = anime ? ['en', 'es-MX', 'pt-BR', 'de', 'fr'] : ['en', 'es', 'es-MX', 'fr', 'de', 'pt-BR', 'ja', 'it'];
    const hasDub = anime ? rTitle.chance(0.6) : true;
    if (hasDub) {
      const dubCount = anime ? rTitle.int(1, 3) : rTitle.int(2, 5);
      for (const l of rTitle.sample(
        dubs.filter((l) => l !== language),
        dubCount,
      )) {
        audio.push({ language: l, name: LANGUAGE_NAMES[l] ?? l, is_default: false });
      }
      if (!anime && language !== 'en' && !audio.some((a) => a.language === 'en'))
        audio.push({ language: 'en', name: 'English', is_default: false });
    }
    const subtitleLangs = ['en', 'es', 'es-MX', 'fr', 'de', 'pt-BR', 'ja', 'it', 'ar', 'ko'];
    const subtitles = rTitle
      .sample(subtitleLangs, rTitle.int(4, 9))
      .sort((a, b) => subtitleLangs.indexOf(a) - subtitleLangs.indexOf(b))
      .map((l) => ({ language: l, name: LANGUAGE_NAMES[l] ?? l, forced: false }));
    if (!subtitles.some((s) => s.language === 'en'))
      subtitles.unshift({ language: 'en', name: 'English', forced: false });
    if (rTitle.chance(0.15) && language === 'en')
      subtitles.push({ language: 'en', name: 'English (forced narrative)', forced: true });

    // When it arrived: long ago, this week, or in the coming weeks.
    let addedAt: number;
    if (isUpcoming) addedAt = today + rTitle.int(2, 34) * DAY + 8 * 3600_000;
    else if (newThisWeek.has(index)) addedAt = today - rTitle.int(0, 6) * DAY + 8 * 3600_000;
    else addedAt = today - rTitle.int(8, 900) * DAY + rTitle.int(0, 23) * 3600_000;
    let releaseDate: string;
    if (isUpcoming || (newThisWeek.has(index) && year === thisYear)) releaseDate = isoDate(addedAt);
    else {
      const d = Date.UTC(year, rTitle.int(0, 11), rTitle.int(1, 28));
      releaseDate = isoDate(Math.min(d, addedAt));
    }
    if (Number(releaseDate.slice(0, 4)) !== year) year = Number(releaseDate.slice(0, 4));

    const rating = isUpcoming ? null : Math.round(Math.min(4.9, Math.max(2.1, rTitle.normal(3.7, 0.45))) * 10) / 10;
    const base =
      Math.max(8, Math.exp(rTitle.normal(4.4, 0.95))) *
      (rating ? (rating / 3.6) ** 2 : 1) *
      (year < 1990 ? 0.5 : 1) *
      (original ? 1.6 : 1);
    const artworkSeed = rTitle.seed();
    const genrePairs = genreSlugs.map((g) => ({ slug: g, parent: bySlug.get(g)?.parent ?? null }));

    const row: TitleRow = {
      id: rIds.id('ttl'),
      type,
      name,
      originalName,
      tagline: rTitle.chance(0.85) ? rTitle.pick(text.taglines).replace(/\{P\}/g, rTitle.pick(PLACES)) : null,
      synopsis: '',
      year,
      releaseDate,
      runtimeMinutes: runtime,
      status,
      originalLanguage: language,
      audioLanguages: audio,
      subtitleLanguages: subtitles,
      studios,
      networks,
      countries,
      tags,
      moods,
      advisories,
      maturityLevel: maturity,
      artworkSeed,
      artworkColor: titleColor(genrePairs, artworkSeed),
      popularity: 0,
      ratingAverage: rating,
      ratingCount: rating ? Math.round(base * rTitle.float(3, 14)) : 0,
      // The catalog's ratings are the base; the seeded reviews are added to them (seed/reviews.ts).
      externalRatingAverage: rating,
      hasSub: anime,
      hasDub: anime && hasDub,
      simulcast: type === 'anime' && status === 'ongoing',
      hasPreview: !isUpcoming && rTitle.chance(0.8),
      trailerSeconds: rTitle.chance(0.85) ? rTitle.int(62, 158) : null,
      publishState: drafted.has(index) ? 'draft' : 'published',
      publishAt: null,
      addedAt: new Date(addedAt),
      updatedAt: new Date(addedAt),
      searchDocument: '',
    };
    row.externalRatingCount = row.ratingCount;
    const draft: Draft = {
      row,
      family,
      text,
      genreSlugs,
      culture,
      maturity,
      characters,
      base,
      rising: rTitle.chance(0.1),
      regions: [],
      availableFrom: addedAt,
      until: new Map(),
      original,
      ...(parent ? { franchiseOf: parent.base, sequelNumber: parent.number } : {}),
    };
    row.synopsis = synopsisFor(draft, rTitle);
    drafts.push(draft);
    return draft;
  };

  const relate = (a: string, b: string, relation: 'sequel' | 'prequel' | 'spin_off' | 'remake' | 'same_universe') => {
    if (!out.titleRelations.some((r) => r.titleId === a && r.relatedId === b))
      out.titleRelations.push({ titleId: a, relatedId: b, relation });
  };

  // Walk the plan; some films grow into franchises, some series get spin-offs.
  let slotIndex = 0;
  const franchiseFamilies = new Set([
    'action',
    'sci-fi',
    'fantasy',
    'family',
    'horror',
    'adventure',
    'comedy',
    'animation',
  ]);
  while (slotIndex < plan.length) {
    const slot = plan[slotIndex] as Slot;
    const index = slotIndex++;
    const d = makeTitle(slot, index);
    const family = slot.genre.parent ?? slot.genre.slug;
    if (
      slot.type === 'film' &&
      franchiseFamilies.has(family) &&
      !upcoming.has(index) &&
      (d.row.year ?? 0) < thisYear - 3 &&
      rPlan.chance(0.22)
    ) {
      let prev = d;
      const count = rPlan.chance(0.35) ? 2 : 1;
      for (let k = 0; k < count && slotIndex < plan.length; k++) {
        const seqIndex = slotIndex++;
        const seq = makeTitle({ type: 'film', genre: slot.genre }, seqIndex, {
          base: d,
          relation: 'sequel',
          number: k + 2,
        });
        // Reuse the director and leads (credits below read franchiseOf).
        relate(prev.row.id, seq.row.id, 'sequel');
        relate(seq.row.id, prev.row.id, 'prequel');
        if (k === 1) relate(d.row.id, seq.row.id, 'same_universe');
        prev = seq;
      }
    } else if (slot.type === 'film' && (d.row.year ?? 9999) < 1986 && rPlan.chance(0.25) && slotIndex < plan.length) {
      const rmIndex = slotIndex++;
      const rm = makeTitle({ type: 'film', genre: slot.genre }, rmIndex, { base: d, relation: 'remake', number: 1 });
      relate(d.row.id, rm.row.id, 'remake');
      relate(rm.row.id, d.row.id, 'remake');
    } else if (slot.type === 'series' && d.row.status === 'ended' && rPlan.chance(0.12) && slotIndex < plan.length) {
      const spIndex = slotIndex++;
      const sp = makeTitle({ type: 'series', genre: slot.genre }, spIndex, {
        base: d,
        relation: 'spin_off',
        number: 1,
      });
      relate(d.row.id, sp.row.id, 'spin_off');
      relate(sp.row.id, d.row.id, 'same_universe');
    } else if (slot.type === 'anime' && d.row.status !== 'upcoming' && rPlan.chance(0.2) && slotIndex < plan.length) {
      const fIndex = slotIndex++;
      const film = makeTitle({ type: 'film', genre: slot.genre }, fIndex, {
        base: d,
        relation: 'same_universe',
        number: 1,
      });
      film.row.name = uniqueName(
        () => `${d.row.name}: The Movie${rTitle.chance(0.5) ? ` — ${fill('{A} {N}', d.text, d.culture, rTitle)}` : ''}`,
      );
      relate(d.row.id, film.row.id, 'same_universe');
      relate(film.row.id, d.row.id, 'same_universe');
    }
  }

  // Every genre gets a few titles: sub-genres short of three join titles of their family.
  for (const g of GENRES) {
    let count = drafts.filter((d) => d.genreSlugs.includes(g.slug)).length;
    if (count >= 3) continue;
    const family = g.parent ?? g.slug;
    const kindOf = (d: Draft) => (d.row.type === 'anime' ? 'anime' : d.row.type);
    const candidates = rPlan.shuffle(
      drafts.filter(
        (d) =>
          !d.genreSlugs.includes(g.slug) &&
          d.genreSlugs.length < 5 &&
          (d.family === family || (!g.parent && (COMPANIONS[d.family] ?? []).includes(g.slug))) &&
          g.types[kindOf(d)] > 0,
      ),
    );
    for (const d of candidates) {
      if (count >= 3) break;
      d.genreSlugs.push(g.slug);
      count++;
    }
  }

  // ---- Credits --------------------------------------------------------------------------------
  const creditKey = new Set<string>();
  const addCredit = (
    d: Draft,
    person: PersonPlan,
    role: NonNullable<(typeof credits.$inferInsert)['role']>,
    character: string | null,
    position: number,
  ) => {
    const key = `${d.row.id}|${person.row.id}|${role}`;
    if (creditKey.has(key)) return;
    creditKey.add(key);
    out.credits.push({ titleId: d.row.id, personId: person.row.id, role, character, position });
    person.credits.push({ titleId: d.row.id, year: d.row.year ?? thisYear, role, character });
  };
  const leadsOf = new Map<string, PersonPlan[]>();
  const directorOf = new Map<string, PersonPlan>();
  for (const d of drafts) {
    const year = d.row.year ?? thisYear;
    const used = new Set<string>();
    const inherited = d.franchiseOf ? (leadsOf.get(d.franchiseOf.row.id) ?? []) : [];
    const leads: PersonPlan[] = [];
    d.characters.forEach((ch, i) => {
      let person: PersonPlan | undefined =
        i < 3 && d.franchiseOf && d.franchiseOf.characters[i] === ch ? inherited[i] : undefined;
      if (!person) {
        const c = CULTURES[d.culture.key] ?? d.culture;
        person = choosePerson('Acting', i < 4 ? c : castingCulture(c, rPeople), year, used, i < 3 ? 0.62 : 0.5);
      }
      used.add(person.row.id);
      if (i < 3) leads.push(person);
      const voice = d.family === 'family' || d.family === 'animation' || d.row.type === 'anime' || d.family === 'anime';
      const character =
        d.family === 'documentary' ? (i === 0 ? 'Narrator' : 'Self') : voice ? `${ch.full} (voice)` : ch.full;
      addCredit(d, person, 'cast', character, i);
    });
    leadsOf.set(d.row.id, leads);
    const crewCulture = d.culture;
    const directors = d.row.type === 'film' ? (rPeople.chance(0.1) ? 2 : 1) : rPeople.int(1, 3);
    for (let i = 0; i < directors; i++) {
      const inheritedDirector =
        i === 0 && d.franchiseOf && rPeople.chance(0.6) ? directorOf.get(d.franchiseOf.row.id) : undefined;
      const p = inheritedDirector ?? choosePerson('Directing', crewCulture, year, used, 0.55);
      used.add(p.row.id);
      if (i === 0) directorOf.set(d.row.id, p);
      addCredit(d, p, 'director', null, i);
      if (i === 0 && rPeople.chance(0.3)) addCredit(d, p, 'writer', null, 0);
    }
    if (d.row.type !== 'film') {
      const creators = rPeople.chance(0.3) ? 2 : 1;
      for (let i = 0; i < creators; i++) {
        const p = choosePerson('Writing', crewCulture, year, used, 0.3);
        used.add(p.row.id);
        addCredit(d, p, 'creator', null, i);
      }
    }
    const writers = rPeople.int(1, d.row.type === 'film' ? 2 : 3);
    for (let i = 0; i < writers; i++) {
      const p = choosePerson('Writing', crewCulture, year, used, 0.35);
      used.add(p.row.id);
      addCredit(d, p, 'writer', null, i + 1);
    }
    const composer = choosePerson('Sound', crewCulture, year, used, 0.55);
    used.add(composer.row.id);
    addCredit(d, composer, 'composer', null, 0);
    for (let i = 0; i < rPeople.int(1, 2); i++) {
      const p = choosePerson('Production', crewCulture, year, used, 0.45);
      used.add(p.row.id);
      addCredit(d, p, 'producer', null, i);
    }
  }

  // Biographies, now that everyone's credits are known.
  const titleById = new Map(drafts.map((d) => [d.row.id, d]));
  for (const person of pool) {
    const pr = PRONOUNS[person.gender];
    const works = person.credits
      .map((c) => ({ ...c, draft: titleById.get(c.titleId) }))
      .filter((c) => c.draft && c.draft.row.publishState === 'published')
      .sort((a, b) => (b.draft?.base ?? 0) - (a.draft?.base ?? 0));
    const named = [...new Set(works.map((w) => w.draft?.row.name))].filter((x): x is string => !!x).slice(0, 3);
    const country = person.row.birthPlace?.split(', ').pop() ?? '';
    const nationality = NATIONALITY[country] ?? person.culture.nationality;
    const profession =
      person.dept === 'Acting'
        ? person.gender === 'f'
          ? 'actress'
          : 'actor'
        : person.dept === 'Directing'
          ? 'filmmaker'
          : person.dept === 'Writing'
            ? 'screenwriter'
            : person.dept === 'Sound'
              ? 'composer'
              : 'producer';
    const known =
      named.length >= 2
        ? `best known for ${named[0]} and ${named[1]}`
        : named.length === 1
          ? `known for ${named[0]}`
          : 'with a long career in independent film';
    const birthYear = person.row.birthDate?.slice(0, 4);
    const early = pronounify(
      rPeople.pick(EARLY_LIVES[person.dept] ?? EARLY_LIVES.Acting ?? ['trained in theatre']),
      pr,
    ).replace(/\{home\}/g, person.row.birthPlace?.split(', ')[0] ?? 'the city');
    const first = person.credits.slice().sort((a, b) => a.year - b.year)[0];
    const firstName = first ? titleById.get(first.titleId)?.row.name : undefined;
    const collaborator = pool.find(
      (o) =>
        o !== person &&
        o.credits.some((c) => person.credits.some((pc) => pc.titleId === c.titleId)) &&
        o.dept !== person.dept,
    );
    const sentences = [
      `${person.row.name} is ${/^[AEIOU]/.test(nationality) ? 'an' : 'a'} ${nationality} ${profession} ${known}.`,
      `Born in ${person.row.birthPlace}${birthYear ? ` in ${birthYear}` : ''}, ${pr.they} ${early}.`,
    ];
    if (firstName && person.credits.length > 1)
      sentences.push(`${cap(pr.their)} first screen credit was ${firstName} (${first?.year}).`);
    const recognition = rPeople
      .pick(RECOGNITIONS)
      .replace(/\{work\}/g, named[0] ?? firstName ?? 'an early short')
      .replace(/\{home\}/g, person.row.birthPlace?.split(', ')[0] ?? 'the city')
      .replace(/\{collaborator\}/g, collaborator?.row.name ?? 'the same small crew');
    sentences.push(pronounify(recognition, pr).replace(/\{Their\}/g, cap(pr.their)));
    person.row.biography = sentences.join(' ');
  }
  out.people = pool.map((p) => p.row);

  // ---- Seasons, episodes, arcs, markers ---------------------------------------------------
  const episodeName = (d: Draft, used: Set<string>, season: number, number: number, pool: string[]): string => {
    if (season === 1 && number === 1 && d.row.type === 'series' && rEp.chance(0.4)) return 'Pilot';
    if (d.row.type === 'anime' && rEp.chance(0.3)) {
      const a = rEp.pick(d.characters.slice(0, 4));
      const b = rEp.pick(d.characters.slice(0, 4));
      const name = rEp
        .pick(ANIME_EPISODE_PATTERNS)
        .replace('{F2}', b?.given ?? 'Rival')
        .replace('{F}', a?.given ?? 'Hero');
      if (!used.has(name) && a !== b) return name;
    }
    while (pool.length) {
      const name = pool.pop() as string;
      if (name !== 'Pilot' && !used.has(name)) return name;
    }
    for (let i = 0; i < 30; i++) {
      const name = fill(rEp.pick(['The {N}', '{A} {N}', '{N} and {M}', 'A {N} in {P}']), d.text, d.culture, rEp);
      if (!used.has(name)) return name;
    }
    return `Chapter ${number}`;
  };
  const episodeSynopsis = (d: Draft): string => {
    const chars = rEp.sample(d.characters.slice(0, 5), 2);
    const [a, b] = chars;
    if (!a) return '';
    const act = (c: Character) =>
      pronounify(rEp.pick(EPISODE_ACTIONS), PRONOUNS[c.gender]).replace(/\{P\}/g, rEp.pick(PLACES));
    const first = `${a.given} ${act(a)}`;
    return b && rEp.chance(0.65) ? `${first}, while ${b.given} ${act(b)}.` : `${first}.`;
  };

  const addMarkers = (
    titleId: string,
    episodeId: string | null,
    runtime: number,
    anime: boolean,
    episodeNumber: number,
  ) => {
    const mk = (kind: 'intro' | 'recap' | 'credits' | 'preview', start: number, end: number) =>
      out.markers.push({
        id: rIds.id('mrk'),
        titleId,
        episodeId,
        kind,
        start: Math.round(start),
        end: Math.round(end),
      });
    if (episodeId === null) {
      if (rEp.chance(0.2)) {
        const s = rEp.int(0, 240);
        mk('intro', s, s + rEp.int(60, 150));
      }
      mk('credits', runtime - rEp.int(240, 560), runtime);
      return;
    }
    let t = 0;
    if (episodeNumber > 1 && rEp.chance(anime ? 0.5 : 0.35)) {
      const len = rEp.int(30, 80);
      mk('recap', 0, len);
      t = len;
    }
    if (anime) {
      const s = t + rEp.int(45, 150);
      mk('intro', s, s + 89);
      mk('credits', runtime - 120, runtime - 30);
      mk('preview', runtime - 30, runtime);
    } else {
      if (rEp.chance(0.75)) {
        const s = t + (rEp.chance(0.5) ? 0 : rEp.int(60, 300));
        mk('intro', s, s + rEp.int(25, 80));
      }
      const creditsLen = rEp.int(35, 110);
      mk('credits', runtime - creditsLen, runtime);
      if (rEp.chance(0.25)) {
        // A "next time on" tag after the credits.
        out.markers[out.markers.length - 1] = {
          ...(out.markers[out.markers.length - 1] as typeof markers.$inferInsert),
          end: runtime - 20,
        };
        mk('preview', runtime - 20, runtime);
      }
    }
  };

  interface AiredEpisode {
    d: Draft;
    ep: EpisodeRow;
    airAt: number;
  }
  const aired: AiredEpisode[] = [];
  for (const d of drafts) {
    if (d.row.type === 'film') {
      addMarkers(d.row.id, null, (d.row.runtimeMinutes ?? 100) * 60, false, 1);
      continue;
    }
    const anime = d.row.type === 'anime';
    const isKids = d.genreSlugs.includes('kids');
    const ongoing = d.row.status === 'ongoing';
    const upcomingTitle = d.row.status === 'upcoming';
    const seasonCount = upcomingTitle
      ? 1
      : anime
        ? rEp.weighted([
            [1, 4],
            [2, 3],
            [3, 2],
            [4, 1],
          ] as const)
        : rEp.weighted([
            [1, 5],
            [2, 5],
            [3, 4],
            [4, 3],
            [5, 2],
            [6, 1],
          ] as const);
    const longRunner = anime && rEp.chance(0.18);
    const epsPerSeason = () =>
      anime
        ? longRunner
          ? rEp.int(24, 26)
          : rEp.pick([12, 12, 13, 24, 25])
        : isKids
          ? rEp.int(10, 13)
          : d.genreSlugs.includes('sitcom') || d.family === 'comedy'
            ? rEp.int(8, 13)
            : d.family === 'documentary'
              ? rEp.int(4, 8)
              : rEp.int(6, 10);
    const firstYear = d.row.year ?? thisYear;
    // When the last season starts: ongoing shows are mid-season or about to start a new one.
    const binge = d.original && !anime;
    let lastSeasonStart: number;
    const newSeasonSoon = ongoing && !newThisWeek.has(drafts.indexOf(d)) && rEp.chance(0.3);
    if (upcomingTitle) lastSeasonStart = d.availableFrom;
    else if (newThisWeek.has(drafts.indexOf(d)))
      lastSeasonStart = d.row.addedAt instanceof Date ? d.row.addedAt.getTime() : today;
    else if (ongoing)
      lastSeasonStart = newSeasonSoon
        ? today + rEp.int(3, 30) * DAY
        : today - rEp.int(1, 8) * 7 * DAY - rEp.int(0, 6) * DAY;
    else
      lastSeasonStart = Date.UTC(Math.min(thisYear - 1, firstYear + seasonCount - 1), rEp.int(0, 11), rEp.int(1, 28));
    const airHour = anime ? 15.5 : 8;
    lastSeasonStart = Math.floor(lastSeasonStart / DAY) * DAY + airHour * 3600_000;
    const seasonCountFinal = Math.max(
      1,
      Math.min(seasonCount, new Date(lastSeasonStart).getUTCFullYear() - firstYear + 1),
    );
    if (ongoing && seasonCountFinal === 1 && firstYear < new Date(lastSeasonStart).getUTCFullYear()) {
      d.row.year = new Date(lastSeasonStart).getUTCFullYear();
    }
    // Arcs (anime): a run of episodes with fillers between and occasionally inside.
    let arcId: string | null = null;
    let arcLeft = 0;
    let arcIndex = 0;
    let arcFillers = 0;
    const namePool = rEp.shuffle(d.text.episodeNames);
    const usedNames2 = new Set<string>();
    let absolute = 0;
    for (let s = 1; s <= seasonCountFinal; s++) {
      const isLast = s === seasonCountFinal;
      const count = epsPerSeason();
      const seasonYear = isLast
        ? new Date(lastSeasonStart).getUTCFullYear()
        : Math.min(thisYear, firstYear + (s - 1) + (rEp.chance(0.2) ? 1 : 0));
      const seasonStart = isLast
        ? lastSeasonStart
        : Date.UTC(
            Math.max(
              firstYear,
              Math.min(seasonYear, new Date(lastSeasonStart).getUTCFullYear() - (seasonCountFinal - s)),
            ),
            rEp.int(0, 8),
            rEp.int(1, 28),
          ) +
          airHour * 3600_000;
      const name =
        anime && s > 1 && rEp.chance(0.4)
          ? `Season ${s}: ${fill('The {A} {N}', d.text, d.culture, rEp)}`
          : d.family === 'documentary' && rEp.chance(0.3)
            ? `Series ${s}`
            : `Season ${s}`;
      out.seasons.push({
        titleId: d.row.id,
        number: s,
        name,
        year: new Date(seasonStart).getUTCFullYear(),
        bundleId: null,
      });
      for (let e = 1; e <= count; e++) {
        absolute++;
        const airAt = binge && isLast ? seasonStart : seasonStart + (e - 1) * 7 * DAY;
        const runtimeMin = d.row.runtimeMinutes ?? 45;
        const runtime = anime ? 1420 + rEp.int(0, 20) : Math.max(8, runtimeMin + rEp.int(-4, 6)) * 60 + rEp.int(0, 59);
        let filler: 'canon' | 'mixed' | 'filler' | null = null;
        if (anime) {
          if (arcLeft <= 0) {
            // Between arcs: sometimes a filler or two, then a new arc.
            if (arcIndex > 0 && rEp.chance(longRunner ? 0.7 : 0.25) && e !== count) {
              filler = 'filler';
            } else {
              arcIndex++;
              arcFillers = 0;
              arcId = rIds.id('arc');
              arcLeft = longRunner ? rEp.int(8, 20) : rEp.int(5, 12);
              const arcName = fill(rEp.pick(ARC_PATTERNS), d.text, d.culture, rEp);
              out.arcs.push({
                id: arcId,
                titleId: d.row.id,
                name: arcName.endsWith('Arc') ? arcName : `${arcName}`,
                synopsis: (() => {
                  const who = rEp.pick(d.characters.slice(0, 4));
                  const when = rEp.pick([
                    'As an old enemy returns',
                    'When a new rival appears',
                    'As the tournament begins',
                    'With the guild torn apart',
                    'As the truth about the past comes out',
                    'Far from home',
                  ]);
                  return pronounify(
                    `${when}, ${who?.given ?? 'the hero'} ${rEp.pick(EPISODE_ACTIONS)}.`,
                    PRONOUNS[who?.gender ?? 'x'],
                  ).replace(/\{P\}/g, rEp.pick(PLACES));
                })(),
                position: arcIndex,
              });
            }
          }
          if (filler !== 'filler') {
            filler =
              arcLeft === 1 || (longRunner && arcFillers < 2 && rEp.chance(0.08))
                ? rEp.pick(['mixed', 'filler', 'canon'] as const)
                : rEp.chance(0.06)
                  ? 'mixed'
                  : 'canon';
            if (filler === 'filler') arcFillers++;
            arcLeft--;
          }
        }
        const ep: EpisodeRow = {
          id: rIds.id('ep'),
          titleId: d.row.id,
          seasonNumber: s,
          number: e,
          name: '',
          synopsis: '',
          runtimeSeconds: runtime,
          airDate: isoDate(airAt),
          filler,
          arcId: anime ? (filler === 'filler' && arcLeft <= 0 ? null : arcId) : null,
          artworkSeed: rEp.seed(),
        };
        ep.name = episodeName(d, usedNames2, s, e, namePool);
        usedNames2.add(ep.name);
        ep.synopsis =
          filler === 'filler'
            ? rEp
                .pick(FILLER_SYNOPSES)
                .replace('{F2}', d.characters[1]?.given ?? 'a friend')
                .replace('{F}', d.characters[0]?.given ?? 'The hero')
            : episodeSynopsis(d);
        out.episodes.push(ep);
        addMarkers(d.row.id, ep.id, runtime, anime, absolute);
        aired.push({ d, ep, airAt });
      }
    }
  }

  // ---- Availability ---------------------------------------------------------------------------
  const rAvail = R('availability');
  drafts.forEach((d, i) => {
    const home = HOME_REGIONS[d.row.originalLanguage ?? 'en'] ?? [];
    let regions: Region[] = [...REGIONS];
    const roll = rAvail.next();
    if (roll < 0.12 && home.length) {
      const neighbours: Region[] =
        d.row.originalLanguage === 'es'
          ? ['ES', 'MX']
          : d.row.originalLanguage === 'ja'
            ? ['JP', 'US']
            : d.row.originalLanguage === 'pt-BR'
              ? ['BR']
              : [];
      regions = [...new Set([...home, ...neighbours, ...(rAvail.chance(0.4) ? [rAvail.pick(REGIONS)] : [])])];
    } else if (roll < 0.3 && !d.original) {
      const missing = rAvail.sample(
        REGIONS.filter((r) => !home.includes(r) && r !== 'US'),
        rAvail.int(1, 2),
      );
      regions = regions.filter((r) => !missing.includes(r));
    }
    d.regions = regions;
    const staggered = d.row.type === 'anime' && d.row.status === 'upcoming';
    const leavingAt = today + rAvail.int(2, 26) * DAY + 23 * 3600_000 + 59 * 60_000;
    const leavingRegions = new Set(rAvail.chance(0.5) ? regions : rAvail.sample(regions, rAvail.int(1, 3)));
    const leftAt = today - rAvail.int(1, 6) * DAY;
    for (const region of regions) {
      let from = d.availableFrom;
      if (staggered && region !== 'JP') from += DAY;
      let until: number | null = null;
      if (leaving.has(i) && leavingRegions.has(region)) until = leavingAt;
      if (leftRecently.has(i) && region !== 'US') until = leftAt;
      if (until) d.until.set(region, until);
      out.availability.push({
        titleId: d.row.id,
        region,
        availableFrom: new Date(from),
        availableUntil: until ? new Date(until) : null,
      });
    }
    // Certifications exist in every rating region, available there or not.
    const kind = d.row.type === 'film' ? 'film' : 'series';
    for (const region of REGIONS) {
      const c = certificationFor(region, kind, d.maturity, {
        preschool: d.genreSlugs.includes('kids') && d.maturity === 0,
        stricter: rAvail.chance(0.12),
      });
      if (c) out.certifications.push({ titleId: d.row.id, region, system: c.system, rating: c.rating });
    }
  });

  // ---- Schedule -------------------------------------------------------------------------------
  const windowStart = today - 7 * DAY;
  const windowEnd = today + 42 * DAY;
  const inWindow = (t: number) => t >= windowStart && t < windowEnd;
  const rSched = R('schedule');
  for (const d of drafts) {
    if (d.row.publishState !== 'published') continue;
    if (inWindow(d.availableFrom)) {
      const firstEp = out.episodes.find((e) => e.titleId === d.row.id && e.seasonNumber === 1 && e.number === 1);
      out.scheduleItems.push({
        id: rIds.id('sch'),
        titleId: d.row.id,
        episodeId: firstEp?.id ?? null,
        kind: 'premiere',
        releaseAt: new Date(d.availableFrom),
        region: null,
      });
    }
    const leavingRegions = [...d.until.entries()].filter(([, t]) => inWindow(t));
    if (leavingRegions.length && leavingRegions.length === d.regions.length) {
      out.scheduleItems.push({
        id: rIds.id('sch'),
        titleId: d.row.id,
        episodeId: null,
        kind: 'leaving',
        releaseAt: new Date(leavingRegions[0]?.[1] ?? today),
        region: null,
      });
    } else {
      for (const [region, t] of leavingRegions)
        out.scheduleItems.push({
          id: rIds.id('sch'),
          titleId: d.row.id,
          episodeId: null,
          kind: 'leaving',
          releaseAt: new Date(t),
          region,
        });
    }
  }
  for (const a of aired) {
    if (a.d.row.publishState !== 'published' || !inWindow(a.airAt)) continue;
    if (a.ep.seasonNumber === 1 && a.ep.number === 1) continue; // the premiere covers it
    const first = a.ep.number === 1;
    // Binge drops list the season once, not each episode.
    if (
      !first &&
      aired.some(
        (o) => o.d === a.d && o.ep.seasonNumber === a.ep.seasonNumber && o.ep.number === 1 && o.airAt === a.airAt,
      )
    )
      continue;
    out.scheduleItems.push({
      id: rIds.id('sch'),
      titleId: a.d.row.id,
      episodeId: a.ep.id,
      kind: first ? 'new_season' : 'new_episode',
      releaseAt: new Date(a.airAt),
      region: a.d.row.type === 'anime' && rSched.chance(0.1) ? 'JP' : null,
    });
  }
  out.scheduleItems.sort((a, b) => a.releaseAt.getTime() - b.releaseAt.getTime() || a.id.localeCompare(b.id));

  // ---- Views and popularity ------------------------------------------------------------------
  const affinity = (d: Draft, region: Region): number => {
    const lang = d.row.originalLanguage ?? 'en';
    let k = 1;
    if (d.row.type === 'anime' || d.family === 'anime') k *= region === 'JP' ? 2.6 : 1.15;
    else if (region === 'JP') k *= lang === 'en' ? 0.8 : 0.5;
    if (lang === 'es') k *= region === 'ES' || region === 'MX' ? 3.2 : 1.1;
    if (lang === 'fr') k *= region === 'FR' ? 3.2 : 0.9;
    if (lang === 'de') k *= region === 'DE' ? 3.4 : 0.9;
    if (lang === 'pt-BR') k *= region === 'BR' ? 3.6 : 0.9;
    if (lang === 'ko') k *= 1.3;
    if (d.family === 'comedy' && (region === 'GB' || region === 'US')) k *= 1.2;
    if (d.family === 'crime' && (region === 'DE' || region === 'GB')) k *= 1.3;
    if (d.family === 'sports' && (region === 'BR' || region === 'ES' || region === 'MX')) k *= 1.4;
    return k;
  };
  for (const d of drafts) {
    if (d.row.publishState !== 'published') continue;
    const regionTilt = new Map(REGIONS.map((r) => [r, Math.exp(rViews.normal(0, 0.35))]));
    let popularity = 0;
    for (let age = 27; age >= 0; age--) {
      const day = today - age * DAY;
      const weekday = new Date(day).getUTCDay();
      const week = weekday === 6 || weekday === 0 ? 1.25 : weekday === 5 ? 1.1 : 1;
      // Days since it arrived, counting the day it arrived (at 08:00) as part of a day.
      const sinceAdded = (day + DAY - d.availableFrom) / DAY;
      if (sinceAdded <= 0) continue;
      const launch = (sinceAdded < 28 ? 1 + 5 * Math.exp(-sinceAdded / 6) : 1) * Math.min(1, sinceAdded);
      const trend = d.rising ? 0.45 + ((27 - age) / 27) * 1.6 : 1;
      const airing = d.row.status === 'ongoing' ? 1.35 : 1;
      let dayTotal = 0;
      for (const region of d.regions) {
        const until = d.until.get(region);
        if (until !== undefined && day >= until) continue;
        const views = Math.round(
          d.base *
            REGION_SIZE[region] *
            affinity(d, region) *
            (regionTilt.get(region) ?? 1) *
            week *
            launch *
            trend *
            airing *
            Math.exp(rViews.normal(0, 0.16)),
        );
        if (views <= 0) continue;
        dayTotal += views;
        out.titleViews.push({ titleId: d.row.id, region, day: isoDate(day), views });
      }
      popularity += dayTotal * 0.93 ** age;
    }
    d.row.popularity =
      d.row.status === 'upcoming' ? Math.round(rViews.float(5, 60) * d.base) / 100 : Math.round(popularity) / 100;
  }

  // ---- Search documents -----------------------------------------------------------------------
  const peopleById = new Map(out.people.map((p) => [p.id, p]));
  const creditsByTitle = new Map<string, string[]>();
  for (const c of out.credits) {
    const list = creditsByTitle.get(c.titleId) ?? [];
    const person = peopleById.get(c.personId);
    if (person) list.push(person.name);
    if (c.character) list.push(c.character.replace(/ \(voice\)$/, ''));
    creditsByTitle.set(c.titleId, list);
  }
  for (const d of drafts) {
    const r = d.row;
    d.genreSlugs.forEach((g, position) => {
      out.titleGenres.push({ titleId: r.id, genre: g, position });
    });
    r.searchDocument = [
      r.name,
      r.originalName,
      r.tagline,
      r.synopsis,
      d.genreSlugs.map(genreName).join(' '),
      (r.tags ?? []).join(' '),
      (r.moods ?? []).join(' '),
      [...new Set(creditsByTitle.get(r.id) ?? [])].join(' '),
      (r.studios ?? []).join(' '),
      (r.networks ?? []).join(' '),
    ]
      .filter(Boolean)
      .join(' \n');
    out.titles.push(r);
  }

  // ---- Collections ---------------------------------------------------------------------------
  const published = drafts.filter((d) => d.row.publishState === 'published' && d.row.status !== 'upcoming');
  const has = (d: Draft, g: string) => d.genreSlugs.includes(g);
  const defs: {
    slug: string;
    name: string;
    description: string;
    featured: boolean;
    pick: (d: Draft) => boolean;
    limit: number;
    order?: 'rating' | 'popularity' | 'recent';
  }[] = [
    {
      slug: 'reel-originals',
      name: 'Reel Originals',
      description: 'Made by Reel, only on Reel: our own films and series.',
      featured: true,
      pick: (d) => d.original,
      limit: 30,
    },
    {
      slug: 'simulcasts',
      name: 'Simulcasts This Season',
      description: 'New episodes within hours of their broadcast in Japan.',
      featured: true,
      pick: (d) => !!d.row.simulcast,
      limit: 24,
    },
    {
      slug: 'family-movie-night',
      name: 'Family Movie Night',
      description: 'Something everyone on the sofa will love.',
      featured: true,
      pick: (d) => d.maturity <= 7 && d.row.type === 'film',
      limit: 24,
    },
    {
      slug: 'binge-worthy-thrillers',
      name: 'Binge-Worthy Thrillers',
      description: 'Series that end every episode on a cliff.',
      featured: false,
      pick: (d) => d.row.type === 'series' && (has(d, 'thriller') || has(d, 'crime') || has(d, 'mystery')),
      limit: 20,
    },
    {
      slug: 'space-and-beyond',
      name: 'Space & Beyond',
      description: 'Starships, far planets and the edge of the map.',
      featured: false,
      pick: (d) => has(d, 'sci-fi'),
      limit: 20,
    },
    {
      slug: 'critically-acclaimed',
      name: 'Critically Acclaimed',
      description: 'The titles our viewers rate the highest.',
      featured: true,
      pick: (d) => (d.row.ratingAverage ?? 0) >= 4.2,
      limit: 24,
      order: 'rating',
    },
    {
      slug: 'cult-classics',
      name: 'Cult Classics',
      description: 'Films from before 1990 that people still quote.',
      featured: false,
      pick: (d) => (d.row.year ?? 9999) < 1990,
      limit: 24,
      order: 'rating',
    },
    {
      slug: 'laugh-out-loud',
      name: 'Laugh Out Loud',
      description: 'Comedies to put you in a good mood.',
      featured: false,
      pick: (d) => has(d, 'comedy'),
      limit: 24,
    },
    {
      slug: 'true-stories',
      name: 'True Stories',
      description: 'Documentaries and dramas drawn from real events.',
      featured: false,
      pick: (d) => has(d, 'documentary') || (d.row.tags ?? []).some((t) => /true/i.test(t)),
      limit: 24,
    },
    {
      slug: 'late-night-frights',
      name: 'Late-Night Frights',
      description: 'Horror for when the lights are off.',
      featured: true,
      pick: (d) => has(d, 'horror'),
      limit: 20,
    },
    {
      slug: 'love-stories',
      name: 'Love Stories',
      description: 'Romances sweeping, sweet and bittersweet.',
      featured: false,
      pick: (d) => has(d, 'romance'),
      limit: 20,
    },
    {
      slug: 'hidden-gems',
      name: 'Hidden Gems',
      description: 'Loved by those who found them; waiting for you.',
      featured: false,
      pick: (d) => (d.row.ratingAverage ?? 0) >= 3.9 && d.base < 60,
      limit: 20,
      order: 'rating',
    },
    {
      slug: 'world-cinema',
      name: 'World Cinema',
      description: 'Films from around the globe, in their own languages.',
      featured: false,
      pick: (d) => d.row.type === 'film' && d.row.originalLanguage !== 'en',
      limit: 24,
    },
    {
      slug: 'epic-worlds',
      name: 'Epic Worlds',
      description: 'Fantasy and adventure on the grandest scale.',
      featured: false,
      pick: (d) => has(d, 'fantasy') || has(d, 'adventure'),
      limit: 20,
    },
    {
      slug: 'under-95-minutes',
      name: 'Under 95 Minutes',
      description: 'Great films that fit in an evening.',
      featured: false,
      pick: (d) => d.row.type === 'film' && (d.row.runtimeMinutes ?? 999) < 95,
      limit: 24,
    },
    {
      slug: 'anime-essentials',
      name: 'Anime Essentials',
      description: 'Where to start: the series everyone talks about.',
      featured: false,
      pick: (d) => (d.row.type === 'anime' || d.family === 'anime') && (d.row.ratingAverage ?? 0) >= 3.7,
      limit: 20,
      order: 'rating',
    },
  ];
  const rColl = R('collections');
  defs.forEach((def, position) => {
    const members = published.filter(def.pick);
    const ordered =
      def.order === 'rating'
        ? members.sort(
            (a, b) => (b.row.ratingAverage ?? 0) - (a.row.ratingAverage ?? 0) || a.row.id.localeCompare(b.row.id),
          )
        : members.sort((a, b) => (b.row.popularity ?? 0) - (a.row.popularity ?? 0) || a.row.id.localeCompare(b.row.id));
    const items = ordered.slice(0, def.limit);
    const families = items.map((d) => d.family);
    const artworkSeed = rColl.seed();
    out.collections.push({
      slug: def.slug,
      name: def.name,
      description: def.description,
      artworkSeed,
      artworkColor: collectionColor(families, artworkSeed),
      position,
      featured: def.featured,
    });
    items.forEach((d, i) => {
      out.collectionItems.push({ slug: def.slug, titleId: d.row.id, position: i });
    });
  });
  return out;
}

/** Rows per insert statement: well under Postgres' 65,535 parameters for every table here. */
const CHUNK = 1000;

/**
 * Writes the demo catalog into an empty database in one transaction, in bulk inserts.
 *
 * @example
 * await seedCatalog(db, { seed: 20261126, log: console.log });
 */
export async function seedCatalog(
  db: Db,
  options: { seed: number; log: (line: string) => void; now?: Date },
): Promise<Catalog> {
  const t0 = performance.now();
  const catalog = buildCatalog(options.seed, options.now ?? new Date());
  const built = performance.now();
  const counts: string[] = [];
  await db.transaction(async (tx) => {
    const put = async <T extends PgTable>(name: string, table: T, rows: readonly T['$inferInsert'][]) => {
      for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK));
      counts.push(`${name} ${rows.length}`);
    };
    await put('genres', genres, catalog.genres);
    await put('titles', titles, catalog.titles);
    await put('title_genres', titleGenres, catalog.titleGenres);
    await put('rating_meanings', ratingMeanings, catalog.ratingMeanings);
    await put('certifications', certifications, catalog.certifications);
    await put('availability', availability, catalog.availability);
    await put('seasons', seasons, catalog.seasons);
    await put('arcs', arcs, catalog.arcs);
    await put('episodes', episodes, catalog.episodes);
    await put('markers', markers, catalog.markers);
    await put('people', people, catalog.people);
    await put('credits', credits, catalog.credits);
    await put('title_relations', titleRelations, catalog.titleRelations);
    await put('collections', collections, catalog.collections);
    await put('collection_items', collectionItems, catalog.collectionItems);
    await put('schedule_items', scheduleItems, catalog.scheduleItems);
    await put('title_views', titleViews, catalog.titleViews);
  });
  options.log(
    `catalog: ${counts.join(', ')} (built in ${Math.round(built - t0)} ms, written in ${Math.round(performance.now() - built)} ms)`,
  );
  return catalog;
}
