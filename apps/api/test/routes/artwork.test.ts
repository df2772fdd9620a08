// Generated artwork routes: valid SVG with the right type and cache headers, hostile titles
// escaped, unknown ids 404 in the error envelope.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { AVATARS } from '../../src/artwork/avatars.js';
import { renderPoster } from '../../src/artwork/title-art.js';
import {
  ARTWORK_VERSION,
  avatarList,
  avatarUrl,
  collectionArtwork,
  episodeStill,
  genreArtwork,
  personPhoto,
  titleArtwork,
} from '../../src/artwork/urls.js';
import { collections, episodes, people, titleGenres, titles } from '../../src/db/schema/index.js';
import { seedCatalog } from '../../src/seed/catalog.js';
import { buildTestApp, type TestApp } from '../helper.js';

/**
 * A small XML well-formedness check: tags nest and close, attributes are quoted, and every `&`
 * starts an entity. Enough to catch unescaped data in generated SVG.
 */
function assertWellFormedSvg(svg: string): void {
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), 'starts with the SVG root');
  assert.doesNotMatch(svg, /&(?!#\d+;|#x[0-9a-f]+;|amp;|lt;|gt;|quot;|apos;)/i, 'a bare & outside an entity');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  let m: RegExpExecArray | null = tag.exec(svg);
  while (m) {
    const between = svg.slice(last, m.index);
    assert.ok(
      !between.includes('<') && !between.includes('>'),
      `stray markup before <${m[2]}>: ${between.slice(0, 60)}`,
    );
    const [, closing, name, , selfClosing] = m;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClosing) stack.push(name as string);
    last = tag.lastIndex;
    m = tag.exec(svg);
  }
  assert.equal(svg.slice(last), '', 'nothing after the root');
  assert.deepEqual(stack, [], 'every element closed');
}

describe('artwork routes', () => {
  let t: TestApp;
  let titleId: string;
  let seed: number;
  let color: string;
  before(async () => {
    t = await buildTestApp();
    await seedCatalog(t.app.db, { seed: 7, log: () => {}, now: new Date('2026-11-26T12:00:00Z') });
    const [row] = await t.app.db
      .select({ id: titles.id, seed: titles.artworkSeed, color: titles.artworkColor })
      .from(titles)
      .limit(1);
    assert.ok(row);
    titleId = row.id;
    seed = row.seed;
    color = row.color;
  });
  after(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  function assertSvgResponse(res: Awaited<ReturnType<typeof get>>, immutable = true): void {
    assert.equal(res.statusCode, 200, res.body.slice(0, 200));
    assert.match(String(res.headers['content-type']), /^image\/svg\+xml/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
    if (immutable) assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assertWellFormedSvg(res.body);
  }

  it('serves a title poster and backdrop at the URLs the catalog hands out', async () => {
    const art = titleArtwork(titleId, seed, color);
    assert.match(art.color, /^#[0-9a-f]{6}$/);
    assert.ok(art.poster.includes(`v=${ARTWORK_VERSION}-${seed}`));
    const poster = await get(art.poster);
    assertSvgResponse(poster);
    assert.match(poster.body, /viewBox="0 0 600 900"/);
    assert.match(poster.body, /<text /, 'the poster sets the title');
    const backdrop = await get(art.backdrop);
    assertSvgResponse(backdrop);
    assert.match(backdrop.body, /viewBox="0 0 1600 900"/);
    // Deterministic: the same URL gives the same bytes.
    assert.equal((await get(art.poster)).body, poster.body);
  });

  it('caches a stale version briefly instead of forever', async () => {
    const res = await get(`/media/artwork/titles/${titleId}/poster.svg?v=0-0`);
    assertSvgResponse(res, false);
    assert.equal(res.headers['cache-control'], 'public, max-age=300');
    const bare = await get(`/media/artwork/titles/${titleId}/poster.svg`);
    assert.equal(bare.headers['cache-control'], 'public, max-age=300');
  });

  it('serves episode stills, portraits, collection and genre art, and avatars', async () => {
    const [ep] = await t.app.db.select({ id: episodes.id }).from(episodes).limit(1);
    const [person] = await t.app.db.select({ id: people.id }).from(people).limit(1);
    const [collection] = await t.app.db
      .select({ slug: collections.slug, color: collections.artworkColor })
      .from(collections)
      .limit(1);
    assert.ok(ep && person && collection);
    assertSvgResponse(await get(episodeStill(ep.id)));
    const photo = await get(personPhoto(person.id));
    assertSvgResponse(photo);
    assert.match(photo.body, /viewBox="0 0 400 500"/);
    const art = collectionArtwork(collection.slug, collection.color);
    assert.equal(art.color, collection.color);
    assertSvgResponse(await get(art.poster));
    assertSvgResponse(await get(art.backdrop));
    assertSvgResponse(await get(genreArtwork('space-opera')));
    assert.ok(AVATARS.length >= 16);
    for (const a of avatarList()) {
      assert.equal(a.url, avatarUrl(a.key));
      assert.match(a.key, /^[a-z0-9-]{1,40}$/);
      assertSvgResponse(await get(a.url));
    }
  });

  it('escapes hostile titles', async () => {
    const id = 'ttl_hostile';
    const name = `</text><script>alert(1)</script>&amp "quoted" 'single' <svg onload=x> ]]> \u0007`;
    await t.app.db.insert(titles).values({
      id,
      type: 'film',
      name,
      originalName: '<b>bold</b>',
      tagline: `"><image href=x onerror=alert(1)>`,
      studios: ['<Studio & Co>'],
      networks: [],
      artworkSeed: 99,
    });
    for (const kind of ['poster', 'backdrop']) {
      const res = await get(`/media/artwork/titles/${id}/${kind}.svg?v=${ARTWORK_VERSION}-99`);
      assertSvgResponse(res);
      // Only escaped: no element but the generator's own.
      assert.ok(!/<(script|image|b)\b|<svg onload/i.test(res.body), `${kind} lets markup through`);
    }
    const poster = await get(`/media/artwork/titles/${id}/poster.svg`);
    assert.ok(
      poster.body.includes('&#60;/TEXT&#62;&#60;SCRIPT&#62;') ||
        poster.body.includes('&#60;/text&#62;&#60;script&#62;'),
      'the name is set as text',
    );
    // The same for a title without genres and a very long name.
    await t.app.db
      .update(titles)
      .set({ name: 'A '.repeat(150).trim() })
      .where(eq(titles.id, id));
    await t.app.db.delete(titleGenres).where(eq(titleGenres.titleId, id));
    assertSvgResponse(await get(`/media/artwork/titles/${id}/poster.svg?v=${ARTWORK_VERSION}-99`));
  });

  it('answers 404 in the error envelope for unknown ids and keys', async () => {
    for (const url of [
      '/media/artwork/titles/ttl_nope/poster.svg',
      '/media/artwork/titles/ttl_nope/backdrop.svg',
      `/media/artwork/titles/${'x'.repeat(300)}/poster.svg`,
      '/media/artwork/titles/%3Cscript%3E/poster.svg',
      '/media/artwork/episodes/ep_nope/still.svg',
      '/media/artwork/people/per_nope/photo.svg',
      '/media/artwork/collections/no-such-collection/poster.svg',
      '/media/artwork/collections/Bad%20Slug/backdrop.svg',
      '/media/artwork/genres/no-such-genre/tile.svg',
      '/media/avatars/no-such-avatar.svg',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      const { error } = res.json();
      assert.equal(error.code, 'not_found', url);
      assert.ok(error.request_id, url);
    }
  });

  it('renders a whole catalog of posters quickly', async () => {
    const rows = await t.app.db
      .select({ id: titles.id, name: titles.name, type: titles.type, seed: titles.artworkSeed })
      .from(titles)
      .limit(100);
    const started = performance.now();
    for (const r of rows)
      renderPoster({ ...r, year: 2020, tagline: 'A tagline', genres: [{ slug: 'sci-fi', parent: null }] });
    const perPoster = (performance.now() - started) / rows.length;
    assert.ok(perPoster < 20, `${perPoster.toFixed(1)} ms a poster`);
  });
});
