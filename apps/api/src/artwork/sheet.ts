/**
 * Development tool: renders a contact sheet of generated artwork (24 posters, 6 backdrops and a
 * row of portraits, stills and avatars) in headless Chromium and saves it as a PNG.
 *
 *   node --import tsx apps/api/src/artwork/sheet.ts [out.png] [seed]
 */
import { writeFileSync } from 'node:fs';
import { buildCatalog } from '../seed/catalog.js';
import { AVATARS, renderAvatar } from './avatars.js';
import { collectionFamily, renderCollectionPoster } from './collection-art.js';
import { renderPortrait } from './portrait.js';
import { artFamily, renderBackdrop, renderPoster, renderStill, type TitleArtInput } from './title-art.js';

const out = process.argv[2] ?? '/tmp/artwork-sheet.png';
const seed = Number(process.argv[3] ?? 20261126);
const offset = Number(process.argv[4] ?? 0);

const catalog = buildCatalog(seed, new Date());
const genreParent = new Map(catalog.genres.map((g) => [g.slug, g.parent ?? null]));
const inputs: TitleArtInput[] = catalog.titles.map((t) => ({
  id: t.id,
  name: t.name,
  type: t.type,
  year: t.year ?? null,
  tagline: t.tagline ?? null,
  originalName: t.originalName ?? null,
  seed: t.artworkSeed ?? 0,
  genres: catalog.titleGenres
    .filter((g) => g.titleId === t.id)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((g) => ({ slug: g.genre, parent: genreParent.get(g.genre) ?? null })),
  networks: t.networks ?? [],
  studios: t.studios ?? [],
}));

// A spread of genres: round-robin over the genre families, so one sheet shows most of them.
const byFamily = new Map<string, TitleArtInput[]>();
for (const t of inputs.filter((x) => x.genres.length)) {
  const f = artFamily(t.genres);
  byFamily.set(f, [...(byFamily.get(f) ?? []), t]);
}
const families = [...byFamily.keys()].sort();
const picks: TitleArtInput[] = [];
for (let round = 0; picks.length < 30 && round < 50; round++) {
  for (const f of families) {
    const list = byFamily.get(f) ?? [];
    const t = list[(round + offset) % list.length];
    if (t && !picks.includes(t) && picks.length < 30) picks.push(t);
  }
}
const uri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const posters = picks.slice(0, 24).map((t) => `<img class="poster" src="${uri(renderPoster(t))}" alt="">`);
const backdrops = picks.slice(24, 30).map((t) => `<img class="backdrop" src="${uri(renderBackdrop(t))}" alt="">`);
const firstEpisodes = catalog.episodes.filter((_, i) => i % 97 === 0).slice(0, 4);
const stills = firstEpisodes.map((e) => {
  const t = inputs.find((x) => x.id === e.titleId);
  return t
    ? `<img class="still" src="${uri(renderStill(t, { seed: e.artworkSeed ?? 0, name: e.name, season: e.seasonNumber, number: e.number }))}" alt="">`
    : '';
});
const portraits = catalog.people
  .slice(0, 8)
  .map(
    (p) =>
      `<img class="portrait" src="${uri(renderPortrait({ id: p.id, name: p.name, seed: p.photoSeed ?? 0 }))}" alt="">`,
  );
const avatars = AVATARS.map((a) => `<img class="avatar" src="${uri(renderAvatar(a.key) ?? '')}" alt="">`);
const familyOf = (titleId: string) => {
  const first = catalog.titleGenres.find((g) => g.titleId === titleId && g.position === 0);
  return first ? (genreParent.get(first.genre) ?? first.genre) : 'drama';
};
const collections = catalog.collections.slice(0, 4).map((c) => {
  const family = collectionFamily(
    catalog.collectionItems.filter((i) => i.slug === c.slug).map((i) => familyOf(i.titleId)),
  );
  return `<img class="collection" src="${uri(renderCollectionPoster({ slug: c.slug, name: c.name, seed: c.artworkSeed ?? 0, family }))}" alt="">`;
});

const html = `<!doctype html><html><head><style>
body{margin:0;padding:28px;background:#0b0b10;font-family:'Liberation Sans',Arial,sans-serif;color:#b9b8c6;width:1400px}
h2{font-size:15px;font-weight:700;letter-spacing:.14em;text-transform:uppercase;margin:26px 0 12px;color:#8d8c9c}h2:first-child{margin-top:0}
.grid{display:grid;grid-template-columns:repeat(8,1fr);gap:14px}
.poster{width:100%;aspect-ratio:2/3;border-radius:6px;display:block}
.row{display:grid;grid-template-columns:repeat(3,1fr);gap:14px;margin-top:14px}
.backdrop{width:100%;aspect-ratio:16/9;border-radius:6px}
.misc{display:flex;gap:14px;margin-top:14px;align-items:center;flex-wrap:wrap}
.still{width:170px;aspect-ratio:16/9;border-radius:6px}
.portrait{width:96px;height:120px;border-radius:6px}
.avatar{width:72px;height:72px;border-radius:50%}
.collection{width:135px;aspect-ratio:2/3;border-radius:6px}
</style></head><body><h2>Posters (2:3)</h2><div class="grid">${posters.join('')}</div><h2>Backdrops (16:9)</h2><div class="row">${backdrops.join('')}</div>
<h2>Episode stills and collections</h2><div class="misc">${stills.join('')}${collections.join('')}</div><h2>People and profile avatars</h2><div class="misc">${portraits.join('')}</div><div class="misc">${avatars.join('')}</div></body></html>`;
writeFileSync('/tmp/artwork-sheet.html', html);

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1456, height: 1200 } });
await page.goto('file:///tmp/artwork-sheet.html');
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
