import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { adminAudit, progress, reviews } from '../../src/db/schema/index.js';
import { wilsonLowerBound } from '../../src/services/reviews.js';
import { insertFixtureCatalog } from '../catalog-fixture.js';
import { createCallers, createStaff, createViewer, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type ReviewJson = { id: string; headline: string; author: { name: string; is_me: boolean }; [key: string]: unknown };

describe('reviews routes', () => {
  let t: TestApp;
  /** Adult profile "Alex" (signed in) and kids profile "Sam" on one account. */
  let family: TestCaller;
  let kids: TestCaller;
  let other: TestCaller;
  let moderator: TestCaller;

  const send = async (method: Method, url: string, caller: TestCaller | null, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: caller ? caller.headers : {},
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const write = (caller: TestCaller, titleId: string, body: Record<string, unknown>) =>
    send('POST', `/titles/${titleId}/reviews`, caller, body);
  const list = async (titleId: string, caller: TestCaller | null, query = '') => {
    const res = await send('GET', `/titles/${titleId}/reviews${query}`, caller);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { items: ReviewJson[]; next_cursor: string | null; total: number };
  };
  const review = (rating: number, headline: string, extra: Record<string, unknown> = {}) => ({
    rating,
    headline,
    body: `${headline}: the body.`,
    ...extra,
  });

  before(async () => {
    t = await buildTestApp();
    await insertFixtureCatalog(t.app);
    family = await createViewer(t.app, {
      profiles: [{ name: 'Alex' }, { name: 'Sam', isKids: true, maturityLevel: 7 }],
    });
    kids = await createViewer(t.app, { profiles: [{ name: 'Kid', isKids: true, maturityLevel: 7 }] });
    other = await createViewer(t.app, { profiles: [{ name: 'Robin', language: 'es' }] });
    moderator = await createStaff(t.app, 'moderator');
  });
  after(() => t?.close());

  it('writes one review per profile and title; a second post edits it with the "edited" mark', async () => {
    const first = await write(family, 't-toy-story', review(4, '  A classic  ', { contains_spoilers: false }));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.headline, 'A classic', 'trimmed');
    assert.equal(first.body.author.name, 'Alex');
    assert.equal(first.body.author.is_me, true);
    assert.equal(first.body.edited_at, null);
    assert.equal(first.body.language, 'en');
    assert.equal(first.body.can_edit, true);
    assert.equal(first.body.can_vote, false);

    const again = await write(family, 't-toy-story', review(5, 'Even better the second time'));
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.body.rating, 5);
    assert.ok(again.body.edited_at);

    const mine = await send('GET', '/reviews/mine?title_id=t-toy-story', family);
    assert.equal(mine.status, 200);
    assert.equal(mine.body.review.id, first.body.id);
    assert.equal(mine.body.can_write, true);
    const page = await list('t-toy-story', other);
    assert.equal(page.total, 1);
    assert.equal(page.items[0]?.author.is_me, false);
    assert.equal(page.items[0]?.can_vote, true);
    assert.equal(page.items[0]?.can_edit, false);
  });

  it('refuses bad input field by field', async () => {
    for (const [body, field] of [
      [{ ...review(6, 'x') }, 'rating'],
      [{ ...review(0, 'x') }, 'rating'],
      [{ ...review(3, 'x'.repeat(121)) }, 'headline'],
      [{ rating: 3, headline: 'ok', body: '   ' }, 'body'],
      [{ rating: 3, headline: 'ok', body: 'y'.repeat(5001) }, 'body'],
    ] as const) {
      const res = await write(other, 't-up', body);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.ok(
        res.body.error.details.fields.some((f: { field: string }) => f.field === field),
        JSON.stringify(res.body),
      );
    }
    assert.equal((await write(other, 't-does-not-exist', review(3, 'x'))).status, 404);
    assert.equal((await write(null as unknown as TestCaller, 't-up', review(3, 'x'))).status, 401);
  });

  it('stores untrusted text verbatim (clients render it as text)', async () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>\nline two';
    const res = await write(other, 't-toy-story', review(2, '<b>bold?</b>', { body: payload, language: 'es' }));
    assert.equal(res.status, 201);
    assert.equal(res.body.body, payload);
    assert.equal(res.body.headline, '<b>bold?</b>');
    assert.equal(res.body.language, 'es');
  });

  it('kids profiles cannot write, and cannot see titles above their ceiling', async () => {
    const refused = await write(kids, 't-toy-story', review(5, 'Woody!'));
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    const mine = await send('GET', '/reviews/mine?title_id=t-toy-story', kids);
    assert.equal(mine.body.can_write, false);
    assert.equal((await list('t-toy-story', kids)).total, 2);
    assert.equal((await send('GET', '/titles/t-interstellar/reviews', kids)).status, 404);
    // A kids profile of an adult's account (switched to) is refused too.
    const [sam] = await createCallers(t.app, [{ profiles: [{ name: 'Sam', isKids: true }] }]);
    assert.equal((await write(sam as TestCaller, 't-toy-story', review(5, 'Hi'))).status, 403);
  });

  it('shows the "watched" badge from the author\'s history, and filters on it', async () => {
    const alex = family.profiles[0]?.id as string;
    await t.app.db.insert(progress).values({
      profileId: alex,
      titleId: 't-toy-story',
      episodeId: '',
      position: 4800,
      duration: 4860,
      completed: true,
    });
    const page = await list('t-toy-story', null);
    const byAuthor = Object.fromEntries(page.items.map((r) => [r.author.name, r.watched]));
    assert.deepEqual(byAuthor, { Alex: true, Robin: false });
    const watched = await list('t-toy-story', null, '?watched_only=true');
    assert.deepEqual(
      watched.items.map((r) => r.author.name),
      ['Alex'],
    );
    assert.equal(watched.total, 1);
    const summary = await send('GET', '/titles/t-toy-story/reviews/summary', null);
    assert.equal(summary.status, 200);
    assert.equal(summary.body.count, 2);
    assert.equal(summary.body.average, 3.5);
    assert.deepEqual(summary.body.histogram, { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 });
    assert.equal(summary.body.watched_count, 1);
    assert.deepEqual(summary.body.languages.map((l: { language: string }) => l.language).sort(), ['en', 'es']);
  });

  it('sorts by rating and date, and filters by rating, language and spoilers', async () => {
    const callers = await createCallers(t.app, [{}, {}, {}]);
    for (const [i, c] of callers.entries())
      assert.equal(
        (await write(c, 't-up', review(i + 1, `Up ${i + 1}`, { contains_spoilers: i === 2, language: 'en' }))).status,
        201,
      );
    const names = (p: { items: ReviewJson[] }) => p.items.map((r) => r.headline);
    assert.deepEqual(names(await list('t-up', null, '?sort=highest')), ['Up 3', 'Up 2', 'Up 1']);
    assert.deepEqual(names(await list('t-up', null, '?sort=lowest')), ['Up 1', 'Up 2', 'Up 3']);
    assert.deepEqual(names(await list('t-up', null, '?sort=newest')), ['Up 3', 'Up 2', 'Up 1']);
    assert.deepEqual(names(await list('t-up', null, '?rating=2')), ['Up 2']);
    assert.deepEqual(names(await list('t-up', null, '?sort=newest&hide_spoilers=true')), ['Up 2', 'Up 1']);
    assert.equal((await list('t-up', null, '?language=es')).total, 0);
    assert.equal((await send('GET', '/titles/t-up/reviews?rating=9', null)).status, 400);
    assert.equal((await send('GET', '/titles/t-up/reviews?cursor=nope', null)).status, 400);
  });

  it("votes: one per account, changeable and removable, never on one's own review", async () => {
    const { items } = await list('t-toy-story', other);
    const alexReview = items.find((r) => r.author.name === 'Alex')!;
    const vote = (caller: TestCaller, v: string) => send('POST', `/reviews/${alexReview.id}/vote`, caller, { vote: v });
    let res = await vote(other, 'helpful');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, {
      review_id: alexReview.id,
      helpful_count: 1,
      not_helpful_count: 0,
      my_vote: 'helpful',
    });
    res = await vote(other, 'helpful');
    assert.equal(res.body.helpful_count, 1, 'voting twice counts once');
    res = await vote(other, 'not_helpful');
    assert.deepEqual([res.body.helpful_count, res.body.not_helpful_count, res.body.my_vote], [0, 1, 'not_helpful']);
    res = await vote(other, 'none');
    assert.deepEqual([res.body.helpful_count, res.body.not_helpful_count, res.body.my_vote], [0, 0, null]);
    await vote(other, 'helpful');
    const seen = (await list('t-toy-story', other)).items.find((r) => r.id === alexReview.id)!;
    assert.equal(seen.my_vote, 'helpful');
    assert.equal(seen.helpful_count, 1);

    const own = await vote(family, 'helpful');
    assert.equal(own.status, 403);
    assert.equal((await send('POST', `/reviews/${alexReview.id}/vote`, null, { vote: 'helpful' })).status, 401);
    assert.equal((await send('POST', '/reviews/rev_nope/vote', other, { vote: 'helpful' })).status, 404);
    assert.equal((await vote(other, 'love')).status, 400);
  });

  it('keeps counts right under 50 concurrent votes', async () => {
    const author = await createViewer(t.app);
    const created = await write(author, 't-inception', review(4, 'Dreams'));
    const voters = await createCallers(
      t.app,
      Array.from({ length: 50 }, () => ({})),
    );
    const results = await Promise.all(
      voters.map((v, i) =>
        send('POST', `/reviews/${created.body.id}/vote`, v, { vote: i % 5 === 0 ? 'not_helpful' : 'helpful' }),
      ),
    );
    assert.ok(results.every((r) => r.status === 200));
    // And 10 of them change their minds at once.
    await Promise.all(
      voters.slice(0, 10).map((v) => send('POST', `/reviews/${created.body.id}/vote`, v, { vote: 'none' })),
    );
    const [row] = await t.app.db.select().from(reviews).where(eq(reviews.id, created.body.id));
    // Voters 0 and 5 voted not helpful and removed it; 8 helpful removed.
    assert.equal(row?.helpfulCount, 32);
    assert.equal(row?.notHelpfulCount, 8);
    assert.equal(row?.helpfulScore, wilsonLowerBound(32, 40));
  });

  it('ranks "most helpful" by the Wilson lower bound, not raw counts', async () => {
    const [a, b, ...voters] = await createCallers(
      t.app,
      Array.from({ length: 14 }, () => ({})),
    );
    const one = await write(a!, 't-dark-knight', review(5, 'One vote, all helpful'));
    const many = await write(b!, 't-dark-knight', review(5, 'Many votes, mostly helpful'));
    await send('POST', `/reviews/${one.body.id}/vote`, voters[0]!, { vote: 'helpful' });
    for (const [i, v] of voters.entries())
      await send('POST', `/reviews/${many.body.id}/vote`, v, { vote: i < 11 ? 'helpful' : 'not_helpful' });
    // 1/1 helpful has a lower bound of 0.21; 11/12 one of 0.65.
    const page = await list('t-dark-knight', null, '?sort=most_helpful');
    assert.deepEqual(
      page.items.map((r) => r.id),
      [many.body.id, one.body.id],
    );
    assert.ok(wilsonLowerBound(1, 1) < wilsonLowerBound(11, 12));
  });

  it('pages stably while new reviews and votes arrive', async () => {
    const authors = await createCallers(
      t.app,
      Array.from({ length: 7 }, () => ({})),
    );
    const voters = await createCallers(
      t.app,
      Array.from({ length: 4 }, () => ({})),
    );
    const ids: string[] = [];
    for (const [i, a] of authors.slice(0, 6).entries())
      ids.push((await write(a, 't-star-voyagers', review((i % 5) + 1, `Spirited ${i}`))).body.id);
    for (const sort of ['most_helpful', 'newest', 'highest', 'lowest']) {
      const first = await list('t-star-voyagers', null, `?sort=${sort}&limit=2`);
      assert.ok(first.next_cursor);
      // Meanwhile: votes push the last items up, and a new review arrives.
      const seenIds = first.items.map((r) => r.id);
      const rest = ids.filter((id) => !seenIds.includes(id));
      for (const v of voters) await send('POST', `/reviews/${rest[rest.length - 1]}/vote`, v, { vote: 'helpful' });
      const late =
        sort === 'most_helpful'
          ? (await write(authors[6]!, 't-star-voyagers', review(5, 'Late arrival'))).body.id
          : null;
      let cursor: string | null = first.next_cursor;
      const all = [...seenIds];
      while (cursor) {
        const page = await list('t-star-voyagers', null, `?sort=${sort}&limit=2&cursor=${encodeURIComponent(cursor)}`);
        all.push(...page.items.map((r) => r.id));
        cursor = page.next_cursor;
      }
      assert.equal(new Set(all).size, all.length, `${sort}: no repeats`);
      assert.deepEqual([...all].sort(), [...ids].sort(), `${sort}: every review of the first page's moment`);
      if (late) ids.push(late);
    }
  });

  it("refuses editing, deleting and restoring someone else's review", async () => {
    const mine = await write(other, 't-inception', review(3, 'Mine'));
    const id = mine.body.id;
    const patch = await send('PATCH', `/reviews/${id}`, family, { rating: 1 });
    assert.equal(patch.status, 403, JSON.stringify(patch.body));
    assert.equal((await send('DELETE', `/reviews/${id}`, family)).status, 403);
    assert.equal((await send('POST', `/reviews/${id}/restore`, family)).status, 403);
    // A second profile of the same account is someone else too.
    const [sibling] = await createCallers(t.app, [{ profiles: [{ name: 'A' }, { name: 'B' }] }]);
    const a = await write(sibling!, 't-inception', review(3, 'A'));
    const [, bProfile] = sibling!.profiles;
    const bSession = await createViewer(t.app); // stranger check below
    assert.equal((await send('PATCH', `/reviews/${a.body.id}`, bSession, { rating: 1 })).status, 403);
    assert.ok(bProfile);
    const [row] = await t.app.db.select().from(reviews).where(eq(reviews.id, id));
    assert.equal(row?.rating, 3);
  });

  it("edits, deletes and restores one's own review", async () => {
    const author = await createViewer(t.app);
    const created = await write(author, 't-toy-story', review(3, 'Fine'));
    const id = created.body.id;
    const edited = await send('PATCH', `/reviews/${id}`, author, { rating: 4, contains_spoilers: true });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.rating, 4);
    assert.equal(edited.body.contains_spoilers, true);
    assert.ok(edited.body.edited_at);
    assert.equal((await send('DELETE', `/reviews/${id}`, author)).status, 204);
    assert.equal((await send('GET', '/reviews/mine?title_id=t-toy-story', author)).body.review, null);
    assert.ok(!(await list('t-toy-story', null)).items.some((r) => r.id === id));
    const restored = await send('POST', `/reviews/${id}/restore`, author);
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.ok((await list('t-toy-story', null)).items.some((r) => r.id === id));
    // Deleted, then a new one written: restoring the old one conflicts.
    await send('DELETE', `/reviews/${id}`, author);
    const fresh = await write(author, 't-toy-story', review(2, 'Changed my mind'));
    assert.equal(fresh.status, 201);
    assert.equal((await send('POST', `/reviews/${id}/restore`, author)).status, 409);
    // Gone for good after the window.
    await send('DELETE', `/reviews/${fresh.body.id}`, author);
    await t.app.db
      .update(reviews)
      .set({ deletedAt: new Date(Date.now() - 30 * 86_400_000) })
      .where(eq(reviews.id, fresh.body.id));
    assert.equal((await send('POST', `/reviews/${fresh.body.id}/restore`, author)).status, 410);
  });

  it("folds each published review's stars into the title's rating, and takes them out again", async () => {
    // t-night-terrors came with 10 ratings averaging 3.1 (the fixture's catalog ratings).
    const rating = async () => {
      const res = await send('GET', '/titles/t-night-terrors', null);
      return [res.body.rating_average, res.body.review_count];
    };
    assert.deepEqual(await rating(), [3.1, 10]);
    const author = await createViewer(t.app, { profiles: [{ name: 'Critic', maturityLevel: 18 }] });
    const written = await write(author, 't-night-terrors', review(1, 'Too long'));
    assert.equal(written.status, 201, JSON.stringify(written.body));
    const id = written.body.id;
    assert.deepEqual(await rating(), [2.91, 11], '(31 + 1) / 11');
    await send('PATCH', `/reviews/${id}`, author, { rating: 3 });
    assert.deepEqual(await rating(), [3.09, 11], '(31 + 3) / 11');
    await send('DELETE', `/reviews/${id}`, author);
    assert.deepEqual(await rating(), [3.1, 10], 'deleted');
    await send('POST', `/reviews/${id}/restore`, author);
    assert.deepEqual(await rating(), [3.09, 11], 'restored');
    const reporters = await createCallers(t.app, [{}, {}, {}]);
    for (const c of reporters) await send('POST', `/reviews/${id}/report`, c, { reason: 'spam' });
    assert.deepEqual(await rating(), [3.1, 10], 'hidden pending moderation');
    const [open] = (await send('GET', '/admin/reviews/reports?status=open', moderator)).body.items.filter(
      (c: { review: { id: string } }) => c.review.id === id,
    );
    await send('POST', `/admin/reviews/reports/${open.id}/resolve`, moderator, { action: 'keep', note: 'fair' });
    assert.deepEqual(await rating(), [3.09, 11], 'kept by a moderator');
  });

  it('hides a review after three reports (one per account), and a moderator resolves it, audited', async () => {
    const author = await createViewer(t.app);
    const created = await write(author, 't-amelie', review(1, 'Buy cheap pills'));
    const id = created.body.id;
    const reporters = await createCallers(t.app, [{}, {}, {}]);
    const report = (c: TestCaller, body: Record<string, unknown>) => send('POST', `/reviews/${id}/report`, c, body);
    assert.equal((await report(author, { reason: 'spam' })).status, 403, "not one's own");
    assert.equal((await report(reporters[0]!, { reason: 'other' })).status, 400, '"other" needs text');
    const first = await report(reporters[0]!, { reason: 'spam', text: 'pills' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await report(reporters[0]!, { reason: 'abuse' });
    assert.equal(again.body.id, first.body.id, 'reporting again updates the report');
    assert.equal(again.body.reason, 'abuse');
    await report(reporters[1]!, { reason: 'spam' });
    assert.ok(
      (await list('t-amelie', null)).items.some((r) => r.id === id),
      'two reports: still shown',
    );
    const seen = (await list('t-amelie', reporters[0]!)).items.find((r) => r.id === id)!;
    assert.equal(seen.reported_by_me, true);
    await report(reporters[2]!, { reason: 'spam' });
    assert.ok(!(await list('t-amelie', null)).items.some((r) => r.id === id), 'three: hidden');
    const mine = await send('GET', '/reviews/mine?title_id=t-amelie', author);
    assert.equal(mine.body.review.status, 'hidden');

    assert.equal((await send('GET', '/admin/reviews/reports', other)).status, 403);
    const queue = await send('GET', '/admin/reviews/reports?status=open', moderator);
    assert.equal(queue.status, 200, JSON.stringify(queue.body));
    const kase = queue.body.items.find((c: { review: { id: string } }) => c.review.id === id);
    assert.equal(kase.report_count, 3);
    assert.equal(kase.review.hidden, true);
    assert.deepEqual(
      kase.reasons.sort((x: { reason: string }, y: { reason: string }) => x.reason.localeCompare(y.reason)),
      [
        { reason: 'abuse', count: 1 },
        { reason: 'spam', count: 2 },
      ],
    );
    assert.equal(
      (await send('POST', `/admin/reviews/reports/${kase.id}/resolve`, other, { action: 'keep', note: 'x' })).status,
      403,
    );
    const kept = await send('POST', `/admin/reviews/reports/${kase.id}/resolve`, moderator, {
      action: 'keep',
      note: 'Satire, not spam',
    });
    assert.equal(kept.status, 200, JSON.stringify(kept.body));
    assert.equal(kept.body.status, 'resolved');
    assert.equal(kept.body.resolution.action, 'keep');
    assert.equal(kept.body.resolution.by.email, moderator.email);
    assert.ok(
      (await list('t-amelie', null)).items.some((r) => r.id === id),
      'kept: visible again',
    );
    const twice = await send('POST', `/admin/reviews/reports/${kase.id}/resolve`, moderator, {
      action: 'hide',
      note: 'again',
    });
    assert.equal(twice.status, 409);
    const audit = await t.app.db.select().from(adminAudit).where(eq(adminAudit.targetId, id));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.action, 'review.resolve');
    assert.equal(audit[0]?.actorId, moderator.userId);
    assert.deepEqual(audit[0]?.before, { status: 'hidden' });

    // Reported again: a new case; deleted by a moderator, its author can no longer edit it.
    await report(reporters[0]!, { reason: 'spam' });
    const open = await send('GET', `/admin/reviews/reports?status=open&title_id=t-amelie`, moderator);
    const second = open.body.items.find((c: { review: { id: string } }) => c.review.id === id);
    assert.ok(second && second.id !== kase.id);
    const removed = await send('POST', `/admin/reviews/reports/${second.id}/resolve`, moderator, {
      action: 'delete',
      note: 'On reflection, spam',
    });
    assert.equal(removed.status, 200);
    assert.ok(!(await list('t-amelie', null)).items.some((r) => r.id === id));
    assert.equal((await send('PATCH', `/reviews/${id}`, author, { rating: 2 })).status, 409);
    assert.equal((await send('GET', '/reviews/mine?title_id=t-amelie', author)).body.review.status, 'removed');
    assert.equal((await t.app.db.select().from(adminAudit).where(eq(adminAudit.targetId, id))).length, 2);
  });

  it("leaves reviews waiting for moderation out of kids profiles' lists", async () => {
    const author = await createViewer(t.app);
    const created = await write(author, 't-toy-story', review(1, 'Reported once'));
    await send('POST', `/reviews/${created.body.id}/report`, other, { reason: 'abuse' });
    assert.ok((await list('t-toy-story', null)).items.some((r) => r.id === created.body.id));
    assert.ok(!(await list('t-toy-story', kids)).items.some((r) => r.id === created.body.id));
  });

  it('rate-limits writing, voting and reporting (429 with Retry-After)', async () => {
    const author = await createViewer(t.app);
    const created = await write(author, 't-galaxy-pups', review(3, 'Limit me'));
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i++)
      last = (await send('PATCH', `/reviews/${created.body.id}`, author, { rating: (i % 5) + 1 })).status;
    assert.equal(last, 429);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/reviews/${created.body.id}`,
      headers: author.headers,
      payload: { rating: 2 },
    });
    assert.equal(res.statusCode, 429);
    assert.ok(Number(res.headers['retry-after']) > 0);
  });
});
