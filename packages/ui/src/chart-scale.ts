/** Scale helpers of `<reel-chart>`: round axis ticks and label thinning. */

/** A "nice" step (1, 2, 2.5 or 5 × 10ⁿ) that splits `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count <= 0) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Ticks from 0 (or the negative minimum) to a round maximum that covers every value. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const step = niceStep(hi - lo, count);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Shows every n-th of `count` labels so labels about `labelWidth` px wide fit into `width` px. */
export function labelStride(count: number, width: number, labelWidth: number): number {
  if (count <= 1 || width <= 0) return 1;
  const fit = Math.max(1, Math.floor(width / Math.max(labelWidth, 1)));
  return Math.max(1, Math.ceil(count / fit));
}
