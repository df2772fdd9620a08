/**
 * Formats rows (objects with the same keys) as a plain-text table with aligned columns;
 * numbers are right-aligned.
 * @param {Record<string, unknown>[]} rows
 * @param {string} [title]
 */
export function formatTable(rows, title) {
  if (rows.length === 0) return title ? `${title}\n(no rows)\n` : '(no rows)\n';
  const cols = Object.keys(rows[0]);
  const cell = (v) => (v === undefined || v === null ? '' : String(v));
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const isNum = cols.map((c) =>
    rows.every((r) => typeof r[c] === 'number' || /^[\d.,]+ ?(KB|B|ms|%|x|×)?$/.test(cell(r[c]))),
  );
  const line = (vals) =>
    `| ${vals.map((v, i) => (isNum[i] ? cell(v).padStart(width[i]) : cell(v).padEnd(width[i]))).join(' | ')} |`;
  const sep = `|${width.map((w, i) => (isNum[i] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return `${title ? `${title}\n\n` : ''}${[line(cols), sep, ...rows.map((r) => line(cols.map((c) => r[c])))].join('\n')}\n`;
}
