import { css } from 'lit';

/** The security page: a header with the checkup tiles, a section list, and the cards. */
export const pageStyles = css`
  :host {
    display: block;
    color: var(--reel-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  .page {
    box-sizing: border-box;
    max-inline-size: var(--reel-account-security-max-width, 72rem);
    margin-inline: auto;
    padding: var(--reel-space-10) var(--reel-space-8) var(--reel-space-16);
  }
  .hero {
    margin-block-end: var(--reel-space-8);
  }
  .eyebrow {
    margin: 0 0 var(--reel-space-2);
    color: color-mix(in srgb, var(--reel-color-accent) 62%, white);
    font-size: var(--reel-font-size-xs);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: 0.14em;
    text-transform: uppercase;
  }
  h1 {
    margin: 0;
    font-size: var(--reel-font-size-4xl);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-tight);
    line-height: var(--reel-line-height-tight);
  }
  .intro {
    margin: var(--reel-space-2) 0 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-lg);
    max-inline-size: 40rem;
  }
  .checkup {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: var(--reel-space-3);
    list-style: none;
    margin: var(--reel-space-6) 0 0;
    padding: 0;
  }
  .checkup reel-skeleton {
    block-size: 4.75rem;
    border-radius: var(--reel-radius-xl);
  }
  .tile {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: var(--reel-space-3);
    align-items: center;
    block-size: 100%;
    box-sizing: border-box;
    padding: var(--reel-space-4);
    border-radius: var(--reel-radius-xl);
    border: 1px solid var(--reel-color-border);
    background: var(--reel-color-surface-raised);
    color: inherit;
    text-decoration: none;
    transition: background var(--reel-duration-fast) var(--reel-easing-standard),
      border-color var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .tile:hover {
    background: var(--reel-color-surface-hover);
    border-color: var(--reel-color-border-strong);
  }
  .tile:focus-visible,
  nav a:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
  }
  .tile-icon {
    display: grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: var(--reel-radius-pill);
    background: var(--reel-color-surface-sunken);
    --reel-icon-size: 1.25rem;
  }
  .tile.good .tile-icon {
    background: var(--reel-color-success-soft);
    color: var(--reel-color-success);
  }
  .tile.warn .tile-icon {
    background: var(--reel-color-warning-soft);
    color: var(--reel-color-warning);
  }
  .tile-text {
    display: grid;
    gap: var(--reel-space-0-5);
    min-inline-size: 0;
  }
  .tile-text strong {
    font-weight: var(--reel-font-weight-semibold);
  }
  .tile-text span {
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .chevron {
    color: var(--reel-color-text-subtle);
  }
  .status-banner {
    display: flex;
    gap: var(--reel-space-3);
    align-items: center;
    margin-block-end: var(--reel-space-6);
    padding: var(--reel-space-4) var(--reel-space-5);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-warning-soft);
  }
  .status-banner reel-icon {
    color: var(--reel-color-warning);
  }
  .status-banner p {
    margin: 0;
  }
  .layout {
    display: grid;
    grid-template-columns: 15rem minmax(0, 1fr);
    gap: var(--reel-space-8);
    align-items: start;
  }
  nav {
    position: sticky;
    inset-block-start: var(--reel-space-20, 5rem);
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--reel-space-0-5);
  }
  nav a {
    display: flex;
    align-items: center;
    gap: var(--reel-space-3);
    padding: var(--reel-space-2-5, 10px) var(--reel-space-3);
    border-radius: var(--reel-radius-md);
    color: var(--reel-color-text-muted);
    text-decoration: none;
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-medium);
    --reel-icon-size: 1.125rem;
  }
  nav a:hover {
    background: var(--reel-color-surface-hover);
    color: var(--reel-color-text);
  }
  nav a[aria-current] {
    background: var(--reel-color-surface-raised);
    color: var(--reel-color-text);
    box-shadow: inset 3px 0 0 var(--reel-color-accent);
  }
  .sections {
    display: grid;
    gap: var(--reel-space-6);
    min-inline-size: 0;
  }
  .sections > * {
    scroll-margin-block-start: var(--reel-space-20, 5rem);
  }
  @media (max-width: 1023px) {
    .page {
      padding: var(--reel-space-8) var(--reel-space-5) var(--reel-space-12);
    }
    .layout {
      grid-template-columns: minmax(0, 1fr);
      gap: var(--reel-space-4);
    }
    nav {
      position: static;
      margin-inline: calc(-1 * var(--reel-space-5));
      overflow-x: auto;
      scrollbar-width: none;
    }
    nav ul {
      display: flex;
      gap: var(--reel-space-2);
      padding-inline: var(--reel-space-5);
      inline-size: max-content;
    }
    nav a {
      border: 1px solid var(--reel-color-border);
      border-radius: var(--reel-radius-pill);
      padding: var(--reel-space-1-5) var(--reel-space-3);
      white-space: nowrap;
    }
    nav a[aria-current] {
      box-shadow: none;
      border-color: var(--reel-color-text);
    }
    .checkup {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (max-width: 639px) {
    .page {
      padding: var(--reel-space-6) var(--reel-space-3) var(--reel-space-10);
    }
    nav {
      margin-inline: calc(-1 * var(--reel-space-3));
    }
    nav ul {
      padding-inline: var(--reel-space-3);
    }
    h1 {
      font-size: var(--reel-font-size-3xl);
    }
    .intro {
      font-size: var(--reel-font-size-md);
    }
  }
`;
