import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container: watchlist / inline-size;
    background: var(--reel-color-bg);
    color: var(--reel-color-text);
    font-family: var(--reel-font-family);
  }
  :host([hidden]) {
    display: none;
  }
  .page {
    --_gutter: clamp(1rem, 4cqi, 4rem);
    padding: var(--reel-space-8) var(--_gutter) var(--reel-space-16);
    max-inline-size: 120rem;
    margin-inline: auto;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  a {
    color: inherit;
    text-decoration: none;
  }
  a:focus-visible,
  button:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: var(--reel-focus-ring-offset);
    border-radius: var(--reel-radius-sm);
  }

  /* Header */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--reel-space-4);
    margin-block-end: var(--reel-space-6);
  }
  h1 {
    margin: 0;
    font-size: var(--reel-font-size-3xl);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: var(--reel-letter-spacing-tight);
    line-height: var(--reel-line-height-tight);
  }
  .count {
    margin: var(--reel-space-1) 0 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .count__max {
    color: var(--reel-color-text-subtle);
  }
  .owner {
    display: flex;
    align-items: center;
    gap: var(--reel-space-2);
  }
  .owner__avatar {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border-radius: var(--reel-radius-pill);
  }
  .description {
    max-inline-size: 40rem;
    margin: var(--reel-space-2) 0 0;
    color: var(--reel-color-text-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-2);
  }

  /* Folders */
  .folders {
    display: flex;
    gap: var(--reel-space-2);
    overflow-x: auto;
    padding-block: var(--reel-space-1);
    margin-block-end: var(--reel-space-4);
    scrollbar-width: thin;
  }
  .chip {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-2);
    min-block-size: var(--reel-control-height-sm);
    padding-inline: var(--reel-space-3);
    border-radius: var(--reel-radius-pill);
    border: 1px solid var(--reel-color-border);
    background: var(--reel-color-surface);
    color: var(--reel-color-text);
    font: inherit;
    font-size: var(--reel-font-size-sm);
    cursor: pointer;
  }
  .chip:hover {
    background: var(--reel-color-surface-hover);
  }
  .chip[aria-pressed='true'] {
    background: var(--reel-color-inverse);
    color: var(--reel-color-on-inverse);
    border-color: var(--reel-color-inverse);
  }
  .chip__count {
    color: inherit;
    opacity: 0.7;
    font-variant-numeric: tabular-nums;
  }
  .chip reel-icon {
    --reel-icon-size: 0.9rem;
  }
  .folder-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-2);
    margin-block-end: var(--reel-space-4);
  }
  .folder-bar h2 {
    margin: 0;
    margin-inline-end: auto;
    font-size: var(--reel-font-size-xl);
    font-weight: var(--reel-font-weight-semibold);
  }

  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--reel-space-3);
  }
  .toolbar .search {
    flex: 3 1 16rem;
  }
  .toolbar reel-select {
    flex: 1 1 9rem;
    min-inline-size: 0;
  }
  .view-switch {
    display: flex;
    gap: var(--reel-space-1);
    padding: var(--reel-space-1);
    border-radius: var(--reel-radius-md);
    background: var(--reel-color-surface);
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-3);
    min-block-size: 1.25rem;
    margin: var(--reel-space-3) 0 0;
    font-size: var(--reel-font-size-sm);
    color: var(--reel-color-text-muted);
  }
  .hint {
    color: var(--reel-color-text-subtle);
  }
  @container watchlist (max-width: 47.99rem) {
    .toolbar .search {
      flex-basis: 100%;
    }
    .toolbar reel-select {
      flex-basis: calc(50% - var(--reel-space-3));
    }
    h1 {
      font-size: var(--reel-font-size-2xl);
    }
  }

  /* Selection */
  .selection-bar {
    position: sticky;
    font-size: var(--reel-font-size-sm);
    inset-block-start: var(--reel-watchlist-sticky-top, 0);
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--reel-space-3);
    min-block-size: var(--reel-control-height-lg);
    margin-block: var(--reel-space-2) var(--reel-space-4);
    padding: var(--reel-space-2) var(--reel-space-3);
    border-radius: var(--reel-radius-lg);
    background: var(--reel-color-bg);
  }
  .selection-bar[data-active] {
    background: var(--reel-color-surface-raised);
    box-shadow: var(--reel-shadow-2);
  }
  .selection-count {
    font-weight: var(--reel-font-weight-semibold);
    font-variant-numeric: tabular-nums;
  }
  .selection-bar .move {
    min-inline-size: 12rem;
  }
  .tag-form {
    display: flex;
    align-items: flex-end;
    gap: var(--reel-space-2);
  }
  .tag-form .tag {
    inline-size: 11rem;
  }

  /* Items */
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--reel-space-6) var(--reel-space-4);
    grid-template-columns: repeat(auto-fill, minmax(var(--reel-watchlist-poster-width, 9.5rem), 1fr));
  }
  @container watchlist (max-width: 30rem) {
    .items {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--reel-space-5) var(--reel-space-3);
    }
  }
  .item {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--reel-space-2);
    min-inline-size: 0;
    border-radius: var(--reel-radius-lg);
    transition:
      transform 160ms ease,
      opacity 160ms ease;
  }
  .item.skeleton {
    aspect-ratio: 2 / 3;
    background: linear-gradient(100deg, var(--reel-color-skeleton) 40%, var(--reel-color-skeleton-shine) 50%, var(--reel-color-skeleton) 60%);
    background-size: 200% 100%;
    animation: shine 1.4s linear infinite;
  }
  @keyframes shine {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .item,
    .item.skeleton {
      transition: none;
      animation: none;
    }
  }
  .item[data-dragging] {
    opacity: 0.4;
  }
  .item[data-picked] {
    transform: scale(1.03);
    z-index: 1;
  }
  .item[data-picked] .poster {
    outline: 3px solid var(--reel-color-accent);
    outline-offset: 2px;
  }
  .item[data-selected] .poster {
    outline: 3px solid var(--reel-color-focus);
    outline-offset: 2px;
  }
  .poster {
    position: relative;
    display: block;
    aspect-ratio: 2 / 3;
    overflow: hidden;
    border-radius: var(--reel-radius-md);
    background: var(--_color, var(--reel-color-surface));
    box-shadow: var(--reel-shadow-1);
  }
  .poster img {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    transition: transform 240ms ease;
  }
  .item:hover .poster img {
    transform: scale(1.04);
  }
  .body {
    min-inline-size: 0;
  }
  .name {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    font-weight: var(--reel-font-weight-semibold);
    font-size: var(--reel-font-size-sm);
    line-height: var(--reel-line-height-snug);
  }
  .name:hover {
    text-decoration: underline;
  }
  .meta,
  .genres,
  .added {
    margin: var(--reel-space-0-5) 0 0;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-xs);
  }
  .rating {
    display: inline-flex;
    align-items: center;
    gap: 2px;
  }
  .rating reel-icon {
    --reel-icon-size: 0.75rem;
    color: var(--reel-color-warning);
  }
  .labels {
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-1);
    margin: var(--reel-space-1-5) 0 0;
  }
  .label {
    padding: 1px var(--reel-space-2);
    border-radius: var(--reel-radius-pill);
    background: var(--reel-color-surface);
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-2xs);
    white-space: nowrap;
  }
  .label--folder {
    background: var(--reel-color-accent-soft);
    color: var(--reel-color-text);
  }

  /* Controls on a grid poster: select at the top start, handle and remove at the top end. */
  .controls {
    position: absolute;
    inset-block-start: var(--reel-space-1-5);
    inset-inline: var(--reel-space-1-5);
    display: flex;
    align-items: center;
    gap: var(--reel-space-1);
    pointer-events: none;
  }
  .controls > * {
    pointer-events: auto;
  }
  .controls .select {
    margin-inline-end: auto;
    padding: 2px 4px;
    border-radius: var(--reel-radius-sm);
    background: rgb(0 0 0 / 0.55);
    color: #fff;
  }
  /* The box alone shows; its label stays the accessible name. */
  .controls .select::part(label) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .handle,
  .controls .remove {
    background: rgb(0 0 0 / 0.55);
    color: #fff;
    border-radius: var(--reel-radius-pill);
  }
  .handle {
    display: grid;
    place-items: center;
    inline-size: var(--reel-control-height-sm);
    block-size: var(--reel-control-height-sm);
    padding: 0;
    border: 0;
    font: inherit;
    cursor: grab;
    touch-action: none;
  }
  .handle[aria-pressed='true'] {
    background: var(--reel-color-accent);
    color: var(--reel-color-on-accent);
    cursor: grabbing;
  }
  /* On devices that hover, the poster controls show on hover and focus; selection keeps them. */
  @media (hover: hover) {
    .items[data-view='grid'] .item:not(:hover, :focus-within, [data-selected], [data-picked]) .controls > * {
      opacity: 0;
    }
    .selection-bar[data-active] ~ .items .controls > .select {
      opacity: 1 !important;
    }
  }

  /* List view: rows with a small poster and details. */
  .items[data-view='list'] {
    grid-template-columns: 1fr;
    gap: var(--reel-space-2);
  }
  .items[data-view='list'] .item {
    display: grid;
    grid-template-columns: auto 4.5rem minmax(0, 1fr) auto;
    grid-template-areas: 'select poster body controls';
    align-items: center;
    gap: var(--reel-space-4);
    padding: var(--reel-space-2) var(--reel-space-3);
    background: var(--reel-color-surface);
  }
  .items[data-view='list'] .item:hover {
    background: var(--reel-color-surface-hover);
  }
  .items[data-view='list'] .poster {
    grid-area: poster;
  }
  .items[data-view='list'] .body {
    grid-area: body;
  }
  .items[data-view='list'] .name {
    font-size: var(--reel-font-size-md);
  }
  .items[data-view='list'] .controls {
    display: contents;
  }
  .items[data-view='list'] .controls .select {
    grid-area: select;
    margin: 0;
    background: none;
    color: inherit;
  }
  .items[data-view='list'] .controls .handle,
  .items[data-view='list'] .controls .remove {
    background: none;
    color: var(--reel-color-text-muted);
  }
  .items[data-view='list'] .controls .handle {
    grid-area: controls;
  }
  .items[data-view='list'] .controls .remove {
    grid-row: 1;
    grid-column: 4;
    justify-self: end;
  }
  .items[data-view='list'] .item:has(.handle) {
    grid-template-columns: auto 4.5rem minmax(0, 1fr) auto auto;
  }
  .items[data-view='list'] .item:has(.handle) .controls .remove {
    grid-column: 5;
  }
  .items[data-view='list'] .item[data-picked] {
    outline: 2px solid var(--reel-color-accent);
    transform: none;
  }
  @container watchlist (max-width: 30rem) {
    .items[data-view='list'] .item {
      grid-template-columns: auto 3.5rem minmax(0, 1fr) auto;
      gap: var(--reel-space-3);
    }
    .items[data-view='list'] .genres {
      display: none;
    }
  }

  /* Empty list: posters fanned out, waiting. */
  .empty {
    display: grid;
    justify-items: center;
    text-align: center;
    gap: var(--reel-space-3);
    padding: var(--reel-space-16) var(--reel-space-4);
    border-radius: var(--reel-radius-xl);
    background: radial-gradient(ellipse at top, var(--reel-color-accent-soft), transparent 70%);
  }
  .empty h2 {
    margin: var(--reel-space-4) 0 0;
    font-size: var(--reel-font-size-2xl);
    letter-spacing: var(--reel-letter-spacing-tight);
  }
  .empty p {
    max-inline-size: 34rem;
    margin: 0;
    color: var(--reel-color-text-muted);
    line-height: var(--reel-line-height-normal);
  }
  .empty__art {
    position: relative;
    inline-size: 10rem;
    block-size: 8rem;
  }
  .empty__art span {
    position: absolute;
    inset-block-end: 0;
    inset-inline-start: 50%;
    inline-size: 4.5rem;
    aspect-ratio: 2 / 3;
    border-radius: var(--reel-radius-md);
    border: 2px dashed var(--reel-color-border-strong);
    background: var(--reel-color-surface);
    translate: -50% 0;
  }
  .empty__art span:nth-child(1) {
    rotate: -14deg;
    translate: -110% 6%;
  }
  .empty__art span:nth-child(3) {
    rotate: 14deg;
    translate: 10% 6%;
  }
  .empty__art span:nth-child(2) {
    z-index: 1;
    border-style: solid;
    border-color: var(--reel-color-accent);
    background: linear-gradient(160deg, var(--reel-color-accent-soft), var(--reel-color-surface-raised));
  }
  .empty__actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--reel-space-2);
    margin-block-start: var(--reel-space-4);
  }
  .no-match {
    padding-block: var(--reel-space-12);
  }

  /* Dialogs */
  .dialog-text {
    margin: 0 0 var(--reel-space-4);
    color: var(--reel-color-text-muted);
    line-height: var(--reel-line-height-normal);
  }
  .file-row {
    display: flex;
    align-items: center;
    gap: var(--reel-space-3);
    margin-block-end: var(--reel-space-4);
  }
  .file-name {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
  }
  .import-error {
    display: flex;
    gap: var(--reel-space-3);
    margin-block-start: var(--reel-space-4);
    padding: var(--reel-space-3) var(--reel-space-4);
    border-radius: var(--reel-radius-md);
    background: var(--reel-color-danger-soft);
    color: var(--reel-color-text);
  }
  .import-error reel-icon {
    color: var(--reel-color-danger);
    flex: none;
  }
  .import-error p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .import-error__title {
    font-weight: var(--reel-font-weight-semibold);
  }
  .import-error__where {
    margin-block-start: var(--reel-space-1) !important;
    font-size: var(--reel-font-size-sm);
  }
  code {
    font-family: var(--reel-font-family-mono);
  }
  .report {
    list-style: none;
    margin: var(--reel-space-4) 0 0;
    padding: 0;
    display: grid;
    gap: var(--reel-space-2);
    max-block-size: 16rem;
    overflow: auto;
  }
  .report__row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--reel-space-1) var(--reel-space-3);
    padding: var(--reel-space-2) var(--reel-space-3);
    border-radius: var(--reel-radius-md);
    background: var(--reel-color-surface);
    font-size: var(--reel-font-size-sm);
  }
  .report__row[data-outcome='added'] reel-icon {
    color: var(--reel-color-success);
  }
  .report__row[data-outcome='not_found'] reel-icon,
  .report__row[data-outcome='unavailable'] reel-icon,
  .report__row[data-outcome='limit_reached'] reel-icon {
    color: var(--reel-color-warning);
  }
  .report__input {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: var(--reel-font-weight-medium);
  }
  .report__outcome {
    color: var(--reel-color-text-muted);
  }
  .report__candidates {
    grid-column: 2 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--reel-space-1);
  }
`;
