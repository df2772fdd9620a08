import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/**
 * Sets inline style properties (custom properties too) through the CSSOM, on every render
 * including the first. Use it instead of Lit's `styleMap`, whose first render writes a `style`
 * attribute — which a Content-Security-Policy without `'unsafe-inline'` styles (Reel's) refuses.
 * An element binding: `<div ${styleProps({ '--_value': '40%', height: '220px' })}>`.
 */
class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT)
      throw new Error('styleProps() is an element binding (inside a tag, not an attribute value)');
  }

  render(_props: Readonly<Record<string, string | number | null | undefined>>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string | number | null | undefined>>]): unknown {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this.previous) if (!(name in props)) style.removeProperty(name);
    this.previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      const property = name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      if (value === null || value === undefined) style.removeProperty(property);
      else {
        style.setProperty(property, String(value));
        this.previous.add(name);
      }
    }
    return noChange;
  }
}

/** Sets inline styles through the CSSOM (strict-CSP safe); see {@link StylePropsDirective}. */
export const styleProps = directive(StylePropsDirective);
