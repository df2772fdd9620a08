import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    flex: none;
    inline-size: var(--reel-icon-size, 1.25em);
    block-size: var(--reel-icon-size, 1.25em);
    color: inherit;
    vertical-align: -0.25em;
  }
  svg {
    inline-size: 100%;
    block-size: 100%;
    fill: none;
    stroke: currentColor;
    stroke-width: var(--reel-icon-stroke-width, 1.9);
    stroke-linecap: round;
    stroke-linejoin: round;
    overflow: visible;
  }
  :host(:dir(rtl)) svg.directional {
    transform: scaleX(-1);
  }
`;
