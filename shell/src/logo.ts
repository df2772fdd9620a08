import { svg } from 'lit';

/** Reel's wordmark: block letters with a slight bow, in the accent colour (decorative; the link names it). */
export const logo = svg`<svg class="wordmark" viewBox="0 0 94 30" aria-hidden="true" focusable="false">
  <defs>
    <linearGradient id="reel-logo-fill" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#ff1f2b" />
      <stop offset="1" stop-color="#b20710" />
    </linearGradient>
  </defs>
  <g fill="url(#reel-logo-fill)" fill-rule="evenodd">
    <path d="M0 1.5 L13 1 C19.5 1 22 4.6 22 9 C22 12.4 20.4 14.6 17.6 15.8 L23 28.6 L16.4 28.8 L11.7 17 L6.4 17.1 L6.4 29 L0 29.2 Z M6.4 6.6 L6.4 11.8 L12.2 11.7 C14.4 11.7 15.6 10.7 15.6 9.1 C15.6 7.5 14.4 6.5 12.2 6.5 Z" />
    <path d="M25.5 1 L43 0.6 L43 6 L31.9 6.2 L31.9 11.9 L41.8 11.8 L41.8 17 L31.9 17.1 L31.9 23.6 L43 23.8 L43 29.2 L25.5 29.6 Z" />
    <path d="M46.5 0.6 L64 1 L64 6.3 L52.9 6.2 L52.9 11.8 L62.8 11.9 L62.8 17.1 L52.9 17 L52.9 23.8 L64 23.6 L64 29.6 L46.5 29.2 Z" />
    <path d="M67.5 1 L73.9 1.2 L73.9 23.7 L85 23.4 L85 29 L67.5 29.4 Z" />
  </g>
</svg>`;
