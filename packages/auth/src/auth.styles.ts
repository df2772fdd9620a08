import { css } from 'lit';

/**
 * The look every sign-in flow shares: a dark, cinematic page (a red glow over deep black, or the
 * image in `--reel-auth-backdrop`) with one card in the middle; on a phone the card is the page.
 */
export const authStyles = css`
  :host {
    display: block;
    position: relative;
    isolation: isolate;
    min-block-size: var(--reel-auth-min-height, 100dvh);
    box-sizing: border-box;
    padding: var(--reel-space-16) var(--reel-space-4);
    color: var(--reel-color-text);
    background:
      radial-gradient(120% 80% at 50% -10%, rgb(229 9 20 / 0.28), transparent 60%),
      radial-gradient(80% 60% at 100% 100%, rgb(120 40 160 / 0.16), transparent 70%),
      var(--reel-auth-backdrop, linear-gradient(180deg, #0d0c12 0%, #050507 100%));
    background-size: cover;
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    box-sizing: border-box;
    inline-size: min(100%, var(--reel-auth-card-width, 28.5rem));
    margin-inline: auto;
    padding: var(--reel-space-12) var(--reel-space-12) var(--reel-space-10);
    border-radius: var(--reel-radius-lg);
    background: rgb(0 0 0 / 0.72);
    border: 1px solid rgb(255 255 255 / 0.08);
    box-shadow: 0 30px 80px rgb(0 0 0 / 0.55);
    backdrop-filter: blur(6px);
  }
  @media (max-width: 599px) {
    :host {
      padding: var(--reel-space-6) 0 var(--reel-space-10);
      background: #000;
    }
    .card {
      background: transparent;
      border: 0;
      box-shadow: none;
      padding: var(--reel-space-4) var(--reel-space-6);
      backdrop-filter: none;
    }
  }
  .eyebrow {
    margin: 0 0 var(--reel-space-2);
    color: var(--reel-color-accent);
    font-size: var(--reel-font-size-xs);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: 0.14em;
    text-transform: uppercase;
  }
  h1 {
    margin: 0 0 var(--reel-space-2);
    font-size: var(--reel-font-size-3xl);
    font-weight: var(--reel-font-weight-bold);
    line-height: var(--reel-line-height-tight);
    letter-spacing: var(--reel-letter-spacing-tight);
  }
  h1:focus {
    outline: none;
  }
  .lead {
    margin: 0 0 var(--reel-space-6);
    color: var(--reel-color-text-muted);
    line-height: var(--reel-line-height-normal);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--reel-space-4);
  }
  .alert {
    display: flex;
    gap: var(--reel-space-3);
    align-items: flex-start;
    margin: 0 0 var(--reel-space-4);
    padding: var(--reel-space-3) var(--reel-space-4);
    border-radius: var(--reel-radius-md);
    background: rgb(232 124 3 / 0.14);
    border: 1px solid rgb(232 124 3 / 0.55);
    color: var(--reel-color-text);
    font-size: var(--reel-font-size-sm);
    line-height: var(--reel-line-height-snug);
  }
  .alert.info {
    background: var(--reel-color-info-soft);
    border-color: transparent;
  }
  .alert.info reel-icon {
    color: var(--reel-color-info);
  }
  .alert reel-icon {
    flex: none;
    color: #f5a524;
    margin-block-start: 0.05rem;
  }
  .alert p {
    margin: 0;
  }
  reel-text-field {
    --reel-color-field: rgb(22 22 26 / 0.85);
  }
  reel-text-field::part(box) {
    min-block-size: 3.25rem;
  }
  reel-text-field::part(input) {
    font-size: var(--reel-font-size-md);
  }
  .submit {
    margin-block-start: var(--reel-space-2);
  }
  reel-button.submit::part(base) {
    min-block-size: 3rem;
    font-size: var(--reel-font-size-md);
    font-weight: var(--reel-font-weight-bold);
  }
  .row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--reel-space-3);
    flex-wrap: wrap;
  }
  .links {
    margin: var(--reel-space-8) 0 0;
    color: var(--reel-color-text-muted);
    display: flex;
    flex-direction: column;
    gap: var(--reel-space-3);
  }
  .links p {
    margin: 0;
  }
  a {
    color: var(--reel-color-text);
    font-weight: var(--reel-font-weight-medium);
    text-underline-offset: 0.2em;
    border-radius: var(--reel-radius-xs);
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  a:focus-visible,
  .linklike:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
  }
  .linklike {
    font: inherit;
    color: var(--reel-color-text);
    font-weight: var(--reel-font-weight-medium);
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    border-radius: var(--reel-radius-xs);
  }
  .fine {
    margin: 0;
    font-size: var(--reel-font-size-xs);
    color: var(--reel-color-text-muted);
    line-height: var(--reel-line-height-normal);
  }
  .done {
    text-align: center;
  }
  .done .badge {
    display: inline-grid;
    place-items: center;
    inline-size: 4rem;
    block-size: 4rem;
    margin-block-end: var(--reel-space-5);
    border-radius: 50%;
    background: var(--reel-color-success-soft);
    color: var(--reel-color-success);
    --reel-icon-size: 2rem;
  }
  .done .badge.warn {
    background: var(--reel-color-warning-soft);
    color: var(--reel-color-warning);
  }
  .done .badge.mail {
    background: var(--reel-color-accent-soft);
    color: var(--reel-color-text);
  }
  .done .actions {
    display: flex;
    flex-direction: column;
    gap: var(--reel-space-3);
    margin-block-start: var(--reel-space-6);
  }
  strong.address {
    color: var(--reel-color-text);
    word-break: break-all;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The new-password strength meter: four segments and a text label (never colour alone). */
export const strengthStyles = css`
  .strength {
    display: grid;
    gap: var(--reel-space-1-5);
    margin-block-start: calc(-1 * var(--reel-space-2));
  }
  .meter {
    display: grid;
    grid-template-columns: repeat(4, 1fr);
    gap: var(--reel-space-1);
  }
  .meter span {
    block-size: 4px;
    border-radius: 2px;
    background: rgb(255 255 255 / 0.14);
    transition: background-color var(--reel-duration-normal) var(--reel-easing-standard);
  }
  .strength[data-score='1'] .meter span:nth-child(-n + 1) {
    background: var(--reel-color-danger);
  }
  .strength[data-score='2'] .meter span:nth-child(-n + 2) {
    background: var(--reel-color-warning);
  }
  .strength[data-score='3'] .meter span:nth-child(-n + 3) {
    background: #7bc96f;
  }
  .strength[data-score='4'] .meter span {
    background: var(--reel-color-success);
  }
  .strength p {
    margin: 0;
    font-size: var(--reel-font-size-xs);
    color: var(--reel-color-text-muted);
  }
  .strength strong {
    color: var(--reel-color-text);
  }
`;
