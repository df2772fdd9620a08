import { css } from 'lit';

/** The "Who's watching?" page: large avatar tiles centred on a dark page. */
export const pageStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    min-block-size: var(--reel-profiles-min-height, 100dvh);
    padding: clamp(2rem, 8vh, 6rem) var(--reel-space-4) var(--reel-space-12);
    background: var(--reel-profiles-background, #0f0f12);
    color: var(--reel-color-text);
    text-align: center;
  }
  :host([hidden]) {
    display: none;
  }
  .page {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-block-size: calc(var(--reel-profiles-min-height, 100dvh) - 10rem);
  }
  h1 {
    margin: 0 0 clamp(1.25rem, 3vw, 2.5rem);
    font-size: clamp(1.75rem, 3.5vw, 3.5rem);
    font-weight: var(--reel-font-weight-medium);
    letter-spacing: var(--reel-letter-spacing-tight);
    line-height: var(--reel-line-height-tight);
  }
  h1:focus {
    outline: none;
  }
  .sub {
    margin: calc(-1 * clamp(0.75rem, 2vw, 1.75rem)) 0 clamp(1.25rem, 3vw, 2.25rem);
    color: var(--reel-color-text-muted);
    max-inline-size: 40rem;
    line-height: var(--reel-line-height-normal);
  }
  ul.tiles {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: clamp(1rem, 2vw, 2rem);
    list-style: none;
    margin: 0;
    padding: 0;
    max-inline-size: 70rem;
  }
  .tile {
    --tile: clamp(6.5rem, 11vw, 12.5rem);
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--reel-space-3);
    inline-size: var(--tile);
    padding: 0;
    border: 0;
    background: none;
    color: var(--reel-color-text-muted);
    font: inherit;
    cursor: pointer;
    text-decoration: none;
  }
  .tile:disabled {
    cursor: not-allowed;
  }
  .avatar {
    position: relative;
    display: grid;
    place-items: center;
    inline-size: var(--tile);
    block-size: var(--tile);
    border-radius: var(--reel-radius-md);
    overflow: hidden;
    box-sizing: border-box;
    background: var(--avatar-color, #26252f);
    box-shadow: 0 0 0 0 transparent;
    transition:
      box-shadow var(--reel-duration-fast) var(--reel-easing-standard),
      transform var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .avatar img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    display: block;
  }
  .name {
    font-size: clamp(0.95rem, 1.3vw, 1.3rem);
    line-height: var(--reel-line-height-snug);
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    transition: color var(--reel-duration-fast) var(--reel-easing-standard);
  }
  .tile:hover .avatar,
  .tile:focus-visible .avatar {
    box-shadow: 0 0 0 3px var(--reel-color-text);
  }
  .tile:hover .name,
  .tile:focus-visible .name {
    color: var(--reel-color-text);
  }
  .tile:focus-visible {
    outline: none;
  }
  .tile:focus-visible .avatar {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: 6px;
  }
  .badges {
    position: absolute;
    inset-block-end: 0.4rem;
    inset-inline: 0.4rem;
    display: flex;
    justify-content: space-between;
    pointer-events: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.2rem;
    padding: 0.1rem 0.45rem;
    border-radius: var(--reel-radius-pill);
    background: rgb(0 0 0 / 0.72);
    color: #fff;
    font-size: var(--reel-font-size-2xs);
    font-weight: var(--reel-font-weight-bold);
    letter-spacing: 0.04em;
    text-transform: uppercase;
    --reel-icon-size: 0.8rem;
  }
  .lock {
    margin-inline-start: auto;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    background: rgb(0 0 0 / 0.55);
    color: #fff;
    --reel-icon-size: clamp(1.75rem, 3vw, 3rem);
  }
  .add .avatar {
    background: transparent;
    border: 2px dashed rgb(255 255 255 / 0.3);
    box-shadow: none;
    color: var(--reel-color-text-muted);
    --reel-icon-size: clamp(2.5rem, 4vw, 4.5rem);
  }
  .add:hover .avatar,
  .add:focus-visible .avatar {
    box-shadow: none;
    border-style: solid;
    background: rgb(255 255 255 / 0.06);
    color: var(--reel-color-text);
  }
  .actions {
    margin-block-start: clamp(2rem, 5vw, 4rem);
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--reel-space-3);
  }
  .manage-button::part(base) {
    letter-spacing: 0.12em;
    text-transform: uppercase;
    padding-inline: var(--reel-space-6);
  }
  reel-dialog {
    text-align: start;
  }
  .limit {
    margin: var(--reel-space-8) auto 0;
    max-inline-size: 34rem;
    color: var(--reel-color-text-muted);
    font-size: var(--reel-font-size-sm);
    line-height: var(--reel-line-height-normal);
  }
  .limit strong {
    color: var(--reel-color-text);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .avatar.skeleton {
    background: var(--reel-color-skeleton);
  }
  reel-profile-manager {
    --reel-profiles-min-height: 0;
    padding: 0;
  }
  .message {
    margin: var(--reel-space-4) auto 0;
    color: var(--reel-color-danger);
  }
  @media (prefers-reduced-motion: no-preference) {
    .tile:hover .avatar {
      transform: scale(1.03);
    }
  }
  @media (max-width: 599px) {
    ul.tiles {
      max-inline-size: 22rem;
    }
    .tile {
      --tile: 6.5rem;
    }
  }
`;

/** The PIN pad and profile editor dialogs. */
export const dialogStyles = css`
  .pin-body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    justify-items: center;
    gap: var(--reel-space-4);
    text-align: center;
  }
  .pin-avatar {
    border-radius: var(--reel-radius-md);
  }
  .pin-body p {
    margin: 0;
    color: var(--reel-color-text-muted);
  }
  .pin-field {
    inline-size: min(100%, 14rem);
  }
  .pin-field::part(input) {
    text-align: center;
    letter-spacing: 0.6em;
    font-size: var(--reel-font-size-2xl);
  }
  .keypad {
    display: grid;
    grid-template-columns: repeat(3, 4rem);
    gap: var(--reel-space-2);
    justify-content: center;
  }
  .keypad button {
    block-size: 3.25rem;
    border-radius: var(--reel-radius-md);
    border: 1px solid var(--reel-color-border-strong);
    background: var(--reel-color-surface);
    color: var(--reel-color-text);
    font: inherit;
    font-size: var(--reel-font-size-xl);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .keypad button:hover {
    background: var(--reel-color-surface-hover);
  }
  .keypad button:focus-visible {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: 2px;
  }
  .editor {
    display: grid;
    gap: var(--reel-space-4);
  }
  .editor-head {
    display: flex;
    gap: var(--reel-space-4);
    align-items: center;
  }
  .editor-head img {
    inline-size: 5rem;
    block-size: 5rem;
    border-radius: var(--reel-radius-md);
    flex: none;
  }
  .editor-head reel-text-field {
    flex: 1;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    color: var(--reel-color-text);
    padding: 0;
    margin-block-end: var(--reel-space-2);
    font-size: var(--reel-font-size-sm);
    font-weight: var(--reel-font-weight-medium);
  }
  .avatars {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(3.5rem, 1fr));
    gap: var(--reel-space-2);
    max-block-size: 12rem;
    overflow: auto;
    padding: 3px;
  }
  .avatars label {
    position: relative;
    display: block;
    border-radius: var(--reel-radius-sm);
    cursor: pointer;
  }
  .avatars input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .avatars img {
    display: block;
    inline-size: 100%;
    aspect-ratio: 1;
    border-radius: var(--reel-radius-sm);
    border: 3px solid transparent;
    box-sizing: border-box;
  }
  .avatars input:checked + img {
    border-color: var(--reel-color-text);
  }
  .avatars input:focus-visible + img {
    outline: var(--reel-focus-ring-width) solid var(--reel-color-focus);
    outline-offset: 2px;
  }
  .two {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--reel-space-4);
  }
  @media (max-width: 480px) {
    .two {
      grid-template-columns: 1fr;
    }
  }
  .note {
    margin: 0;
    font-size: var(--reel-font-size-xs);
    color: var(--reel-color-text-muted);
  }
  .problem {
    margin: 0;
    padding: var(--reel-space-3);
    border-radius: var(--reel-radius-md);
    background: var(--reel-color-danger-soft);
    color: var(--reel-color-text);
    font-size: var(--reel-font-size-sm);
  }
  .footer-start {
    margin-inline-end: auto;
  }
  @media (max-width: 480px) {
    .footer-start {
      flex-basis: 100%;
    }
  }
`;
