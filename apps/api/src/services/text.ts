// Text helpers for search, suggestions and filters: accent/case folding with a map back to the
// original positions (for highlights), pg_trgm-compatible trigram similarity, edit distance.

/** A `[start, end)` range of UTF-16 code units in the original text. */
export interface Range {
  start: number;
  end: number;
}

/** Folded text and, for each of its code units, the index of the original code unit it came from. */
export interface Folded {
  text: string;
  map: number[];
  /** The original text. */
  source: string;
  /** Length of the original text. */
  length: number;
}

const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Lower-cases a string and strips diacritics (like Postgres `lower(unaccent(…))`).
 *
 * @example fold('Amélie') // 'amelie'
 */
export function fold(value: string): string {
  return !NON_ASCII.test(value) ? value.toLowerCase() : value.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Any character outside ASCII (which folds by lower-casing alone). */
const NON_ASCII = /[\u0080-\uffff]/;

/** Folds a string keeping a map from folded positions back to original ones. */
export function foldWithMap(value: string): Folded {
  if (!NON_ASCII.test(value)) {
    return {
      text: value.toLowerCase(),
      map: Array.from({ length: value.length }, (_, i) => i),
      source: value,
      length: value.length,
    };
  }
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 128) {
      text += value[i]?.toLowerCase();
      map.push(i);
      continue;
    }
    // Keep surrogate pairs together.
    const char =
      code >= 0xd800 && code <= 0xdbff && i + 1 < value.length ? value.slice(i, i + 2) : (value[i] as string);
    const folded = char.normalize('NFD').replace(MARKS, '').toLowerCase();
    for (let j = 0; j < folded.length; j++) map.push(i);
    text += folded;
    if (char.length === 2) i++;
  }
  return { text, map, source: value, length: value.length };
}

/** Maps a range of folded text back to the original text. */
export function unfoldRange(folded: Folded, start: number, end: number): Range {
  const s = folded.map[start] ?? folded.length;
  const last = folded.map[end - 1];
  if (last === undefined || end <= start) return { start: s, end: s };
  const code = folded.source.charCodeAt(last);
  const e = last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
  return { start: s, end: Math.max(s, e) };
}

/** The words of a (folded) string: runs of letters and digits. */
export function words(value: string): string[] {
  return value.match(WORD) ?? [];
}

/** The words of a folded string with their positions. */
function wordsAt(value: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of value.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Folds a query and splits it into words; the phrase is the words joined by single spaces. */
export function queryOf(q: string): { phrase: string; tokens: string[] } {
  const tokens = words(fold(q));
  return { phrase: tokens.join(' '), tokens };
}

/** Sorts and merges overlapping ranges. */
function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * Where a query matches a text exactly (after folding): the whole phrase as a substring, or else
 * every token as the start of a word. Null when it does not match.
 *
 * @example matchExact('The Dark Knight', queryOf('dark kni')) // { kind: 'phrase', highlights: [{ start: 4, end: 12 }] }
 */
export function matchExact(
  text: string,
  query: { phrase: string; tokens: string[] },
): { kind: 'equal' | 'prefix' | 'phrase' | 'tokens'; highlights: Range[] } | null {
  if (!query.tokens.length || !text) return null;
  const folded = foldWithMap(text);
  // Compare on words only, so punctuation in either does not matter ("Spider-Man" ~ "spider man").
  const ws = wordsAt(folded.text);
  const joined = ws.map((w) => w.word).join(' ');
  const at = joined.indexOf(query.phrase);
  if (at >= 0 && (at === 0 || joined[at - 1] === ' ')) {
    // Translate the position in `joined` back to the folded text through the words.
    let offset = 0;
    let startFolded = -1;
    let endFolded = -1;
    const endJoined = at + query.phrase.length;
    for (const w of ws) {
      const wStart = offset;
      const wEnd = offset + w.word.length;
      if (startFolded < 0 && at >= wStart && at <= wEnd) startFolded = w.start + (at - wStart);
      if (endJoined >= wStart && endJoined <= wEnd) {
        endFolded = w.start + (endJoined - wStart);
        break;
      }
      offset = wEnd + 1;
    }
    if (startFolded >= 0 && endFolded >= startFolded) {
      const kind = joined === query.phrase ? 'equal' : at === 0 ? 'prefix' : 'phrase';
      return { kind, highlights: [unfoldRange(folded, startFolded, endFolded)] };
    }
  }
  const ranges: Range[] = [];
  for (const token of query.tokens) {
    const w = ws.find((x) => x.word.startsWith(token));
    if (!w) return null;
    ranges.push(unfoldRange(folded, w.start, w.start + token.length));
  }
  return { kind: 'tokens', highlights: merge(ranges) };
}

/** Levenshtein edit distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Highlights the words of `text` that are close spellings (or prefixes) of the query's tokens. */
export function fuzzyHighlights(text: string, tokens: string[]): Range[] {
  const folded = foldWithMap(text);
  const ranges: Range[] = [];
  for (const w of wordsAt(folded.text)) {
    const close = tokens.some((t) => {
      if (w.word.startsWith(t) || t.startsWith(w.word)) return Math.min(t.length, w.word.length) >= 2;
      const allowed = Math.max(1, Math.floor(Math.max(t.length, w.word.length) / 4));
      return editDistance(t, w.word, allowed) <= allowed;
    });
    if (close) ranges.push(unfoldRange(folded, w.start, w.end));
  }
  return merge(ranges);
}

/**
 * The trigrams of a string as pg_trgm computes them: folded words, each padded with two spaces in
 * front and one behind.
 */
export function trigrams(value: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(fold(value))) {
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm `similarity()`: shared trigrams over all trigrams of both. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Whether a word of a text is a form of a query token: the token starts it ("wormh" → "wormhole"),
 * or it is the token without a short ending ("wormholes" → "wormhole"), as full-text stemming allows.
 */
export function wordMatchesToken(word: string, token: string): boolean {
  if (word.startsWith(token)) return true;
  return word.length >= 4 && token.startsWith(word) && token.length - word.length <= 3;
}

/** A short excerpt of `text` around the first word matching one of the query's tokens, and the highlights in it. */
export function snippet(text: string, tokens: string[], radius = 70): { text: string; highlights: Range[] } | null {
  const folded = foldWithMap(text);
  const ws = wordsAt(folded.text);
  const matching = ws.filter((w) => tokens.some((t) => wordMatchesToken(w.word, t)));
  const hit = matching[0];
  if (!hit) return null;
  const origStart = folded.map[hit.start] ?? 0;
  let from = Math.max(0, origStart - radius);
  let to = Math.min(text.length, origStart + radius * 2);
  // Cut at word boundaries.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < origStart) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > origStart) to = space;
  }
  const excerpt = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  const shift = from > 0 ? 1 - from : -from;
  const highlights = merge(
    matching
      .map((w) => unfoldRange(folded, w.start, w.end))
      .filter((r) => r.start >= from && r.end <= to)
      .map((r) => ({ start: r.start + shift, end: r.end + shift })),
  );
  return { text: excerpt, highlights };
}

/** A name prepared for fast repeated matching (typeahead over thousands of names). */
export interface PreparedName {
  text: string;
  /** Folded words joined by single spaces. */
  joined: string;
  words: string[];
  wordTrigrams: Set<string>[];
  trigrams: Set<string>;
}

/** Folds a name and computes its trigrams once. */
export function prepareName(text: string): PreparedName {
  const ws = words(fold(text));
  const wordTrigrams = ws.map((w) => trigrams(w));
  const all = new Set<string>();
  for (const set of wordTrigrams) for (const t of set) all.add(t);
  return { text, joined: ws.join(' '), words: ws, wordTrigrams, trigrams: all };
}

/**
 * How well a query matches a prepared name: an exact match (the phrase at a word start, or every
 * token starting a word) with its kind and highlights, or a close spelling with its similarity
 * (the best of the whole name and of every run of as many words as the query has); null below
 * `threshold`.
 */
export function rateName(
  name: PreparedName,
  query: { phrase: string; tokens: string[] },
  queryTrigrams: Set<string>,
  threshold: number,
): { exact: ReturnType<typeof matchExact>; similarity: number } | null {
  if (!query.tokens.length) return null;
  const phraseAtWord = ` ${name.joined}`.includes(` ${query.phrase}`);
  if (phraseAtWord || query.tokens.every((t) => name.words.some((w) => w.startsWith(t)))) {
    const exact = matchExact(name.text, query);
    if (exact) return { exact, similarity: 1 };
  }
  if (query.phrase.length < 3 || !queryTrigrams.size) return null;
  let shared = 0;
  for (const t of queryTrigrams) if (name.trigrams.has(t)) shared++;
  if (shared / queryTrigrams.size < threshold) return null;
  let best = shared / (queryTrigrams.size + name.trigrams.size - shared);
  const size = Math.min(query.tokens.length, name.words.length);
  if (name.words.length > size) {
    for (let i = 0; i + size <= name.words.length; i++) {
      const window = new Set<string>();
      for (let j = i; j < i + size; j++) for (const t of name.wordTrigrams[j] as Set<string>) window.add(t);
      best = Math.max(best, trigramSimilarity(queryTrigrams, window));
    }
  }
  return best >= threshold ? { exact: null, similarity: best } : null;
}
