// The failures here are injected faults: loaders that reject and elements that throw.
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { themedFixture } from '@reel/core/testing';
import '@reel/ui/define';
import './define.js';
import { type ModuleLoader, ModuleMissingError } from './load-module.js';
import type { ReelRouteView } from './reel-route-view.js';

class ShellTestPage extends HTMLElement {
  static observedAttributes = ['title-id'];
  attributeChangedCallback() {
    this.textContent = `title ${this.getAttribute('title-id')}`;
  }
}
customElements.define('shell-test-page', ShellTestPage);
class ShellTestThrowsOnConnect extends HTMLElement {
  connectedCallback() {
    throw new Error('injected fault: connectedCallback');
  }
}
customElements.define('shell-test-throws', ShellTestThrowsOnConnect);
class ShellTestThrowsInConstructor extends HTMLElement {
  constructor() {
    super();
    throw new Error('injected fault: constructor');
  }
}
customElements.define('shell-test-throws-early', ShellTestThrowsInConstructor);

const mount = async (tag: string, loader: ModuleLoader, values: Record<string, string> = {}) => {
  const view = await themedFixture<ReelRouteView>(
    html`<reel-route-view module="@reel/test/define" tag=${tag} page-title="My List" .values=${values} .loader=${loader}></reel-route-view>`,
  );
  await waitUntil(() => view.state !== 'loading', 'the view settles');
  await view.updateComplete;
  return view;
};
const ok: ModuleLoader = async () => ({});
const shadowText = (el: Element) => {
  const walk = (node: Node): string =>
    [...((node as Element).shadowRoot?.childNodes ?? []), ...node.childNodes]
      .map((n) => (n.nodeType === 3 ? n.textContent : walk(n)))
      .join(' ');
  return walk(el).replace(/\s+/g, ' ');
};

describe('<reel-route-view>', () => {
  // A throwing connectedCallback is reported as an uncaught error (that is what the view listens
  // for); the test runner would fail the test on it, so the expected one is claimed here.
  let original: OnErrorEventHandler = null;
  before(() => {
    original = window.onerror;
    window.onerror = (message, ...rest) =>
      String(message).includes('injected fault') ? true : (original?.(message, ...rest) ?? false);
  });
  after(() => {
    window.onerror = original;
  });

  it('creates the route element with its values as attributes, and updates them in place', async () => {
    const view = await mount('shell-test-page', ok, { 'title-id': 'ttl_1' });
    expect(view.state).to.equal('ready');
    const page = view.querySelector('shell-test-page');
    expect(page?.getAttribute('title-id')).to.equal('ttl_1');
    view.values = { 'title-id': 'ttl_2' };
    await view.updateComplete;
    expect(view.querySelector('shell-test-page')).to.equal(page);
    expect(page?.textContent).to.equal('title ttl_2');
  });

  it('shows "coming soon" when the package is not in the import map, or lacks the element', async () => {
    const missing = await mount('shell-test-page', async (specifier) => {
      throw new ModuleMissingError(specifier);
    });
    expect(missing.state).to.equal('missing');
    expect(shadowText(missing)).to.contain('My List is coming soon');
    await expect(missing).to.be.accessible();
    const noElement = await mount('shell-test-not-defined', ok);
    expect(noElement.state).to.equal('missing');
  });

  it('shows an error with "Try again" when the package fails to load; a retry that works shows the page', async () => {
    let attempts = 0;
    const flaky: ModuleLoader = async (_specifier, attempt) => {
      attempts++;
      if (attempt === 0) throw new TypeError('Failed to fetch dynamically imported module (injected fault)');
    };
    const view = await mount('shell-test-page', flaky, { 'title-id': 'ttl_9' });
    expect(view.state).to.equal('failed');
    expect(shadowText(view)).to.contain('My List didn’t load');
    await expect(view).to.be.accessible();
    const panel = view.shadowRoot!.querySelector('reel-error-panel')!;
    const settled = oneEvent(view, 'reel-route-view-state');
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    expect((await settled).detail.state).to.equal('ready');
    expect(attempts).to.equal(2);
    expect(view.querySelector('shell-test-page')?.getAttribute('title-id')).to.equal('ttl_9');
  });

  it('isolates an element that throws as it is created or connected', async () => {
    for (const tag of ['shell-test-throws', 'shell-test-throws-early']) {
      const view = await mount(tag, ok);
      expect(view.state, tag).to.equal('failed');
      expect(view.querySelector(tag), tag).to.equal(null);
      expect(shadowText(view)).to.contain('injected fault');
    }
  });
});
