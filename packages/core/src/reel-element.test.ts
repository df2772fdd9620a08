import { Task } from '@lit/task';
import { expect, fixture, html, oneEvent, unsafeStatic } from '@open-wc/testing';
import { defineElement } from './define-element.js';
import type { ReelErrorDetail } from './events.js';
import { type ErrorReporter, ReelElement, setErrorReporter } from './reel-element.js';
import { mountMany, themedFixture } from './testing.js';

let n = 0;
const uniqueTag = (name: string) => `reel-test-${name}-${++n}-${Math.random().toString(36).slice(2, 6)}`;
const mountTag = <T extends HTMLElement>(tag: string) =>
  fixture<T>(html`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);

class Fragile extends ReelElement {
  static override properties = { broken: { type: Boolean, reflect: true } };
  broken = false;
  override render() {
    if (this.broken) throw new Error('render exploded');
    return html`<p>fine</p>`;
  }
}
const fragileTag = uniqueTag('fragile');
defineElement(fragileTag, Fragile);

type Loader = (signal: AbortSignal) => Promise<string[]>;
class Loading extends ReelElement {
  load: Loader = async () => [];
  list = new Task(this, {
    task: (_args: readonly [], { signal }) => this.load(signal),
    args: () => [] as const,
  });
  override render() {
    return this.renderTask(this.list, { complete: (items) => html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` });
  }
}
const loadingTag = uniqueTag('loading');
defineElement(loadingTag, Loading);

const silence = (e: Event) => e.preventDefault();

describe('ReelElement', () => {
  beforeEach(() => window.addEventListener('reel-error', silence));
  afterEach(() => {
    window.removeEventListener('reel-error', silence);
    setErrorReporter(undefined);
  });

  it('includes the theme on :host', async () => {
    const el = await mountTag<Fragile>(fragileTag);
    expect(getComputedStyle(el).fontFamily).to.contain('Arial');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });

  describe('error boundary', () => {
    it('shows an error panel with retry instead of failing, reports it, and the page keeps working', async () => {
      const wrapper = await themedFixture<HTMLDivElement>(
        html`<div><${unsafeStatic(fragileTag)} id="a"></${unsafeStatic(fragileTag)}><${unsafeStatic(fragileTag)} id="b"></${unsafeStatic(fragileTag)}></div>`,
      );
      const [a, b] = [...wrapper.children] as [Fragile, Fragile];
      const reported = oneEvent(a, 'reel-error');
      a.broken = true;
      await a.updateComplete;
      const { detail } = await reported;
      expect(detail.source).to.equal('render');
      expect(detail.element).to.equal(fragileTag);
      expect((detail.error as Error).message).to.equal('render exploded');
      expect(a.hasFailed).to.equal(true);
      const panel = a.shadowRoot!.querySelector('[role="alert"]')!;
      expect(panel.textContent).to.contain('Something went wrong').and.contain('render exploded');
      expect(a.hasAttribute('broken')).to.equal(true); // the update's bookkeeping still ran
      // The sibling, and the page, are unaffected.
      expect(b.shadowRoot!.textContent).to.contain('fine');
      b.broken = false;
      await b.updateComplete;

      await expect(a).to.be.accessible();

      a.broken = false;
      (a.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement).click();
      await a.updateComplete;
      expect(a.hasFailed).to.equal(false);
      expect(a.shadowRoot!.querySelector('p')!.textContent).to.equal('fine');
    });

    it('keeps showing the panel on later updates until retried', async () => {
      const el = await mountTag<Fragile>(fragileTag);
      el.broken = true;
      await el.updateComplete;
      el.broken = false; // the cause went away, but nobody retried
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      el.recover();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('hands errors to the page reporter', async () => {
      const seen: ReelErrorDetail[] = [];
      const reporter: ErrorReporter = (d) => seen.push(d);
      setErrorReporter(reporter);
      const el = await mountTag<Fragile>(fragileTag);
      el.broken = true;
      await el.updateComplete;
      await Promise.resolve();
      expect(seen).to.have.length(1);
      expect(seen[0]!.source).to.equal('render');
    });
  });

  describe('renderTask', () => {
    it('renders a skeleton while loading, then the data', async () => {
      let resolve!: (v: string[]) => void;
      const el = document.createElement(loadingTag) as Loading;
      el.load = () => new Promise((r) => (resolve = r));
      const wrapper = await themedFixture<HTMLDivElement>(html`<div></div>`);
      wrapper.append(el);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Loading…');
      await expect(el).to.be.accessible();
      resolve(['Dune', 'Alien']);
      await el.list.taskComplete;
      await el.updateComplete;
      expect([...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['Dune', 'Alien']);
    });

    it('renders the empty state for empty data', async () => {
      const el = await mountTag<Loading>(loadingTag);
      await el.list.taskComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('Nothing here yet');
    });

    it('renders an error panel, reports the failure once, and retries the task', async () => {
      let fail = true;
      const el = document.createElement(loadingTag) as Loading;
      el.load = async () => {
        if (fail) throw new Error('503 from the catalog');
        return ['Dune'];
      };
      const errors: ReelErrorDetail[] = [];
      el.addEventListener('reel-error', (e) => errors.push(e.detail));
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      wrapper.append(el);
      await el.list.taskComplete.catch(() => {});
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      await Promise.resolve();
      expect(errors.map((e) => e.source)).to.deep.equal(['task']);
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('503 from the catalog');

      fail = false;
      (el.shadowRoot!.querySelector('[part="retry"]') as HTMLButtonElement).click();
      await el.list.taskComplete;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal('Dune');
    });
  });

  it('leaves no listener behind after being mounted and removed many times', async () => {
    const leaked = await mountMany(() => document.createElement(fragileTag), { times: 200 });
    expect([...leaked]).to.deep.equal([]);
  });
});
