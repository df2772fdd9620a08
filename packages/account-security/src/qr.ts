import { type SVGTemplateResult, svg } from 'lit';
import { encode } from 'uqr';

/**
 * A QR code as a Lit `svg` template: one path of dark modules on a light square, so it renders
 * under a strict Content-Security-Policy with Trusted Types (no `innerHTML`, no data URL).
 * Medium error correction and a 2-module quiet zone, which phone cameras read from a screen.
 *
 * @example
 * html`<svg viewBox=${qr.viewBox} role="img" aria-label="QR code">${qr.body}</svg>`
 */
export function qrCode(text: string): { viewBox: string; body: SVGTemplateResult; size: number } {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  for (let y = 0; y < size; y++) {
    const row = data[y] ?? [];
    for (let x = 0; x < size; x++) {
      // Runs of dark modules become one rectangle each: a short path even for a large code.
      if (!row[x]) continue;
      let run = 1;
      while (x + run < size && row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return {
    size,
    viewBox: `0 0 ${size} ${size}`,
    body: svg`<rect width=${size} height=${size} fill="#fff"/><path d=${d} fill="#000" shape-rendering="crispEdges"/>`,
  };
}
