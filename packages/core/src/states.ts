import { msg } from '@lit/localize';
import { type CSSResult, css, html, nothing, svg, type TemplateResult } from 'lit';

/**
 * Loading, empty and error states, as templates any element can render, styled by
 * {@link stateStyles} (which `ReelElement` includes). `@reel/ui`'s `<reel-skeleton>`,
 * `<reel-empty-state>` and `<reel-error-panel>` share this look.
 */

const warningIcon = svg`<path d="M12 3.5 2.5 20h19L12 3.5Z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="M12 10v4.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/><circle cx="12" cy="17.2" r="1.1" fill="currentColor"/>`;
const emptyIcon = svg`<rect x="3" y="5" width="18" height="14" rx="2.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M3 9h18M8 5l2 4M14 5l2 4" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`;

/** Options of {@link renderSkeleton}. */
export interface SkeletonOptions {
  /** Text lines to draw (default 3). */
  lines?: number;
  /** What is loading, for screen readers (default "Loading…"). */
  label?: string;
}

/** A shimmering placeholder with a polite "Loading…" for screen readers. */
export function renderSkeleton({ lines = 3, label }: SkeletonOptions = {}): TemplateResult {
  return html`<div class="reel-state reel-state--loading" part="loading" aria-busy="true">
    <span class="reel-visually-hidden" role="status">${label ?? msg('Loading…', { id: 'core.loading' })}</span>
    ${Array.from(
      { length: Math.max(1, lines) },
      () => html`<span class="reel-skeleton-line" aria-hidden="true"></span>`,
    )}
  </div>`;
}

/** Options of {@link renderEmptyState}. */
export interface EmptyStateOptions {
  heading?: string;
  text?: string;
  /** Actions (buttons, links) under the text. */
  actions?: unknown;
}

/** "Nothing here yet", with an optional call to action. */
export function renderEmptyState({ heading, text, actions }: EmptyStateOptions = {}): TemplateResult {
  return html`<div class="reel-state reel-state--empty" part="empty">
    <svg class="reel-state__icon" viewBox="0 0 24 24" aria-hidden="true">${emptyIcon}</svg>
    <p class="reel-state__title">${heading ?? msg('Nothing here yet', { id: 'core.empty.heading' })}</p>
    ${text ? html`<p class="reel-state__text">${text}</p>` : nothing}
    ${actions ? html`<div class="reel-state__actions">${actions}</div>` : nothing}
  </div>`;
}

/** Options of {@link renderErrorState}. */
export interface ErrorStateOptions {
  heading?: string;
  text?: string;
  /** The error, whose message goes in a collapsed "Details" for support. */
  error?: unknown;
  /** Called when the user presses "Try again"; no button without it. */
  onRetry?: () => void;
}

/** The message of an error, for the "Details" disclosure. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return '';
}

/** A small error panel: what happened, "Try again", and the technical details folded away. */
export function renderErrorState({ heading, text, error, onRetry }: ErrorStateOptions = {}): TemplateResult {
  const details = errorMessage(error);
  return html`<div class="reel-state reel-state--error" part="error" role="alert">
    <svg class="reel-state__icon" viewBox="0 0 24 24" aria-hidden="true">${warningIcon}</svg>
    <p class="reel-state__title">${heading ?? msg('Something went wrong', { id: 'core.error.heading' })}</p>
    <p class="reel-state__text">
      ${text ?? msg('This part of the page couldn’t load. The rest still works.', { id: 'core.error.text' })}
    </p>
    ${
      onRetry
        ? html`<div class="reel-state__actions">
            <button class="reel-state__button" part="retry" type="button" @click=${onRetry}>
              ${msg('Try again', { id: 'core.error.retry' })}
            </button>
          </div>`
        : nothing
    }
    ${
      details
        ? html`<details class="reel-state__details">
            <summary>${msg('Details', { id: 'core.error.details' })}</summary>
            <code>${details}</code>
          </details>`
        : nothing
    }
  </div>`;
}

/** Styles of the state templates. */
export const stateStyles: CSSResult = css`
  .reel-visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .reel-state {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--reel-space-2);
    padding: var(--reel-space-6) var(--reel-space-4);
    text-align: center;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .reel-state--loading {
    align-items: stretch;
    gap: var(--reel-space-3);
    padding: var(--reel-space-4) 0;
  }
  .reel-skeleton-line {
    display: block;
    block-size: 0.875em;
    border-radius: var(--reel-radius-sm);
    background: linear-gradient(
        90deg,
        transparent 0%,
        var(--reel-color-skeleton-shine) 50%,
        transparent 100%
      )
      no-repeat,
      var(--reel-color-skeleton);
    background-size: 40% 100%, auto;
    animation: reel-shimmer 1.4s var(--reel-easing-standard) infinite;
  }
  .reel-skeleton-line:first-of-type {
    inline-size: 60%;
    block-size: 1.25em;
  }
  .reel-skeleton-line:last-of-type:not(:first-of-type) {
    inline-size: 80%;
  }
  @keyframes reel-shimmer {
    from {
      background-position: -40% 0, 0 0;
    }
    to {
      background-position: 140% 0, 0 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .reel-skeleton-line {
      animation: none;
    }
  }
  .reel-state__icon {
    inline-size: 2.25rem;
    block-size: 2.25rem;
    color: var(--reel-color-text-subtle);
  }
  .reel-state--error .reel-state__icon {
    color: var(--reel-color-danger);
  }
  .reel-state__title {
    margin: 0;
    color: var(--reel-color-text);
    font-size: var(--reel-font-size-md);
    font-weight: var(--reel-font-weight-semibold);
  }
  .reel-state__text {
    margin: 0;
    max-inline-size: 40ch;
  }
  .reel-state__actions {
    display: flex;
    gap: var(--reel-space-2);
    margin-block-start: var(--reel-space-2);
  }
  .reel-state__button {
    font: inherit;
    font-weight: var(--reel-font-weight-semibold);
    min-block-size: var(--reel-control-height-sm);
    padding: 0 var(--reel-space-4);
    border: 0;
    border-radius: var(--reel-radius-md);
    color: var(--reel-color-text);
    background: var(--reel-color-neutral);
    cursor: pointer;
    transition: background-color var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .reel-state__button:hover {
    background: var(--reel-color-neutral-hover);
  }
  .reel-state__button:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
  }
  .reel-state__details {
    max-inline-size: 100%;
    font-size: var(--reel-font-size-xs);
    color: var(--reel-color-text-subtle);
  }
  .reel-state__details summary {
    cursor: pointer;
  }
  .reel-state__details summary:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
  }
  .reel-state__details code {
    display: block;
    margin-block-start: var(--reel-space-1);
    font-family: var(--reel-font-family-mono);
    overflow-wrap: anywhere;
    text-align: start;
  }
`;
