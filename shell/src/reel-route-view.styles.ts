import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-block-size: 60vh;
  }
  :host([state='ready']),
  :host([slot]) {
    min-block-size: 0;
  }
  /* Under a transparent bar, the view's own pages keep clear of it (the element handles its hero). */
  :host([overlay]:not([state='ready'])) {
    padding-block-start: var(--reel-shell-top, 4.25rem);
  }
  .failed {
    display: grid;
    place-items: center;
    min-block-size: min(40rem, 70vh);
    padding: var(--reel-space-8) var(--reel-space-4);
    background: radial-gradient(50rem 22rem at 50% 0%, var(--reel-color-danger-soft), transparent 70%);
  }
  .failed-card {
    inline-size: min(32rem, 100%);
    padding: var(--reel-space-6);
    border-radius: var(--reel-radius-xl);
    background: var(--reel-color-surface-raised);
    box-shadow:
      0 0 0 1px var(--reel-color-border),
      var(--reel-shadow-3);
  }
  /* Loading: the outline of a page (hero and two rails), shown only if loading takes a moment. */
  .loading {
    padding: var(--reel-space-6) var(--reel-shell-gutter, 4%) 0;
    display: grid;
    gap: var(--reel-space-6);
    animation: appear var(--reel-duration-slow) var(--reel-easing-standard) both;
  }
  .loading .hero {
    block-size: min(56vh, 32rem);
  }
  :host(:not([overlay])) .loading .hero {
    block-size: 2.5rem;
    inline-size: min(22rem, 60%);
  }
  .loading .row {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    grid-auto-rows: 7rem;
    grid-template-rows: 7rem;
    overflow: hidden;
    gap: var(--reel-space-2);
  }
  @keyframes appear {
    from {
      opacity: 0;
    }
  }
`;
