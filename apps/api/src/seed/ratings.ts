/**
 * Real rating systems of the demo regions, with what each rating means, and how a title's
 * maturity level (0, 7, 10, 13, 16, 18) maps onto them.
 */

export const REGIONS = ['US', 'GB', 'ES', 'DE', 'JP', 'BR', 'MX', 'FR'] as const;
export type Region = (typeof REGIONS)[number];

export const MATURITY_LEVELS = [0, 7, 10, 13, 16, 18] as const;
export type Maturity = (typeof MATURITY_LEVELS)[number];

export interface RatingMeaning {
  region: Region;
  system: string;
  rating: string;
  meaning: string;
  minAge: number;
}

const m = (region: Region, system: string, rating: string, minAge: number, meaning: string): RatingMeaning => ({
  region,
  system,
  rating,
  meaning,
  minAge,
});

export const RATING_MEANINGS: readonly RatingMeaning[] = [
  m(
    'US',
    'MPA',
    'G',
    0,
    'General Audiences: all ages admitted. Nothing that would offend parents for viewing by children.',
  ),
  m('US', 'MPA', 'PG', 8, 'Parental Guidance Suggested: some material may not be suitable for children.'),
  m('US', 'MPA', 'PG-13', 13, 'Parents Strongly Cautioned: some material may be inappropriate for children under 13.'),
  m('US', 'MPA', 'R', 17, 'Restricted: under 17 requires an accompanying parent or adult guardian.'),
  m('US', 'MPA', 'NC-17', 18, 'Adults Only: no one 17 and under admitted.'),
  m(
    'US',
    'TV Parental Guidelines',
    'TV-Y',
    0,
    'All Children: designed to be appropriate for all children, including ages 2 to 6.',
  ),
  m(
    'US',
    'TV Parental Guidelines',
    'TV-Y7',
    7,
    'Directed to Older Children: designed for children age 7 and above; may include mild fantasy violence.',
  ),
  m(
    'US',
    'TV Parental Guidelines',
    'TV-G',
    0,
    'General Audience: most parents would find this program suitable for all ages.',
  ),
  m(
    'US',
    'TV Parental Guidelines',
    'TV-PG',
    10,
    'Parental Guidance Suggested: contains material that parents may find unsuitable for younger children.',
  ),
  m(
    'US',
    'TV Parental Guidelines',
    'TV-14',
    14,
    'Parents Strongly Cautioned: contains material that many parents would find unsuitable for children under 14.',
  ),
  m(
    'US',
    'TV Parental Guidelines',
    'TV-MA',
    17,
    'Mature Audience Only: specifically designed to be viewed by adults and may be unsuitable for children under 17.',
  ),
  m(
    'GB',
    'BBFC',
    'U',
    0,
    'Universal: suitable for all. A U film should be suitable for audiences aged four years and over.',
  ),
  m('GB', 'BBFC', 'PG', 8, 'Parental Guidance: general viewing, but some scenes may be unsuitable for young children.'),
  m(
    'GB',
    'BBFC',
    '12',
    12,
    'Suitable for 12 years and over. No one younger than 12 may rent or buy a 12-rated video work.',
  ),
  m('GB', 'BBFC', '15', 15, 'Suitable only for 15 years and over.'),
  m('GB', 'BBFC', '18', 18, 'Suitable only for adults.'),
  m('ES', 'ICAA', 'A', 0, 'Apta para todos los públicos: suitable for all audiences.'),
  m('ES', 'ICAA', '7', 7, 'No recomendada para menores de 7 años: not recommended for audiences under 7.'),
  m('ES', 'ICAA', '12', 12, 'No recomendada para menores de 12 años: not recommended for audiences under 12.'),
  m('ES', 'ICAA', '16', 16, 'No recomendada para menores de 16 años: not recommended for audiences under 16.'),
  m('ES', 'ICAA', '18', 18, 'No recomendada para menores de 18 años: not recommended for audiences under 18.'),
  m('DE', 'FSK', 'FSK 0', 0, 'Freigegeben ohne Altersbeschränkung: approved without age restriction.'),
  m('DE', 'FSK', 'FSK 6', 6, 'Freigegeben ab 6 Jahren: approved for ages 6 and over.'),
  m(
    'DE',
    'FSK',
    'FSK 12',
    12,
    'Freigegeben ab 12 Jahren: approved for ages 12 and over (from 6 with a parent in cinemas).',
  ),
  m('DE', 'FSK', 'FSK 16', 16, 'Freigegeben ab 16 Jahren: approved for ages 16 and over.'),
  m('DE', 'FSK', 'FSK 18', 18, 'Keine Jugendfreigabe: no youth approval; adults only.'),
  m('JP', 'Eirin', 'G', 0, 'General: suitable for all ages.'),
  m('JP', 'Eirin', 'PG12', 12, 'Parental guidance requested for viewers under 12.'),
  m('JP', 'Eirin', 'R15+', 15, 'Restricted: no admittance for viewers under 15.'),
  m('JP', 'Eirin', 'R18+', 18, 'Restricted: no admittance for viewers under 18.'),
  m('BR', 'ClassInd', 'L', 0, 'Livre: suitable for all audiences.'),
  m('BR', 'ClassInd', '10', 10, 'Not recommended for viewers under 10.'),
  m('BR', 'ClassInd', '12', 12, 'Not recommended for viewers under 12.'),
  m('BR', 'ClassInd', '14', 14, 'Not recommended for viewers under 14.'),
  m('BR', 'ClassInd', '16', 16, 'Not recommended for viewers under 16.'),
  m('BR', 'ClassInd', '18', 18, 'Not recommended for viewers under 18.'),
  m('MX', 'RTC', 'AA', 0, 'Comprensible para menores de 7 años: suitable for children.'),
  m('MX', 'RTC', 'A', 0, 'Para todo público: for all audiences.'),
  m('MX', 'RTC', 'B', 12, 'Para adolescentes de 12 años en adelante: for adolescents 12 and over.'),
  m('MX', 'RTC', 'B15', 15, 'No recomendada para menores de 15 años: not recommended for under 15.'),
  m('MX', 'RTC', 'C', 18, 'Para adultos de 18 años en adelante: adults 18 and over.'),
  m('MX', 'RTC', 'D', 18, 'Películas para adultos: adult films, with explicit content.'),
  m('FR', 'CNC', 'U', 0, 'Tous publics: suitable for all audiences.'),
  m('FR', 'CNC', '12', 12, 'Interdit aux moins de 12 ans: prohibited for viewers under 12.'),
  m('FR', 'CNC', '16', 16, 'Interdit aux moins de 16 ans: prohibited for viewers under 16.'),
  m('FR', 'CNC', '18', 18, 'Interdit aux moins de 18 ans: prohibited for viewers under 18.'),
  m('FR', 'CSA', 'TP', 0, 'Tous publics: suitable for all audiences.'),
  m('FR', 'CSA', '-10', 10, 'Déconseillé aux moins de 10 ans: not recommended for viewers under 10.'),
  m('FR', 'CSA', '-12', 12, 'Déconseillé aux moins de 12 ans: not recommended for viewers under 12.'),
  m('FR', 'CSA', '-16', 16, 'Déconseillé aux moins de 16 ans: not recommended for viewers under 16.'),
  m('FR', 'CSA', '-18', 18, 'Déconseillé aux moins de 18 ans: not recommended for viewers under 18.'),
];

type Choice = readonly [system: string, ratings: readonly string[]];

/** Per region: [system, rating by maturity level 0,7,10,13,16,18] for films, then for series. */
const FILM: Record<Region, Choice> = {
  US: ['MPA', ['G', 'PG', 'PG', 'PG-13', 'R', 'R']],
  GB: ['BBFC', ['U', 'PG', 'PG', '12', '15', '18']],
  ES: ['ICAA', ['A', '7', '7', '12', '16', '18']],
  DE: ['FSK', ['FSK 0', 'FSK 6', 'FSK 6', 'FSK 12', 'FSK 16', 'FSK 18']],
  JP: ['Eirin', ['G', 'G', 'G', 'PG12', 'R15+', 'R18+']],
  BR: ['ClassInd', ['L', 'L', '10', '12', '16', '18']],
  MX: ['RTC', ['AA', 'A', 'A', 'B', 'B15', 'C']],
  FR: ['CNC', ['U', 'U', 'U', 'U', '12', '16']],
};
const SERIES: Record<Region, Choice | null> = {
  US: ['TV Parental Guidelines', ['TV-G', 'TV-Y7', 'TV-PG', 'TV-14', 'TV-MA', 'TV-MA']],
  GB: ['BBFC', ['U', 'PG', 'PG', '12', '15', '18']],
  ES: ['ICAA', ['A', '7', '7', '12', '16', '18']],
  DE: ['FSK', ['FSK 0', 'FSK 6', 'FSK 6', 'FSK 12', 'FSK 16', 'FSK 18']],
  // Japanese television has no statutory rating system: series carry no certification there.
  JP: null,
  BR: ['ClassInd', ['L', 'L', '10', '12', '16', '18']],
  MX: ['RTC', ['A', 'A', 'A', 'B', 'B15', 'C']],
  FR: ['CSA', ['TP', 'TP', '-10', '-12', '-16', '-18']],
};

/** The rating of a title in a region, or null when the region rates no such title. */
export function certificationFor(
  region: Region,
  kind: 'film' | 'series',
  maturity: Maturity,
  options: { preschool?: boolean; stricter?: boolean } = {},
): { system: string; rating: string } | null {
  const choice = kind === 'film' ? FILM[region] : SERIES[region];
  if (!choice) return null;
  let index = MATURITY_LEVELS.indexOf(maturity);
  // Boards disagree at the edges: some titles land one step higher in some regions.
  if (options.stricter && index > 0 && index < MATURITY_LEVELS.length - 1) index += 1;
  let rating = choice[1][index] ?? choice[1][0] ?? '';
  if (region === 'US' && kind === 'series' && maturity === 0 && options.preschool) rating = 'TV-Y';
  if (region === 'MX' && maturity === 0 && options.preschool) rating = 'AA';
  return { system: choice[0], rating };
}

/** Content advisories that fit a maturity level, by tone. */
export const ADVISORIES: Record<Maturity, readonly string[]> = {
  0: [],
  7: ['Mild peril', 'Mild slapstick', 'Cartoon violence'],
  10: ['Mild violence', 'Mild language', 'Scary scenes', 'Some rude humour'],
  13: ['Violence', 'Moderate language', 'Brief suggestive content', 'Thematic elements', 'Intense sequences'],
  16: ['Strong violence', 'Strong language', 'Drug use', 'Sexual references', 'Disturbing images'],
  18: ['Graphic violence', 'Strong language throughout', 'Sexual content', 'Drug misuse', 'Gore'],
};
