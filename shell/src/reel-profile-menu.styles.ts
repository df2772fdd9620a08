import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
  }
  reel-menu::part(trigger) {
    gap: var(--reel-space-1-5);
    padding-inline: var(--reel-space-1);
    background: transparent;
    border-color: transparent;
  }
  .trigger {
    display: inline-flex;
    align-items: center;
    gap: var(--reel-space-1-5);
  }
  .avatar {
    inline-size: 2rem;
    block-size: 2rem;
    border-radius: var(--reel-radius-sm);
    object-fit: cover;
    background: var(--reel-color-surface-overlay);
    display: block;
  }
  .avatar.placeholder {
    display: grid;
    place-items: center;
    font-weight: var(--reel-font-weight-bold);
    color: var(--reel-color-on-accent);
    background: linear-gradient(135deg, var(--reel-color-accent), #7a0910);
  }
  .chevron {
    --reel-icon-size: 1rem;
    color: var(--reel-color-text-muted);
    transition: rotate var(--reel-duration-normal) var(--reel-easing-standard);
  }
  /* As big as the items' icons, so every label lines up. */
  reel-menu-item .avatar {
    inline-size: var(--reel-icon-size, 1.25em);
    block-size: var(--reel-icon-size, 1.25em);
    border-radius: var(--reel-radius-xs);
  }
  .who {
    display: grid;
    line-height: var(--reel-line-height-snug);
  }
  .who small {
    color: var(--reel-color-text-subtle);
    font-size: var(--reel-font-size-xs);
  }
  @media (max-width: 719px) {
    .chevron {
      display: none;
    }
  }
`;
