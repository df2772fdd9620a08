import { deepActiveElement } from './popup.js';

const SKIP = 'script, style, template, [hidden], [inert], [disabled]';

/** Whether focus is in `el`, its light DOM or its shadow tree. */
export function hasFocusWithin(el: Element): boolean {
  const active = deepActiveElement();
  if (!active) return false;
  let node: Node | null = active;
  while (node) {
    if (node === el) return true;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return false;
}

/**
 * Focuses the first element that takes focus among `roots` and their descendants (an
 * `[autofocus]` one first), trying elements in document order: custom elements that delegate
 * focus count, which a selector of focusable tags would miss. Returns whether it focused one.
 */
export function focusFirst(roots: readonly Element[]): boolean {
  const candidates = roots.flatMap((root) => [root, ...root.querySelectorAll('*')]);
  const ordered = [...candidates.filter((el) => el.hasAttribute('autofocus')), ...candidates];
  for (const el of ordered) {
    if (!(el instanceof HTMLElement) || el.matches(SKIP) || el.closest(SKIP)) continue;
    el.focus();
    if (hasFocusWithin(el)) return true;
  }
  return false;
}

/**
 * The elements that take Tab focus inside `root`, in the order Tab visits them, walking the flat
 * tree (into shadow roots, through slots) — the order a focus trap has to wrap around.
 */
export function tabbableElements(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Node) => {
    if (node instanceof HTMLElement) {
      if (node.matches(SKIP) || node.hidden) return;
      if (node.tabIndex >= 0 && !node.shadowRoot?.delegatesFocus && node.checkVisibility()) found.push(node);
    }
    let children: Iterable<Node>;
    if (node instanceof HTMLSlotElement) children = node.assignedNodes({ flatten: true });
    else if (node instanceof Element && node.shadowRoot) children = node.shadowRoot.childNodes;
    else children = node.childNodes;
    for (const child of children) visit(child);
  };
  for (const child of root instanceof ShadowRoot ? root.childNodes : [root]) visit(child);
  return found;
}
