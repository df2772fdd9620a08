import { css } from 'lit';

export const styles = css`
  :host {
    --_bar: var(--reel-shell-bar-height, 4.25rem);
    --_gutter: var(--reel-shell-gutter, clamp(1rem, 4vw, 3.75rem));
    /* What slotted pages read to keep clear of the bar. */
    --reel-shell-top: var(--_bar);
    display: flex;
    flex-direction: column;
    min-block-size: 100dvh;
    background: var(--reel-color-bg);
  }

  .skip-link {
    position: fixed;
    inset-block-start: var(--reel-space-2);
    inset-inline-start: var(--reel-space-2);
    z-index: calc(var(--reel-z-sticky) + 10);
    padding: var(--reel-space-2) var(--reel-space-4);
    border-radius: var(--reel-radius-md);
    background: var(--reel-color-inverse);
    color: var(--reel-color-on-inverse);
    font-weight: var(--reel-font-weight-semibold);
    text-decoration: none;
    translate: 0 -200%;
  }
  .skip-link:focus-visible {
    translate: 0 0;
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
  }

  /* ── Top bar: transparent with a shade over the hero, solid once the page scrolls ── */
  .bar {
    position: fixed;
    inset-block-start: 0;
    inset-inline: 0;
    z-index: var(--reel-z-sticky);
    block-size: var(--_bar);
    background: linear-gradient(180deg, rgb(0 0 0 / 0.78) 10%, rgb(0 0 0 / 0));
    transition: background-color var(--reel-duration-slow) var(--reel-easing-standard);
  }
  .bar[data-solid] {
    background-color: var(--reel-color-bg);
    box-shadow: 0 1px 0 var(--reel-color-border);
  }
  .bar-inner {
    display: flex;
    align-items: center;
    gap: clamp(var(--reel-space-4), 2.5vw, var(--reel-space-10));
    block-size: 100%;
    padding-inline: var(--_gutter);
  }
  .logo {
    display: inline-flex;
    align-items: center;
    flex: none;
    border-radius: var(--reel-radius-sm);
  }
  .wordmark {
    block-size: 1.65rem;
    inline-size: auto;
    filter: drop-shadow(0 2px 6px rgb(0 0 0 / 0.45));
  }
  a:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
  }

  .primary ul {
    display: flex;
    gap: clamp(var(--reel-space-3), 1.6vw, var(--reel-space-6));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .primary a {
    position: relative;
    color: rgb(229 229 229 / 0.92);
    text-decoration: none;
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-medium);
    white-space: nowrap;
    transition: color var(--reel-duration-fast) var(--reel-easing-standard);
    border-radius: var(--reel-radius-xs);
  }
  .primary a:hover {
    color: #b3b3b3;
  }
  .primary a[aria-current='page'] {
    color: #fff;
    font-weight: var(--reel-font-weight-bold);
  }
  .browse-menu {
    display: none;
  }

  .actions {
    display: flex;
    align-items: center;
    gap: var(--reel-space-2);
    margin-inline-start: auto;
  }
  .actions reel-icon-button {
    color: #fff;
  }
  .overrides {
    cursor: help;
  }

  /* ── Account notices, pinned above the bottom edge (and the phone's tab bar) ── */
  .banner {
    position: fixed;
    inset-inline: 0;
    inset-block-end: var(--_tabs-height, 0px);
    z-index: var(--reel-z-sticky);
    box-shadow: var(--reel-shadow-3);
    /* Opaque: the page scrolls under it. */
    --reel-verify-banner-background: var(--reel-color-surface-raised);
  }

  /* ── The page ── */
  .page {
    flex: 1;
    display: flex;
    flex-direction: column;
  }
  ::slotted(main) {
    flex: 1;
    outline: none;
    padding-block-start: var(--_bar);
  }
  :host([overlay]) ::slotted(main),
  :host([chrome='none']) ::slotted(main) {
    padding-block-start: 0;
  }
  .waiting {
    position: fixed;
    inset-block-start: var(--_bar);
    inset-inline: 0;
    z-index: var(--reel-z-sticky);
  }

  /* ── Footer ── */
  footer {
    display: grid;
    gap: var(--reel-space-4);
    padding: var(--reel-space-12) var(--_gutter) var(--reel-space-10);
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-sm);
  }
  .footer-row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--reel-space-4);
  }
  .footer-links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2) var(--reel-space-6);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  footer a {
    color: inherit;
    text-decoration: underline;
    text-decoration-color: transparent;
    text-underline-offset: 3px;
  }
  footer a:hover {
    color: var(--reel-color-text-muted);
    text-decoration-color: currentColor;
  }
  .language {
    inline-size: 12rem;
  }
  .fine-print {
    margin: 0;
    font-size: var(--reel-font-size-xs);
  }

  /* ── Phone tab bar ── */
  .tabs {
    display: none;
  }
  .chips {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  :host([chrome='none']) .bar,
  :host([chrome='none']) footer,
  :host([chrome='none']) .tabs {
    display: none;
  }
  :host([chrome='minimal']) .bar {
    background: transparent;
    box-shadow: none;
  }
  :host([chrome='minimal']) footer {
    background: rgb(0 0 0 / 0.55);
  }

  @media (max-width: 959px) {
    .primary {
      display: none;
    }
    .browse-menu {
      display: inline-flex;
    }
  }

  @media (max-width: 719px) {
    :host([chrome='full']) {
      --_tabs-height: calc(3.5rem + env(safe-area-inset-bottom));
    }
    :host {
      --_bar: var(--reel-shell-bar-height, 3.5rem);
    }
    .browse-menu {
      display: none;
    }
    .wordmark {
      block-size: 1.35rem;
    }
    .actions {
      gap: 0;
    }
    :host([chrome='full']) ::slotted(main) {
      padding-block-start: calc(var(--_bar) + 2.75rem);
    }
    :host([chrome='full'][overlay]) ::slotted(main) {
      padding-block-start: 0;
    }
    :host([chrome='full']) {
      --reel-shell-top: calc(var(--_bar) + 2.75rem);
    }
    :host([chrome='full']) .bar {
      block-size: calc(var(--_bar) + 2.75rem);
    }
    .bar-inner {
      block-size: var(--_bar);
    }
    .chips {
      display: flex;
      gap: var(--reel-space-2);
      padding: 0 var(--_gutter) var(--reel-space-2);
      overflow-x: auto;
      scrollbar-width: none;
    }
    .chips a {
      flex: none;
      padding: var(--reel-space-1-5) var(--reel-space-4);
      border: 1px solid rgb(255 255 255 / 0.45);
      border-radius: var(--reel-radius-pill);
      color: #fff;
      text-decoration: none;
      font-size: var(--reel-font-size-sm);
      font-weight: var(--reel-font-weight-medium);
      background: rgb(0 0 0 / 0.25);
      backdrop-filter: blur(6px);
    }
    .chips a[aria-current='page'] {
      background: #fff;
      color: #000;
      border-color: #fff;
    }
    .tabs {
      display: grid;
      grid-template-columns: repeat(5, 1fr);
      position: fixed;
      inset-block-end: 0;
      inset-inline: 0;
      z-index: var(--reel-z-sticky);
      padding-block-end: env(safe-area-inset-bottom);
      background: rgb(10 10 12 / 0.94);
      backdrop-filter: blur(12px);
      border-block-start: 1px solid var(--reel-color-border);
    }
    .tabs a {
      display: grid;
      justify-items: center;
      gap: 2px;
      padding: var(--reel-space-2) 0 var(--reel-space-1-5);
      color: var(--reel-color-text-subtle);
      text-decoration: none;
      font-size: var(--reel-font-size-2xs);
      font-weight: var(--reel-font-weight-medium);
      --reel-icon-size: 1.4rem;
    }
    .tabs a[aria-current='page'] {
      color: #fff;
    }
    :host([chrome='full']) footer {
      padding-block-end: calc(4.5rem + env(safe-area-inset-bottom));
    }
    .footer-row {
      align-items: start;
      flex-direction: column;
    }
  }
`;
