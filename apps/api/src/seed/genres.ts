/** The genre tree of the demo catalog: top-level genres and their sub-genres. */

export interface GenreDef {
  slug: string;
  name: string;
  description: string;
  parent: string | null;
  /** Which title types it suits, with a weight for how often. */
  types: { film: number; series: number; anime: number };
}

const top = (slug: string, name: string, description: string, types: GenreDef['types']): GenreDef => ({
  slug,
  name,
  description,
  parent: null,
  types,
});
const sub = (
  parent: string,
  slug: string,
  name: string,
  description: string,
  types?: Partial<GenreDef['types']>,
): GenreDef => ({
  slug,
  name,
  description,
  parent,
  types: { film: 0, series: 0, anime: 0, ...(types ?? { film: 1, series: 1 }) },
});

export const GENRES: readonly GenreDef[] = [
  top('action', 'Action', 'Chases, fights and impossible odds, at full speed.', { film: 3, series: 1, anime: 0 }),
  sub(
    'action',
    'martial-arts',
    'Martial Arts',
    'Disciplined fighters, long takes and choreography that lands every blow.',
  ),
  sub('action', 'heist', 'Heist', 'A crew, a plan, a vault — and everything that goes wrong.'),
  sub('action', 'spy', 'Spy', 'Double agents, dead drops and secrets worth killing for.'),
  sub('action', 'disaster', 'Disaster', 'Storms, quakes and ordinary people racing the clock.', { film: 1 }),
  top('adventure', 'Adventure', 'Maps, journeys and the wide world beyond the next ridge.', {
    film: 3,
    series: 1,
    anime: 0,
  }),
  sub('adventure', 'survival', 'Survival', 'Stranded, outnumbered and out of supplies.'),
  sub('adventure', 'swashbuckler', 'Swashbuckler', 'Sails, swords and rogues with a code of honour.', { film: 1 }),
  top('animation', 'Animation', 'Hand-drawn, stop-motion and computer-animated stories for every age.', {
    film: 3,
    series: 2,
    anime: 0,
  }),
  sub('animation', 'stop-motion', 'Stop-Motion', 'Puppets and clay brought to life one frame at a time.', { film: 1 }),
  sub(
    'animation',
    'adult-animation',
    'Adult Animation',
    'Animated, but not for the kids: sharp, strange and grown-up.',
    { series: 1 },
  ),
  top('anime', 'Anime', 'Japanese animation: simulcasts, classics and epic long-runners.', {
    film: 1,
    series: 0,
    anime: 6,
  }),
  sub('anime', 'shonen', 'Shōnen', 'Rivals, training arcs and friendships forged in battle.', { anime: 1 }),
  sub('anime', 'shojo', 'Shōjo', 'First loves, school corridors and feelings too big for words.', { anime: 1 }),
  sub('anime', 'seinen', 'Seinen', 'Mature anime with morally grey heroes and slow-burning stakes.', { anime: 1 }),
  sub('anime', 'isekai', 'Isekai', 'Transported to another world — and forced to start over.', { anime: 1 }),
  sub('anime', 'mecha', 'Mecha', 'Giant machines, the pilots inside them and the wars they fight.', { anime: 1 }),
  sub('anime', 'slice-of-life', 'Slice of Life', 'Small moments, gentle days and the people who fill them.', {
    anime: 1,
  }),
  top('comedy', 'Comedy', 'Sharp, silly, warm or wicked: stories to laugh along with.', {
    film: 3,
    series: 3,
    anime: 0,
  }),
  sub('comedy', 'romantic-comedy', 'Romantic Comedy', 'Meet-cutes, missed chances and grand gestures.'),
  sub('comedy', 'dark-comedy', 'Dark Comedy', 'Laughs found in the worst possible places.'),
  sub('comedy', 'sitcom', 'Sitcom', 'The same couch, the same friends, a new mess every week.', { series: 1 }),
  sub('comedy', 'satire', 'Satire', 'Power, money and media, skewered.'),
  top('crime', 'Crime', 'Detectives, criminals and the thin line between them.', { film: 2, series: 3, anime: 0 }),
  sub('crime', 'noir', 'Noir', 'Rain-slicked streets, long shadows and bad decisions.', { film: 1 }),
  sub('crime', 'gangster', 'Gangster', 'Families, loyalty and empires built on fear.'),
  sub('crime', 'police-procedural', 'Police Procedural', 'Case by case, clue by clue.', { series: 1 }),
  top('documentary', 'Documentary', 'True stories, remarkable people and the natural world.', {
    film: 2,
    series: 2,
    anime: 0,
  }),
  sub('documentary', 'nature', 'Nature', 'Wild places and the animals that live there.'),
  sub('documentary', 'true-crime', 'True Crime', 'Real cases, re-examined.', { series: 1, film: 1 }),
  sub('documentary', 'food-travel', 'Food & Travel', 'Kitchens, markets and the road between them.', { series: 1 }),
  top('drama', 'Drama', 'Character-driven stories about the choices that define us.', { film: 4, series: 3, anime: 0 }),
  sub('drama', 'period-drama', 'Period Drama', 'Costumes, manners and the past brought close.'),
  sub('drama', 'legal-drama', 'Legal Drama', 'Courtrooms, closing arguments and the cost of winning.', { series: 1 }),
  sub('drama', 'medical-drama', 'Medical Drama', 'Long shifts, hard calls and lives on the line.', { series: 1 }),
  sub('drama', 'coming-of-age', 'Coming of Age', 'The summers, schools and firsts that shape a life.'),
  sub('drama', 'family-drama', 'Family Drama', 'Parents, siblings and the secrets they keep.'),
  top('family', 'Family', 'Stories the whole household can share.', { film: 3, series: 2, anime: 0 }),
  sub('family', 'kids', 'Kids', 'Bright, gentle and made for the youngest viewers.', { series: 1, film: 1 }),
  sub('family', 'animal-adventures', 'Animal Adventures', 'Loyal dogs, clever foxes and wild journeys home.', {
    film: 1,
  }),
  top('fantasy', 'Fantasy', 'Magic, myth and worlds that never were.', { film: 2, series: 2, anime: 1 }),
  sub('fantasy', 'epic-fantasy', 'Epic Fantasy', 'Kingdoms at war and prophecies coming due.'),
  sub('fantasy', 'fairy-tale', 'Fairy Tale', 'Once upon a time, retold.', { film: 1 }),
  sub('fantasy', 'urban-fantasy', 'Urban Fantasy', 'Magic hiding in modern cities.', { series: 1 }),
  top('history', 'History', 'The people and turning points of the past.', { film: 2, series: 1, anime: 0 }),
  top('horror', 'Horror', 'Dread, the uncanny and things that go bump in the night.', { film: 4, series: 1, anime: 0 }),
  sub('horror', 'supernatural', 'Supernatural Horror', 'Hauntings, possessions and what waits on the other side.'),
  sub('horror', 'slasher', 'Slasher', 'A masked stranger, a remote cabin, a dwindling cast.', { film: 1 }),
  sub('horror', 'folk-horror', 'Folk Horror', 'Old rituals, isolated villages and the harvest.', { film: 1 }),
  top('music', 'Music', 'Bands, stages and the songs that changed everything.', { film: 2, series: 1, anime: 0 }),
  sub('music', 'musical', 'Musical', 'When the feeling is too big, they sing.', { film: 1 }),
  top('mystery', 'Mystery', 'Puzzles, secrets and the truth at the end of the thread.', {
    film: 2,
    series: 2,
    anime: 0,
  }),
  sub('mystery', 'whodunit', 'Whodunit', 'A body, a house full of suspects, one answer.'),
  sub('mystery', 'cozy-mystery', 'Cozy Mystery', 'Small towns, tea shops and amateur sleuths.', { series: 1 }),
  top('romance', 'Romance', 'Love stories: sweeping, tender and complicated.', { film: 3, series: 2, anime: 0 }),
  sub('romance', 'period-romance', 'Period Romance', 'Ballrooms, letters and love against the rules.'),
  top('sci-fi', 'Sci-Fi', 'Futures, far planets and the science of what if.', { film: 3, series: 2, anime: 1 }),
  sub('sci-fi', 'space-opera', 'Space Opera', 'Starships, empires and wars across the galaxy.'),
  sub('sci-fi', 'cyberpunk', 'Cyberpunk', 'Neon, implants and corporations that own the night.'),
  sub('sci-fi', 'time-travel', 'Time Travel', 'Loops, paradoxes and second chances.'),
  sub('sci-fi', 'dystopian', 'Dystopian', 'Futures gone wrong and the people who resist.'),
  sub('sci-fi', 'alien-invasion', 'Alien Invasion', 'First contact goes badly.', { film: 1 }),
  top('sports', 'Sports', 'Underdogs, rivals and the final whistle.', { film: 2, series: 1, anime: 0 }),
  top('thriller', 'Thriller', 'Tension, twists and nowhere safe to hide.', { film: 4, series: 2, anime: 0 }),
  sub(
    'thriller',
    'psychological-thriller',
    'Psychological Thriller',
    'Unreliable minds and the lies we tell ourselves.',
  ),
  sub('thriller', 'political-thriller', 'Political Thriller', 'Conspiracies in the corridors of power.'),
  sub('thriller', 'techno-thriller', 'Techno-Thriller', 'Hackers, leaks and code that can kill.'),
  top('war', 'War', 'Soldiers, civilians and the cost of conflict.', { film: 2, series: 1, anime: 0 }),
  top('western', 'Western', 'Dust, frontier towns and the law at gunpoint.', { film: 2, series: 1, anime: 0 }),
];

/** The top-level genre a genre belongs to (itself for a top-level one). */
export function familyOf(slug: string): string {
  const g = GENRES.find((x) => x.slug === slug);
  return g?.parent ?? g?.slug ?? slug;
}

/** Genres that combine well as secondary genres of a title whose family is the key. */
export const COMPANIONS: Record<string, readonly string[]> = {
  action: ['thriller', 'adventure', 'crime', 'sci-fi', 'comedy', 'war', 'western'],
  adventure: ['family', 'fantasy', 'action', 'comedy', 'history', 'western'],
  animation: ['family', 'comedy', 'adventure', 'fantasy', 'music'],
  anime: ['fantasy', 'sci-fi', 'action', 'romance', 'comedy', 'sports', 'mystery', 'drama', 'horror'],
  comedy: ['romance', 'drama', 'family', 'crime'],
  crime: ['thriller', 'drama', 'mystery', 'action'],
  documentary: ['history', 'music', 'sports', 'crime'],
  drama: ['romance', 'history', 'music', 'sports', 'crime', 'family'],
  family: ['adventure', 'comedy', 'animation', 'fantasy', 'music'],
  fantasy: ['adventure', 'action', 'romance', 'family'],
  history: ['drama', 'war', 'romance'],
  horror: ['thriller', 'mystery', 'comedy'],
  music: ['drama', 'romance', 'comedy', 'documentary'],
  mystery: ['crime', 'thriller', 'drama', 'comedy'],
  romance: ['drama', 'comedy', 'music', 'history'],
  'sci-fi': ['action', 'thriller', 'adventure', 'drama', 'horror'],
  sports: ['drama', 'comedy', 'family'],
  thriller: ['crime', 'mystery', 'action', 'drama'],
  war: ['drama', 'history', 'action'],
  western: ['action', 'drama', 'adventure'],
};
