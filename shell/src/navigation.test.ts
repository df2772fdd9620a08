import { expect, fixture, html } from '@open-wc/testing';
import { emit } from '@reel/core';
import { appPath, Navigator } from './navigation.js';

/** An element with a link in its shadow root, as a Reel element renders links. */
class ShadowLinks extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const link = (href: string, label: string, extra: Record<string, string> = {}) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = label;
      for (const [k, v] of Object.entries(extra)) a.setAttribute(k, v);
      const span = document.createElement('span');
      span.textContent = `${label} inner`;
      a.append(span);
      root.append(a);
    };
    link('/title/ttl_42', 'title');
    link('https://elsewhere.example/x', 'external');
    link('/my-list', 'new tab', { target: '_blank' });
    link('/api/v1/titles', 'api');
    link('/downloads', 'download attribute', { download: '' });
  }
}
customElements.define('shell-test-links', ShadowLinks);

describe('shell navigation', () => {
  const start = location.href;
  let navigator: Navigator;
  let dispose: () => void;
  beforeEach(() => {
    navigator = new Navigator();
    dispose = navigator.install();
  });
  afterEach(() => {
    dispose();
    history.replaceState(null, '', start);
  });

  const click = (el: Element, label: string, init: MouseEventInit = {}) => {
    const a = [...(el.shadowRoot?.querySelectorAll('a') ?? [])].find((x) => x.firstChild?.textContent === label);
    const target = a?.querySelector('span') ?? a;
    const event = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0, ...init });
    target?.dispatchEvent(event);
    return event;
  };

  it('follows a same-origin link inside a shadow root without a reload (the click is taken)', async () => {
    const el = await fixture(html`<shell-test-links></shell-test-links>`);
    const event = click(el, 'title');
    expect(event.defaultPrevented).to.equal(true);
    expect(location.pathname).to.equal('/title/ttl_42');
    expect((history.state as { reelKey?: string }).reelKey).to.be.a('string');
  });

  it('leaves other origins, new tabs, modified clicks, downloads and server paths to the browser', async () => {
    const el = await fixture(html`<shell-test-links></shell-test-links>`);
    const stop = (e: Event) => e.preventDefault();
    // A listener after the shell's keeps the browser from actually following them in the test.
    window.addEventListener('click', stop);
    try {
      for (const label of ['external', 'new tab', 'api', 'download attribute']) {
        const before = location.href;
        click(el, label);
        expect(location.href, label).to.equal(before);
      }
      click(el, 'title', { ctrlKey: true });
      click(el, 'title', { button: 1 });
      expect(location.pathname).not.to.equal('/title/ttl_42');
    } finally {
      window.removeEventListener('click', stop);
    }
  });

  it('goes where a reel-navigate event asks, and cancels it so the element does not navigate itself', async () => {
    const el = await fixture(html`<div></div>`);
    const event = emit(el, 'reel-navigate', { href: '/search?q=dune' }, { cancelable: true });
    expect(event.defaultPrevented).to.equal(true);
    expect(location.pathname + location.search).to.equal('/search?q=dune');
    const before = history.length;
    emit(el, 'reel-navigate', { href: '/search?q=dune+2', replace: true }, { cancelable: true });
    expect(location.search).to.equal('?q=dune+2');
    expect(history.length).to.equal(before);
    const external = emit(el, 'reel-navigate', { href: '/api/v1/ops/health' }, { cancelable: true });
    expect(external.defaultPrevented, 'a server path is not the shell’s').to.equal(false);
  });

  it('tells app paths from server paths and other origins', () => {
    const base = 'https://reel.test/somewhere';
    expect(appPath('/title/x?y=1#z', base)).to.equal('/title/x?y=1#z');
    expect(appPath('title/x', 'https://reel.test/a/')).to.equal('/a/title/x');
    expect(appPath('https://other.test/title/x', base)).to.equal(null);
    expect(appPath('/api/v1/titles', base)).to.equal(null);
    expect(appPath('/media/artwork/x.svg', base)).to.equal(null);
    expect(appPath('/manifest.webmanifest', base)).to.equal(null);
  });

  it('restores the scroll position of an entry when the user goes back', async () => {
    const tall = await fixture(html`<div></div>`);
    (tall as HTMLElement).style.height = '5000px';
    navigator.navigate('/my-list');
    navigator.restoreScroll();
    window.scrollTo(0, 1200);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    navigator.navigate('/title/ttl_1');
    navigator.restoreScroll();
    expect(window.scrollY, 'a new page starts at the top').to.equal(0);
    const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    history.back();
    await popped;
    navigator.restoreScroll();
    expect(location.pathname).to.equal('/my-list');
    expect(window.scrollY).to.equal(1200);
    window.scrollTo(0, 0);
  });
});
