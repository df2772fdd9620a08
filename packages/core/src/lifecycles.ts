/** The props single-spa passes to an application's lifecycles. */
export interface LifecycleProps {
  name: string;
  /** Where to mount (single-spa-layout's application element, or a given element). */
  domElement?: HTMLElement;
  /** Route params and anything the shell adds (`{ id: 't1' }` for `/title/:id`). */
  [key: string]: unknown;
}

export interface LifecycleOptions<E extends HTMLElement> {
  /** Turns the route's props into the element's properties (`{ titleId: props.id }`). */
  propsFromRoute?: (props: LifecycleProps) => Partial<E>;
  /** Loads the element's definition (its `define` module) before the first mount. */
  load?: () => Promise<unknown>;
}

export interface Lifecycles {
  bootstrap(props: LifecycleProps): Promise<void>;
  mount(props: LifecycleProps): Promise<void>;
  unmount(props: LifecycleProps): Promise<void>;
  update(props: LifecycleProps): Promise<void>;
}

/**
 * single-spa lifecycles for a Reel element, so the shell mounts any element package as an
 * application: `mount` creates `<tag>` in the application's DOM element with the route's props,
 * `update` sets new props on the same element, `unmount` removes it.
 *
 * @example
 * export const { bootstrap, mount, unmount, update } = createLifecycles('reel-title-detail', {
 *   load: () => import('./define.js'),
 *   propsFromRoute: (props) => ({ titleId: String(props.id) }),
 * });
 */
export function createLifecycles<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: LifecycleOptions<HTMLElementTagNameMap[K]> = {},
): Lifecycles {
  const mounted = new Map<string, HTMLElementTagNameMap[K]>();
  const apply = (el: HTMLElementTagNameMap[K], props: LifecycleProps) => {
    if (options.propsFromRoute) Object.assign(el, options.propsFromRoute(props));
  };
  const container = (props: LifecycleProps): HTMLElement => {
    if (props.domElement) return props.domElement;
    const id = `single-spa-application:${props.name}`;
    let el = document.getElementById(id);
    if (!el) {
      el = document.createElement('div');
      el.id = id;
      document.body.append(el);
    }
    return el;
  };
  return {
    async bootstrap() {
      await options.load?.();
    },
    async mount(props) {
      await customElements.whenDefined(tag);
      const el = document.createElement(tag);
      apply(el, props);
      container(props).append(el);
      mounted.set(props.name, el);
    },
    async unmount(props) {
      mounted.get(props.name)?.remove();
      mounted.delete(props.name);
    },
    async update(props) {
      const el = mounted.get(props.name);
      if (el) apply(el, props);
    },
  };
}
