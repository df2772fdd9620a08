// Runs against the real reference API (the test runner passes /api to it), with its demo reviews
// (apps/api/src/seed/reviews.ts). Test pages run under strict CSP + Trusted Types: any violation
// fails the running test.
import { expect, html, waitUntil } from '@open-wc/testing';
import { type Review, reviewsCreate, reviewsDelete, reviewsMine, type TitleSummary } from '@reel/contracts';
import { type ReelAuthProvider, setLocale } from '@reel/core';
import { themedFixture } from '@reel/core/testing';
import { nextFrame, settled, signInAsAlex, signOut } from '@reel/title-card/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@reel/core/define';
import './define.js';
import type { ReelReviews } from './reel-reviews.js';
import { DRAFT_PREFIX } from './reel-reviews.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

async function loaded(el: ReelReviews): Promise<void> {
  await waitUntil(() => $(el, '.summary:not([aria-busy])'), 'the summary loads', { timeout: 10000 });
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the list loads', { timeout: 10000 });
}

/** Popular titles (the demo seed reviews the most popular ones). */
async function popular(): Promise<TitleSummary[]> {
  const res = await fetch('/api/v1/titles?sort=popularity&limit=12');
  return ((await res.json()) as { items: TitleSummary[] }).items;
}

/** A popular title with at least `min` reviews, one of them marked as a spoiler when asked. */
async function reviewedTitle(min = 2, spoiler = false): Promise<string> {
  for (const t of await popular()) {
    const s = (await (await fetch(`/api/v1/titles/${t.id}/reviews/summary`)).json()) as {
      count: number;
      spoiler_count: number;
    };
    if (s.count >= min && (!spoiler || s.spoiler_count > 0)) return t.id;
  }
  throw new Error('the demo seed has reviewed titles');
}

const INJECTIONS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"></svg>',
  '<a href="javascript:window.__pwned = 4">click me</a>',
  '"><iframe srcdoc="<script>parent.__pwned = 5</script>">',
  '{{constructor.constructor("window.__pwned = 6")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a payload, deliberately not a template
  '${window.__pwned = 7}',
  'https://example.com/phish and www.example.org',
  '<style>*{display:none}</style>',
];

describe('<reel-reviews>', function () {
  this.timeout(30000);
  before(signOut);

  describe('signed out (read-only)', () => {
    it('shows the rating summary and the list, without write, vote or report controls; axe clean', async () => {
      const id = await reviewedTitle();
      const el = await themedFixture<ReelReviews>(html`<reel-reviews title-id=${id}></reel-reviews>`);
      await loaded(el);
      const summary = (await (await fetch(`/api/v1/titles/${id}/reviews/summary`)).json()) as { count: number };
      expect($$(el, '.histogram .bar')).to.have.length(5);
      expect($(el, '.list-count')!.textContent).to.contain(String(summary.count));
      expect($$(el, '.review').length).to.be.greaterThan(0);
      expect($(el, '[data-vote]')).to.equal(null);
      expect($(el, '[data-action="report"]')).to.equal(null);
      expect($(el, '[data-action="write"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('filters by a histogram bar, and clears the filter', async () => {
      const id = await reviewedTitle(3);
      const el = await themedFixture<ReelReviews>(html`<reel-reviews title-id=${id}></reel-reviews>`);
      await loaded(el);
      const bar = $$<HTMLButtonElement>(el, '.bar').find((b) => !b.disabled)!;
      const stars = Number(bar.dataset.rating);
      bar.click();
      await waitUntil(() => el.getAttribute('rating') === String(stars), 'the rating reflects');
      await loaded(el);
      expect(bar.getAttribute('aria-pressed')).to.equal('true');
      const labels = $$(el, '.review .stars-static').map((s) => s.getAttribute('aria-label'));
      expect(labels.length).to.be.greaterThan(0);
      for (const l of labels) expect(l).to.match(new RegExp(`^${stars} `));
      $(el, '.clear-rating')!.click();
      await waitUntil(() => !el.hasAttribute('rating'), 'cleared');
    });

    it('blurs spoilers until revealed', async () => {
      const id = await reviewedTitle(1, true);
      const el = await themedFixture<ReelReviews>(html`<reel-reviews title-id=${id} sort="newest"></reel-reviews>`);
      await loaded(el);
      while (!$(el, '.spoiler') && $(el, '[data-action="more"]')) {
        $(el, '[data-action="more"]')!.click();
        await loaded(el);
      }
      const blurred = $(el, '.spoiler .blurred')!;
      expect(blurred.getAttribute('aria-hidden')).to.equal('true');
      const article = blurred.closest('article')!;
      (article.querySelector('[data-action="reveal"]') as HTMLElement).click();
      await waitUntil(() => !article.querySelector('.blurred'), 'revealed');
      expect(article.querySelector('.body')!.textContent!.length).to.be.greaterThan(0);
      // "Hide spoilers" leaves them out.
      el.hideSpoilers = true;
      await loaded(el);
      expect($$(el, '.spoiler-badge')).to.have.length(0);
    });

    it('works embedded with api-base outside any provider, read-only', async () => {
      const id = await reviewedTitle();
      const el = await themedFixture<ReelReviews>(
        html`<reel-reviews title-id=${id} api-base="/api/v1" readonly></reel-reviews>`,
      );
      await loaded(el);
      expect($$(el, '.review').length).to.be.greaterThan(0);
      expect($(el, '[data-vote]')).to.equal(null);
      expect($(el, '.hint')).to.equal(null);
    });

    it('speaks Spanish and Arabic', async () => {
      const id = await reviewedTitle();
      const el = await themedFixture<ReelReviews>(html`<reel-reviews title-id=${id}></reel-reviews>`);
      await loaded(el);
      await setLocale('es');
      await waitUntil(() => $(el, 'h2')!.textContent === 'Valoraciones y reseñas', 'Spanish');
      await setLocale('ar');
      await waitUntil(() => $(el, 'h2')!.textContent === 'التقييمات والمراجعات', 'Arabic');
      expect(getComputedStyle(el).direction).to.equal('rtl');
      await setLocale('en');
    });
  });

  describe('signed in as Alex', () => {
    let provider: ReelAuthProvider;
    let titleId: string;

    const client = () => provider.session!.client;
    const cleanUp = async () => {
      const mine = await client().call(reviewsMine, { query: { title_id: titleId } });
      if (mine.review) await client().call(reviewsDelete, { params: { review_id: mine.review.id } });
      sessionStorage.clear();
    };

    before(async () => {
      provider = document.createElement('reel-auth-provider');
      // A themed page around it, so axe judges contrast on the page's background.
      const page = document.createElement('div');
      page.className = 'reel-test-page';
      page.setAttribute('data-reel-theme', 'dark');
      page.append(provider);
      document.body.append(page);
      await signInAsAlex(await settled(provider));
      titleId = await reviewedTitle(2);
      await cleanUp();
    });
    afterEach(cleanUp);
    after(async () => {
      provider.parentElement!.remove();
      await signOut();
    });

    async function mount(id = titleId): Promise<ReelReviews> {
      const el = document.createElement('reel-reviews');
      el.titleId = id;
      provider.append(el);
      await loaded(el);
      await waitUntil(() => $(el, '[data-action="write"], .form, .own'), 'the own-review part', { timeout: 10000 });
      return el;
    }

    it('writes a review by keyboard only (stars are a radio group), then edits it; axe clean', async () => {
      const el = await mount();
      $(el, '[data-action="write"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '.form'), 'the form opens');
      await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('role') === 'radio', 'stars take focus');
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(
        () => $(el, '[role="radio"][aria-checked="true"]')?.getAttribute('data-value') === '4',
        '4 stars',
      );
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Keyboard only' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Line one\nLine two' });
      const bodyField = $(el, '#body') as HTMLElement & { value: string };
      await waitUntil(() => bodyField.value.includes('Line two'), 'the body takes the text');
      const counter = bodyField.shadowRoot!.querySelector('[part="counter"]')!.textContent!;
      expect(counter.replace(/\D/g, '')).to.equal(String(5000 - bodyField.value.length));
      (($(el, '[data-action="save"]') as HTMLElement).shadowRoot!.querySelector('button') as HTMLElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '.own .review'), 'the review shows as "Your review"', { timeout: 10000 });
      const own = $(el, '.own .review')!;
      expect(own.querySelector('.headline')!.textContent).to.equal('Keyboard only');
      expect(own.querySelector('.body')!.textContent).to.match(/^Line one\s+Line two$/);
      expect(getComputedStyle(own.querySelector('.body')!).whiteSpace).to.equal('pre-line');
      expect(sessionStorage.getItem(`${DRAFT_PREFIX}${provider.session!.profileId}:${titleId}`)).to.equal(null);

      $(el, '[data-action="edit"]')!.click();
      await waitUntil(() => $(el, '.form'), 'the form opens for editing');
      await sendKeys({ press: 'End' });
      (($(el, '[data-action="save"]') as HTMLElement).shadowRoot!.querySelector('button') as HTMLElement).click();
      await waitUntil(() => $(el, '.own .edited'), 'the "edited" mark', { timeout: 10000 });
      expect($(el, '.own .stars-static')!.getAttribute('aria-label')).to.match(/^5 /);
      el.remove();
    });

    it('keeps the draft when the save fails, and across a reload', async () => {
      const el = await mount();
      $(el, '[data-action="write"]')!.click();
      await waitUntil(() => $(el, '.form'), 'form');
      $(el, '.stars [data-value="3"]')!.click();
      const headline = $(el, '#headline') as HTMLElement & { value: string };
      headline.dispatchEvent(new CustomEvent('reel-input', { detail: { value: 'Draft headline' } }));
      const body = $(el, '#body') as HTMLElement;
      body.dispatchEvent(new CustomEvent('reel-input', { detail: { value: 'Draft body' } }));
      // Injected fault (labelled): the network fails the POST once.
      const realFetch = window.fetch;
      window.fetch = (input, init) =>
        init?.method === 'POST' && String(input instanceof Request ? input.url : input).includes('/reviews')
          ? Promise.reject(new TypeError('Failed to fetch'))
          : realFetch(input, init);
      try {
        (($(el, '[data-action="save"]') as HTMLElement).shadowRoot!.querySelector('button') as HTMLElement).click();
        await waitUntil(() => $(el, '.form-error'), 'the error shows', { timeout: 10000 });
      } finally {
        window.fetch = realFetch;
      }
      expect($(el, '.form')).to.not.equal(null);
      expect(($(el, '#headline') as HTMLElement & { value: string }).value).to.equal('Draft headline');
      el.remove();
      // "Reload": a new element restores the draft from sessionStorage.
      const again = await mount();
      await waitUntil(() => $(again, '.form'), 'the draft reopens the form');
      expect(($(again, '#headline') as HTMLElement & { value: string }).value).to.equal('Draft headline');
      expect(($(again, '#body') as HTMLElement & { value: string }).value).to.equal('Draft body');
      expect($(again, '[role="radio"][aria-checked="true"]')!.getAttribute('data-value')).to.equal('3');
      again.remove();
    });

    it('deletes with confirmation, and undo brings it back', async () => {
      await client().call(reviewsCreate, {
        params: { title_id: titleId },
        body: { rating: 2, headline: 'To delete', body: 'Soon gone' },
      });
      const el = await mount();
      await waitUntil(() => $(el, '.own .review'), 'own review');
      $(el, '[data-action="delete"]')!.click();
      const confirm = $(el, 'reel-confirm-dialog')!;
      await waitUntil(() => confirm.hasAttribute('open'), 'confirm opens');
      (confirm.shadowRoot!.querySelector('[part="confirm-button"]') as HTMLElement).click();
      await waitUntil(() => $(el, '[data-action="write"]'), 'deleted', { timeout: 10000 });
      const toastEl = await waitUntil(() => document.querySelector('reel-toast-region'), 'a toast');
      void toastEl;
      const undo = await new Promise<HTMLElement>((resolve) => {
        const find = () => {
          const region = document.querySelector('reel-toast-region')!;
          const toasts = [
            ...region.shadowRoot!.querySelectorAll('reel-toast'),
            ...region.querySelectorAll('reel-toast'),
          ];
          for (const t of toasts) {
            const b = t.shadowRoot?.querySelector<HTMLElement>('.action, [part="action"], reel-button, button');
            if (b && t.textContent?.includes('deleted')) return resolve(b);
            const inner = t.shadowRoot?.textContent ?? '';
            if (b && inner.includes('deleted')) return resolve(b);
          }
          requestAnimationFrame(find);
        };
        find();
      });
      undo.click();
      await waitUntil(() => $(el, '.own .review'), 'restored', { timeout: 10000 });
      expect($(el, '.own .headline')!.textContent).to.equal('To delete');
      el.remove();
    });

    it('votes helpful by keyboard, optimistically, and rolls back when the server refuses', async () => {
      const el = await mount();
      const button = $$<HTMLButtonElement>(el, '.review [data-vote="helpful"]')[0]!;
      const article = button.closest('article')!;
      const id = article.dataset.id!;
      const count = () => Number(button.querySelector('.n')!.textContent!.trim());
      const before = count();
      button.focus();
      await sendKeys({ press: 'Space' });
      // Optimistic: at once.
      await waitUntil(() => button.getAttribute('aria-pressed') === 'true', 'pressed at once');
      expect(count()).to.equal(before + 1);
      await waitUntil(async () => {
        const page = (await (await fetch(`/api/v1/titles/${titleId}/reviews?limit=50`)).json()) as { items: Review[] };
        return page.items.find((r) => r.id === id)?.helpful_count === before + 1;
      }, 'the server counted it');
      // Again removes the vote.
      await sendKeys({ press: 'Space' });
      await waitUntil(() => button.getAttribute('aria-pressed') === 'false', 'unpressed');
      // One vote is in flight at a time: wait until the server has taken the removal back.
      await waitUntil(async () => {
        const page = (await (await fetch(`/api/v1/titles/${titleId}/reviews?limit=50`)).json()) as { items: Review[] };
        return page.items.find((r) => r.id === id)?.helpful_count === before;
      }, 'the server dropped it');
      await nextFrame();
      // Injected fault (labelled): the next vote is refused with a server error.
      const realFetch = window.fetch;
      window.fetch = (input, init) =>
        String(input instanceof Request ? input.url : input).includes('/vote')
          ? new Promise<Response>((resolve) =>
              setTimeout(
                () =>
                  resolve(
                    new Response(
                      JSON.stringify({ error: { code: 'internal_error', message: 'boom', request_id: 'x' } }),
                      { status: 500, headers: { 'content-type': 'application/json' } },
                    ),
                  ),
                400,
              ),
            )
          : realFetch(input, init);
      try {
        button.click();
        expect(button.getAttribute('aria-pressed')).to.not.equal(null);
        await waitUntil(() => count() === before + 1, 'optimistic +1');
        await waitUntil(() => count() === before, 'rolled back', { timeout: 10000 });
        expect(button.getAttribute('aria-pressed')).to.equal('false');
      } finally {
        window.fetch = realFetch;
      }
      el.remove();
    });

    it('reports a review through the dialog', async () => {
      const el = await mount();
      const report = $$(el, '.review [data-action="report"]')[0]!;
      const article = report.closest('article')!;
      report.click();
      const dialog = $(el, 'reel-dialog.report')!;
      await waitUntil(() => dialog.hasAttribute('open'), 'the dialog opens');
      await expect(el).to.be.accessible();
      const reason = $(el, '#reason') as HTMLElement & { value: string };
      reason.dispatchEvent(new CustomEvent('reel-change', { detail: { value: 'off_topic' } }));
      (
        ($(el, '[data-action="send-report"]') as HTMLElement).shadowRoot!.querySelector('button') as HTMLElement
      ).click();
      await waitUntil(() => !dialog.hasAttribute('open'), 'the dialog closes', { timeout: 10000 });
      await waitUntil(() => article.querySelector('.reported'), '"Reported"');
      el.remove();
    });

    it('renders script-injection payloads as text, with no CSP violation', async () => {
      const payload = INJECTIONS.join('\n');
      const review = await client().call(reviewsCreate, {
        params: { title_id: titleId },
        body: { rating: 1, headline: INJECTIONS[1] as string, body: payload },
      });
      const el = await mount();
      await waitUntil(() => $(el, '.own .review'), 'own review');
      el.sort = 'newest';
      await loaded(el);
      const shown = $$(el, `[data-id="${review.id}"]`);
      expect(shown.length).to.be.greaterThan(0);
      for (const article of shown) {
        expect(article.querySelector('.headline')!.textContent).to.equal(INJECTIONS[1]);
        expect(article.querySelector('.body')!.textContent).to.equal(payload);
        expect(article.querySelectorAll('script, img:not(.avatar), svg, iframe, style, a')).to.have.length(0);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      expect((window as unknown as { __reelCspViolations: string[] }).__reelCspViolations).to.deep.equal([]);
      el.remove();
    });
  });
});
