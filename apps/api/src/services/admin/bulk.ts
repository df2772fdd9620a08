import { createHash } from 'node:crypto';
import type { AdminBulkRow } from '@reel/contracts';
import { parse } from 'csv-parse/sync';

/** One manifest row, normalised. */
export interface ManifestTitle {
  key: string;
  type: 'film' | 'series' | 'anime';
  name: string;
  synopsis: string;
  year: number | null;
  genres: string[];
  maturity_level: number;
  original_language: string;
  regions: string[];
}

export interface CheckedRow {
  row: number;
  key: string | null;
  name: string | null;
  problems: AdminBulkRow['problems'];
  value: ManifestTitle | null;
}

const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map((x) => String(x).trim()).filter(Boolean)
    : typeof v === 'string'
      ? v
          .split(/[;|]/)
          .map((x) => x.trim())
          .filter(Boolean)
      : [];
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

/** Parses the manifest text into raw records; a file that does not parse is one problem at row 0. */
export function parseManifest(format: 'csv' | 'json', text: string): Record<string, unknown>[] {
  if (format === 'json') {
    const value = JSON.parse(text) as unknown;
    const rows = Array.isArray(value) ? value : (value as { titles?: unknown })?.titles;
    if (!Array.isArray(rows)) throw new Error('The JSON manifest is an array of rows (or { "titles": [...] })');
    return rows.map((r) => (r && typeof r === 'object' ? (r as Record<string, unknown>) : {}));
  }
  return parse(text, {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    bom: true,
    relax_column_count: true,
  }) as Record<string, unknown>[];
}

/** Checks each row field by field; `known` gives the genre slugs that exist. */
export function checkRows(rows: Record<string, unknown>[], genres: Set<string>): CheckedRow[] {
  const seen = new Map<string, number>();
  return rows.map((raw, i) => {
    const row = i + 1;
    const problems: AdminBulkRow['problems'] = [];
    const error = (field: string, message: string) => problems.push({ field, message, severity: 'error' });
    const key = str(raw.key);
    if (!key) error('key', 'required: a stable external id makes re-applying safe');
    else if (!/^[A-Za-z0-9._:-]{1,64}$/.test(key)) error('key', 'letters, digits, . _ : - only, at most 64');
    else if (seen.has(key)) error('key', `duplicate of row ${seen.get(key)}`);
    else seen.set(key, row);
    const type = str(raw.type).toLowerCase();
    if (!['film', 'series', 'anime'].includes(type)) error('type', 'must be film, series or anime');
    const name = str(raw.name);
    if (!name) error('name', 'required');
    else if (name.length > 200) error('name', 'at most 200 characters');
    const synopsis = str(raw.synopsis);
    if (synopsis.length > 5000) error('synopsis', 'at most 5000 characters');
    if (!synopsis)
      problems.push({ field: 'synopsis', message: 'empty: needed before publishing', severity: 'warning' });
    let year: number | null = null;
    if (str(raw.year)) {
      year = Number(str(raw.year));
      if (!Number.isInteger(year) || year < 1870 || year > 2100) error('year', 'a year from 1870 to 2100');
    }
    const g = list(raw.genres);
    for (const slug of g) if (!genres.has(slug)) error('genres', `no genre "${slug}"`);
    const maturityText = str(raw.maturity_level);
    const maturity = Number(maturityText);
    if (!maturityText) error('maturity_level', 'required (0 to 18)');
    else if (!Number.isInteger(maturity) || maturity < 0 || maturity > 18)
      error('maturity_level', 'a whole number from 0 to 18');
    const language = str(raw.original_language) || 'en';
    if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(language))
      error('original_language', 'a language tag like en or pt-BR');
    const regions = list(raw.regions).map((r) => r.toUpperCase());
    for (const r of regions) if (!/^[A-Z]{2}$/.test(r)) error('regions', `"${r}" is not a two-letter region`);
    const ok = !problems.some((p) => p.severity === 'error');
    return {
      row,
      key: key || null,
      name: name || null,
      problems,
      value: ok
        ? {
            key,
            type: type as ManifestTitle['type'],
            name,
            synopsis,
            year,
            genres: [...new Set(g)],
            maturity_level: maturity,
            original_language: language,
            regions: [...new Set(regions)],
          }
        : null,
    };
  });
}

/** A fingerprint of a row's content: the same row applied again changes nothing. */
export const fingerprint = (v: ManifestTitle) => createHash('sha256').update(JSON.stringify(v)).digest('hex');
