import { ReelElement } from '@reel/core';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { getIcon } from './icons.js';
import { styles } from './reel-icon.styles.js';

/**
 * An icon from Reel's set (inline SVG in `currentColor`). Decorative unless it has a `label`, in
 * which case it is an image with that name. Directional icons (chevrons, arrows) mirror in
 * right-to-left text.
 *
 * @summary An inline SVG icon from the Reel set.
 * @tagname reel-icon
 * @csspart svg - The SVG element.
 * @cssproperty --reel-icon-size - Width and height (default `1.25em`).
 * @cssproperty --reel-icon-stroke-width - Stroke width in viewBox units (default `1.9`).
 */
export class ReelIcon extends ReelElement {
  static override styles = styles;

  /** The icon's name in the set (`play`, `chevron-right`, …). */
  @property({ reflect: true }) name = '';

  /** An accessible name; without it the icon is hidden from assistive technology. */
  @property() label = '';

  override render() {
    const icon = getIcon(this.name);
    if (!icon) return nothing;
    const classes = classMap({ directional: icon.directional === true });
    return this.label
      ? html`<svg part="svg" class=${classes} viewBox="0 0 24 24" role="img" aria-label=${this.label}>${icon.template}</svg>`
      : html`<svg part="svg" class=${classes} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${icon.template}</svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-icon': ReelIcon;
  }
}
