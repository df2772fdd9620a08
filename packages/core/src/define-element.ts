/** A custom element class that may carry the version of the build that defined it. */
export type ElementConstructor = CustomElementConstructor & { version?: string };

/** What {@link defineElement} did. */
export const DefineResult = {
  /** The tag was free and is now registered with the given class. */
  defined: 'defined',
  /** The same class was already registered under the tag: nothing to do. */
  alreadyDefined: 'already-defined',
  /** Another class (another bundle or version) holds the tag; it was left in place. */
  clash: 'clash',
} as const;
export type DefineResult = (typeof DefineResult)[keyof typeof DefineResult];

/**
 * Registers `ctor` as `tag`, safely. Reel elements are deployed independently, so a page can load
 * two bundles that both carry an element: the second definition must not throw
 * (`customElements.define` would), it keeps the first and warns with both versions.
 *
 * @example
 * defineElement('reel-rail', ReelRail);
 */
export function defineElement(
  tag: string,
  ctor: ElementConstructor,
  registry: CustomElementRegistry = customElements,
): DefineResult {
  const existing = registry.get(tag) as ElementConstructor | undefined;
  if (existing === ctor) return DefineResult.alreadyDefined;
  if (existing) {
    console.warn(
      `[reel] <${tag}> is already defined (version ${existing.version ?? 'unknown'}); ` +
        `the definition from version ${ctor.version ?? 'unknown'} was skipped.`,
    );
    return DefineResult.clash;
  }
  registry.define(tag, ctor);
  return DefineResult.defined;
}
