import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { profiles, reviews, reviewVotes, titles, users } from '../db/schema/index.js';
import { newId, newSecret } from '../ids.js';
import { defaultAvatar } from '../services/avatars.js';
import { PasswordHasher } from '../services/passwords.js';
import { recountRatings, wilsonLowerBound } from '../services/reviews.js';
import { Rng } from './random.js';

/** Demo reviewers: accounts nobody can sign in to (their password is a random secret, hashed). */
const REVIEWERS = [
  ['Maya', 'en'],
  ['Jonas', 'en'],
  ['Lucía', 'es'],
  ['Priya', 'en'],
  ['Omar', 'ar'],
  ['Chen', 'en'],
  ['Sofía', 'es'],
  ['Leo', 'en'],
  ['Amara', 'en'],
  ['Hiro', 'en'],
] as const;

const TEXT = {
  en: {
    5: [
      [
        'An instant favourite',
        'I went in expecting little and came out wanting to watch it again.\nThe pacing is patient, and it pays off in the last act.',
      ],
      [
        'Beautifully made',
        'Every frame looks considered. The score carries the quiet moments without ever overwhelming them.',
      ],
    ],
    4: [
      [
        'Worth your evening',
        'Strong performances and a clever structure. A couple of scenes drag, but the ending lands.',
      ],
      [
        'Better than I remembered',
        'Rewatched it with friends. Holds up well, and the dialogue is sharper than most of its genre.',
      ],
    ],
    3: [
      ['Good, not great', 'Lovely to look at, but the middle section loses its way. Still, the cast is fun to watch.'],
    ],
    2: [
      ['Not for me', 'I wanted to like it. The premise is great, the execution feels rushed and the characters thin.'],
    ],
    1: [
      ['Could not finish it', 'Turned it off halfway. Too slow, and the twist was obvious from the first ten minutes.'],
    ],
  },
  es: {
    5: [['Una maravilla', 'La fotografía es preciosa y el final me dejó sin palabras.\nLa volveré a ver seguro.']],
    4: [['Muy recomendable', 'Buen ritmo y grandes actuaciones. Algún momento flojo, pero merece la pena.']],
    3: [['Entretenida', 'Cumple sin más. Bonita de ver, aunque el guion se queda corto.']],
    2: [['Me decepcionó', 'Esperaba mucho más después de tanta promoción.']],
    1: [['Aburrida', 'No conseguí engancharme en ningún momento.']],
  },
  ar: {
    5: [['تحفة فنية', 'من أجمل ما شاهدت هذا العام. التصوير رائع والنهاية مؤثرة.']],
    4: [['يستحق المشاهدة', 'أداء قوي وقصة ممتعة، رغم بعض البطء في المنتصف.']],
    3: [['جيد', 'ممتع لكنه لا يترك أثراً كبيراً.']],
    2: [['مخيب للآمال', 'الفكرة جيدة لكن التنفيذ ضعيف.']],
    1: [['ممل', 'لم أستطع إكماله.']],
  },
} as const;

/**
 * Demo reviews (§8): ten community reviewers write on the most popular published titles, with a
 * few helpful votes among them, so the title pages show a rating summary and a list at once.
 * The demo viewer ("Alex") writes none: the demo and e2e write Alex's own.
 */
export async function seedReviews(db: Db, options: { seed?: number; titles?: number } = {}): Promise<void> {
  const rng = new Rng(options.seed ?? 20261207, 'reviews');
  const hasher = new PasswordHasher();
  const passwordHash = await hasher.hash(newSecret());
  const people = REVIEWERS.map(([name, language], i) => ({
    userId: newId('usr'),
    profileId: newId('prf'),
    name,
    language,
    email: `reviewer${i + 1}@reel.test`,
  }));
  await db.insert(users).values(
    people.map((p) => ({
      id: p.userId,
      email: p.email,
      passwordHash,
      displayName: p.name,
      emailVerifiedAt: new Date(),
      language: p.language,
    })),
  );
  await db.insert(profiles).values(
    people.map((p, i) => ({
      id: p.profileId,
      userId: p.userId,
      name: p.name,
      avatar: defaultAvatar(i + 2),
      language: p.language,
    })),
  );
  const popular = await db
    .select({ id: titles.id })
    .from(titles)
    .where(and(eq(titles.publishState, 'published')))
    .orderBy(desc(titles.popularity), asc(titles.id))
    .limit(options.titles ?? 40);
  const now = Date.now();
  const rows: (typeof reviews.$inferInsert)[] = [];
  const votes: (typeof reviewVotes.$inferInsert)[] = [];
  for (const title of popular) {
    const writers = [...people].sort(() => rng.next() - 0.5).slice(0, rng.int(2, 6));
    for (const p of writers) {
      const rating = Math.max(1, Math.min(5, Math.round(rng.float(1.6, 5.4))));
      const lang = p.language as keyof typeof TEXT;
      const options = TEXT[lang][rating as 1 | 2 | 3 | 4 | 5];
      const [headline, body] = options[rng.int(0, options.length - 1)] as readonly [string, string];
      const created = new Date(now - rng.int(1, 400) * 3600_000);
      const id = newId('rev');
      let helpful = 0;
      let notHelpful = 0;
      for (const voter of people) {
        if (voter === p || !rng.chance(0.35)) continue;
        const value = rng.chance(rating >= 3 ? 0.8 : 0.5) ? 'helpful' : 'not_helpful';
        if (value === 'helpful') helpful++;
        else notHelpful++;
        votes.push({ reviewId: id, userId: voter.userId, value, createdAt: created, changedAt: created });
      }
      rows.push({
        id,
        titleId: title.id,
        profileId: p.profileId,
        userId: p.userId,
        rating,
        headline,
        body,
        containsSpoilers: rng.chance(0.15),
        language: p.language,
        helpfulCount: helpful,
        notHelpfulCount: notHelpful,
        helpfulScore: wilsonLowerBound(helpful, helpful + notHelpful),
        createdAt: created,
        updatedAt: created,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(reviews).values(rows.slice(i, i + 500));
  for (let i = 0; i < votes.length; i += 500) await db.insert(reviewVotes).values(votes.slice(i, i + 500));
  // Their stars join the catalog's ratings of those titles.
  await recountRatings(db, [...new Set(rows.map((r) => r.titleId))]);
}
