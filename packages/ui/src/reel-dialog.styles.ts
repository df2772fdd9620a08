import { css, unsafeCSS } from 'lit';

const base = css`
  :host {
    display: contents;
  }
  dialog {
    --_width: 35rem;
    box-sizing: border-box;
    inline-size: min(var(--reel-dialog-width, var(--_width)), calc(100vw - 2 * var(--reel-space-4)));
    max-inline-size: none;
    max-block-size: min(90vh, calc(100dvh - 2 * var(--reel-space-4)));
    padding: 0;
    border: 1px solid var(--reel-color-border);
    border-radius: var(--reel-radius-xl);
    background: var(--reel-color-surface-raised);
    color: var(--reel-color-text);
    box-shadow: var(--reel-shadow-4);
    overflow: hidden;
    opacity: 0;
    translate: 0 12px;
    scale: 0.98;
    transition:
      opacity var(--reel-duration-normal) var(--reel-easing-standard),
      translate var(--reel-duration-normal) var(--reel-easing-emphasized),
      scale var(--reel-duration-normal) var(--reel-easing-emphasized);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
    opacity: 1;
    translate: 0 0;
    scale: 1;
  }
  dialog::backdrop {
    background: var(--reel-color-scrim);
    backdrop-filter: blur(2px);
    opacity: 0;
    /* Entry only: an exit transition keeps the dialog in the top layer, and reopening then misbehaves. */
    transition: opacity var(--reel-duration-normal) var(--reel-easing-standard);
  }
  dialog[open]::backdrop {
    opacity: 1;
  }
  :host([size='sm']) dialog {
    --_width: 25rem;
  }
  :host([size='lg']) dialog {
    --_width: 50rem;
  }
  :host([size='fullscreen']) dialog {
    inline-size: 100vw;
    max-block-size: 100dvh;
    block-size: 100dvh;
    border: 0;
    border-radius: 0;
  }
  .panel {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    flex: 1;
  }
  .header {
    display: flex;
    align-items: flex-start;
    gap: var(--reel-space-3);
    padding: var(--reel-space-5) var(--reel-space-6) var(--reel-space-2);
  }
  .title {
    flex: 1;
    margin: 0;
    padding-block-start: var(--reel-space-1);
    font-size: var(--reel-font-size-xl);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-tight);
    line-height: var(--reel-line-height-tight);
  }
  .close {
    margin-inline-end: calc(-1 * var(--reel-space-2));
    margin-block-start: calc(-1 * var(--reel-space-1));
  }
  .body {
    flex: 1;
    min-block-size: 0;
    overflow: auto;
    padding: var(--reel-space-2) var(--reel-space-6) var(--reel-space-4);
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    line-height: var(--reel-line-height-normal);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--reel-space-3);
    padding: var(--reel-space-2) var(--reel-space-6) var(--reel-space-5);
  }
  .footer.empty {
    display: none;
  }
`;

// Entry transitions, as a string: lit-analyzer's CSS data predates @starting-style.
const entry = unsafeCSS(`
  @starting-style {
    dialog[open] {
      opacity: 0;
      translate: 0 12px;
      scale: 0.98;
    }
  }
  @starting-style {
    dialog[open]::backdrop {
      opacity: 0;
    }
  }
`);

export const styles = [base, entry];
