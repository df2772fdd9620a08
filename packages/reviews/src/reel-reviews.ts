import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { ApiError } from '@reel/client';
import {
  type MyReview,
  type Review,
  ReviewLimits,
  type ReviewReportReason,
  type ReviewSort,
  type ReviewSummary,
  reviewsCreate,
  reviewsDelete,
  reviewsList,
  reviewsMine,
  reviewsReport,
  reviewsRestore,
  reviewsSummary,
  reviewsUpdate,
  reviewsVote,
} from '@reel/contracts';
import {
  errorMessage,
  formatDate,
  formatNumber,
  getLocale,
  plural,
  ReelElement,
  renderEmptyState,
  renderErrorState,
  SessionConsumer,
  styleProps,
} from '@reel/core';
import { type ReelDialog, type SelectOption, toast } from '@reel/ui';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styles } from './reel-reviews.styles.js';

/** sessionStorage key prefix of a review draft (one per title). */
export const DRAFT_PREFIX = 'reel-reviews:draft:';

const PAGE = 10;

interface Draft {
  rating: number;
  headline: string;
  body: string;
  contains_spoilers: boolean;
  language: string;
}

interface ListState {
  items: Review[];
  next: string | null;
  total: number;
  loading: boolean;
  error: unknown;
}

const WRITE_LANGUAGES = ['en', 'es', 'ar', 'fr', 'de', 'pt', 'it', 'ja', 'ko', 'zh'];
const languageName = (code: string) => {
  try {
    return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * The reviews of a title: a rating summary with a histogram (a bar filters the list to its
 * rating), the list with sort (most helpful, newest, highest, lowest) and filters (language,
 * hide spoilers, watched only), helpful / not helpful votes (shown at once, rolled back if the
 * server refuses), reports, and the viewer's own review: write, edit, delete with undo.
 *
 * Review text is untrusted: it is rendered as text only (line breaks kept, links not clickable).
 * Signed out, outside a `<reel-auth-provider>` (embedded on a partner page with `api-base`), or
 * with `readonly`, it shows the reviews without the write, vote and report controls.
 *
 * A draft of the form is kept in sessionStorage until it is saved, so a failed save or a reload
 * loses nothing.
 *
 * @summary Rating summary, reviews list, and writing one's own review.
 * @tagname reel-reviews
 * @fires reel-review-saved - The viewer's review was written or edited; `detail: { review }`.
 * @fires reel-review-deleted - The viewer deleted their review; `detail: { reviewId }`.
 * @csspart summary - The rating summary and histogram.
 * @csspart list - The list of reviews.
 * @csspart review - Each review.
 * @csspart form - The write / edit form.
 * @cssproperty --reel-reviews-gutter - Space on both sides (default: 4% of the width).
 * @cssproperty --reel-reviews-star-color - Colour of the filled stars.
 */
export class ReelReviews extends ReelElement {
  static version = '0.1.0';
  static override styles = styles;

  /** The title whose reviews are shown. */
  @property({ attribute: 'title-id', reflect: true }) titleId: string | null = null;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** Shows the reviews only (no writing, voting or reporting), e.g. embedded on a partner page. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The order of the list. */
  @property({ reflect: true }) sort: ReviewSort = 'most_helpful';

  /** Only reviews with this many stars (set by a click on a histogram bar). */
  @property({ type: Number, reflect: true }) rating: number | null = null;

  /** Leaves out reviews marked as spoilers. */
  @property({ type: Boolean, attribute: 'hide-spoilers', reflect: true }) hideSpoilers = false;

  /** Only reviews whose author watched the title. */
  @property({ type: Boolean, attribute: 'watched-only', reflect: true }) watchedOnly = false;

  /** Only reviews in this language. */
  @property({ reflect: true }) language: string | null = null;

  @state() private list: ListState = { items: [], next: null, total: 0, loading: true, error: null };
  @state() private mine: MyReview | null = null;
  @state() private editing = false;
  @state() private draft: Draft = this.emptyDraft();
  @state() private formErrors: Record<string, string> = {};
  @state() private formError = '';
  @state() private saving = false;
  @state() private revealed = new Set<string>();
  @state() private reportFor: Review | null = null;
  @state() private reportReason: ReviewReportReason = 'spam';
  @state() private reportText = '';
  @state() private reportProblem = '';
  @state() private reporting = false;
  @state() private deleting = false;

  @query('reel-dialog.report') private reportDialog?: ReelDialog;

  private readonly api = new SessionConsumer(this);
  private listGeneration = 0;

  private readonly summaryTask = new Task(this, {
    task: async ([id, client, profileId], { signal }) => {
      void profileId;
      if (!id) return null;
      return client.call(reviewsSummary, { params: { title_id: id }, signal });
    },
    args: () => [this.titleId, this.api.client, this.api.profileId] as const,
  });

  private readonly mineTask = new Task(this, {
    task: async ([id, client, profileId, writable], { signal }) => {
      if (!id || !profileId || !writable) return null;
      const mine = await client.call(reviewsMine, { query: { title_id: id }, signal });
      this.mine = mine;
      this.restoreDraft();
      return mine;
    },
    args: () => [this.titleId, this.api.client, this.api.profileId, this.writable] as const,
  });

  /** Signed in with a profile, inside a provider, and not `readonly`. */
  private get writable(): boolean {
    return !this.readonly && this.api.signedIn && this.api.profileId !== null;
  }

  private emptyDraft(): Draft {
    const locale = getLocale();
    return { rating: 0, headline: '', body: '', contains_spoilers: false, language: locale.split('-')[0] ?? 'en' };
  }

  private get draftKey(): string {
    return `${DRAFT_PREFIX}${this.api.profileId ?? ''}:${this.titleId ?? ''}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('titleId') ||
      changed.has('sort') ||
      changed.has('rating') ||
      changed.has('hideSpoilers') ||
      changed.has('watchedOnly') ||
      changed.has('language')
    ) {
      void this.loadList(true);
    }
  }

  private lastListKey = '';

  protected override updated(): void {
    // The session (provider, profile) changes the list's personal fields: reload on a change.
    const key = `${this.api.client === undefined ? '' : 'c'}:${this.api.profileId ?? ''}:${this.api.signedIn}`;
    if (this.lastListKey && key !== this.lastListKey) void this.loadList(true);
    this.lastListKey = key;
  }

  /** Loads the first page (reset) or the next one. */
  private async loadList(reset: boolean): Promise<void> {
    if (!this.titleId) return;
    const generation = reset ? ++this.listGeneration : this.listGeneration;
    const cursor = reset ? undefined : (this.list.next ?? undefined);
    this.list = reset
      ? { items: [], next: null, total: 0, loading: true, error: null }
      : { ...this.list, loading: true, error: null };
    try {
      const page = await this.api.client.call(reviewsList, {
        params: { title_id: this.titleId },
        query: {
          sort: this.sort,
          limit: PAGE,
          ...(cursor ? { cursor } : {}),
          ...(this.rating ? { rating: this.rating } : {}),
          ...(this.language ? { language: this.language } : {}),
          ...(this.hideSpoilers ? { hide_spoilers: true } : {}),
          ...(this.watchedOnly ? { watched_only: true } : {}),
        },
      });
      if (generation !== this.listGeneration) return;
      const seen = new Set(reset ? [] : this.list.items.map((r) => r.id));
      this.list = {
        items: [...(reset ? [] : this.list.items), ...page.items.filter((r) => !seen.has(r.id))],
        next: page.next_cursor,
        total: page.total,
        loading: false,
        error: null,
      };
    } catch (error) {
      if (generation !== this.listGeneration) return;
      this.list = { ...this.list, loading: false, error };
    }
  }

  /** Reloads everything after the viewer's own review changed. */
  private refresh(): void {
    this.summaryTask.run();
    this.mineTask.run();
    void this.loadList(true);
  }

  // ─── Drafts ──────────────────────────────────────────────────────────────────────────────────

  private saveDraft(): void {
    try {
      sessionStorage.setItem(this.draftKey, JSON.stringify(this.draft));
    } catch {
      // Storage full or blocked: the draft stays in memory.
    }
  }

  private restoreDraft(): void {
    try {
      const raw = sessionStorage.getItem(this.draftKey);
      if (!raw) return;
      const saved = JSON.parse(raw) as Partial<Draft>;
      this.draft = { ...this.emptyDraft(), ...saved };
      this.editing = true;
    } catch {
      // A broken draft is dropped.
    }
  }

  private clearDraft(): void {
    try {
      sessionStorage.removeItem(this.draftKey);
    } catch {
      // nothing kept
    }
  }

  private setDraft(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    const errors = { ...this.formErrors };
    for (const key of Object.keys(patch)) delete errors[key];
    this.formErrors = errors;
    this.saveDraft();
  }

  private startWriting(): void {
    const own = this.mine?.review;
    this.draft = own
      ? {
          rating: own.rating,
          headline: own.headline,
          body: own.body,
          contains_spoilers: own.contains_spoilers,
          language: own.language,
        }
      : this.emptyDraft();
    this.formErrors = {};
    this.formError = '';
    this.editing = true;
    void this.updateComplete.then(() => this.focusIn('.stars [role="radio"][tabindex="0"]'));
  }

  private cancelWriting(): void {
    this.editing = false;
    this.clearDraft();
    this.formErrors = {};
    this.formError = '';
    void this.updateComplete.then(() => this.focusIn('[data-action="write"], [data-action="edit"]'));
  }

  private focusIn(selector: string): void {
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving || !this.titleId) return;
    const d = this.draft;
    const errors: Record<string, string> = {};
    if (d.rating < 1) errors.rating = msg('Choose a rating from 1 to 5 stars.', { id: 'reviews.error.rating' });
    if (!d.headline.trim()) errors.headline = msg('Give your review a headline.', { id: 'reviews.error.headline' });
    if (!d.body.trim()) errors.body = msg('Write a few words about it.', { id: 'reviews.error.body' });
    this.formErrors = errors;
    if (Object.keys(errors).length) {
      this.formError = '';
      void this.updateComplete.then(() =>
        this.focusIn(errors.rating ? '.stars [tabindex="0"]' : errors.headline ? '#headline' : '#body'),
      );
      return;
    }
    this.saving = true;
    this.formError = '';
    const body = {
      rating: d.rating,
      headline: d.headline.trim(),
      body: d.body.trim(),
      contains_spoilers: d.contains_spoilers,
      language: d.language,
    };
    try {
      const own = this.mine?.review;
      const review = own
        ? await this.api.client.call(reviewsUpdate, { params: { review_id: own.id }, body })
        : await this.api.client.call(reviewsCreate, { params: { title_id: this.titleId }, body });
      this.clearDraft();
      this.editing = false;
      this.mine = { review, can_write: true };
      toast({
        message: own
          ? msg('Your review was updated.', { id: 'reviews.toast.updated' })
          : msg('Your review was published.', { id: 'reviews.toast.published' }),
        variant: 'success',
      });
      this.dispatchEvent(new CustomEvent('reel-review-saved', { bubbles: true, composed: true, detail: { review } }));
      this.refresh();
    } catch (error) {
      // Nothing is lost: the form keeps what was typed (and the draft stays in sessionStorage).
      if (error instanceof ApiError && Object.keys(error.fields).length) this.formErrors = { ...error.fields };
      this.formError =
        error instanceof ApiError && error.status === 429
          ? msg('You are saving too often. Wait a moment and try again.', { id: 'reviews.error.rate' })
          : msg(str`Your review wasn’t saved: ${errorMessage(error)}. Your text is kept.`, {
              id: 'reviews.error.save',
            });
    } finally {
      this.saving = false;
    }
  }

  // ─── Delete with undo ────────────────────────────────────────────────────────────────────────

  private async deleteOwn(): Promise<void> {
    const own = this.mine?.review;
    if (!own) return;
    const confirm = this.renderRoot.querySelector('reel-confirm-dialog');
    if (!confirm || !(await confirm.ask())) return;
    this.deleting = true;
    try {
      await this.api.client.call(reviewsDelete, { params: { review_id: own.id } });
      this.mine = { review: null, can_write: this.mine?.can_write ?? true };
      this.list = { ...this.list, items: this.list.items.filter((r) => r.id !== own.id) };
      this.dispatchEvent(
        new CustomEvent('reel-review-deleted', { bubbles: true, composed: true, detail: { reviewId: own.id } }),
      );
      this.summaryTask.run();
      toast({
        message: msg('Your review was deleted.', { id: 'reviews.toast.deleted' }),
        actionLabel: msg('Undo', { id: 'reviews.undo' }),
        onAction: () => void this.undoDelete(own.id),
      });
      void this.updateComplete.then(() => this.focusIn('[data-action="write"]'));
    } catch (error) {
      toast({
        message: msg(str`Couldn’t delete your review: ${errorMessage(error)}`, { id: 'reviews.error.delete' }),
        variant: 'error',
      });
    } finally {
      this.deleting = false;
    }
  }

  private async undoDelete(id: string): Promise<void> {
    try {
      await this.api.client.call(reviewsRestore, { params: { review_id: id } });
      toast({ message: msg('Your review is back.', { id: 'reviews.toast.restored' }), variant: 'success' });
      this.refresh();
    } catch (error) {
      toast({
        message: msg(str`Couldn’t restore your review: ${errorMessage(error)}`, { id: 'reviews.error.restore' }),
        variant: 'error',
      });
    }
  }

  // ─── Votes (optimistic) ──────────────────────────────────────────────────────────────────────

  private patchReview(id: string, patch: Partial<Review>): void {
    this.list = { ...this.list, items: this.list.items.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
  }

  readonly #voteSeq = new Map<string, number>();

  private async vote(review: Review, value: 'helpful' | 'not_helpful'): Promise<void> {
    const current = this.list.items.find((r) => r.id === review.id) ?? review;
    const next = current.my_vote === value ? null : value;
    const before = {
      my_vote: current.my_vote,
      helpful_count: current.helpful_count,
      not_helpful_count: current.not_helpful_count,
    };
    let helpful = current.helpful_count;
    let notHelpful = current.not_helpful_count;
    if (current.my_vote === 'helpful') helpful--;
    if (current.my_vote === 'not_helpful') notHelpful--;
    if (next === 'helpful') helpful++;
    if (next === 'not_helpful') notHelpful++;
    this.patchReview(review.id, { my_vote: next, helpful_count: helpful, not_helpful_count: notHelpful });
    // A quicker second press wins: an older answer (or its failure) must not undo a newer choice.
    const seq = (this.#voteSeq.get(review.id) ?? 0) + 1;
    this.#voteSeq.set(review.id, seq);
    try {
      const result = await this.api.client.call(reviewsVote, {
        params: { review_id: review.id },
        body: { vote: next ?? 'none' },
      });
      if (this.#voteSeq.get(review.id) !== seq) return;
      this.patchReview(review.id, {
        my_vote: result.my_vote,
        helpful_count: result.helpful_count,
        not_helpful_count: result.not_helpful_count,
      });
    } catch (error) {
      if (this.#voteSeq.get(review.id) !== seq) return;
      this.patchReview(review.id, before);
      toast({
        message: msg(str`Your vote wasn’t saved: ${errorMessage(error)}`, { id: 'reviews.error.vote' }),
        variant: 'error',
      });
    }
  }

  // ─── Reports ─────────────────────────────────────────────────────────────────────────────────

  private openReport(review: Review): void {
    this.reportFor = review;
    this.reportReason = 'spam';
    this.reportText = '';
    this.reportProblem = '';
    void this.updateComplete.then(() => this.reportDialog?.show());
  }

  private async sendReport(event: Event): Promise<void> {
    event.preventDefault();
    const review = this.reportFor;
    if (!review || this.reporting) return;
    if (this.reportReason === 'other' && !this.reportText.trim()) {
      this.reportProblem = msg('Say what is wrong with it.', { id: 'reviews.report.need-text' });
      return;
    }
    this.reporting = true;
    this.reportProblem = '';
    try {
      await this.api.client.call(reviewsReport, {
        params: { review_id: review.id },
        body: { reason: this.reportReason, ...(this.reportText.trim() ? { text: this.reportText.trim() } : {}) },
      });
      this.patchReview(review.id, { reported_by_me: true });
      this.reportDialog?.close('sent');
      toast({
        message: msg('Thanks. Our moderators will look at it.', { id: 'reviews.report.thanks' }),
        variant: 'success',
      });
    } catch (error) {
      this.reportProblem = errorMessage(error);
    } finally {
      this.reporting = false;
    }
  }

  // ─── Rendering ───────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const summary = this.summaryTask.value ?? null;
    return html`<section class="reviews" aria-labelledby="reviews-heading">
        <div class="head">
          <h2 id="reviews-heading">${msg('Ratings and reviews', { id: 'reviews.heading' })}</h2>
        </div>
        <div class="layout">
          <div class="side">${this.renderSummary(summary)} ${this.renderMine()}</div>
          <div class="main">${this.renderToolbar(summary)} ${this.renderList()}</div>
        </div>
      </section>
      ${this.renderReportForm()}
      <reel-confirm-dialog
        danger
        heading=${msg('Delete your review?', { id: 'reviews.delete.heading' })}
        message=${msg('It disappears from this title. You can undo this for a little while.', {
          id: 'reviews.delete.message',
        })}
        confirm-label=${msg('Delete', { id: 'reviews.delete' })}
        cancel-label=${msg('Cancel', { id: 'reviews.cancel' })}
      ></reel-confirm-dialog>`;
  }

  private stars(value: number, size = 'sm'): TemplateResult {
    const full = Math.floor(value);
    const half = value - full >= 0.25 && value - full < 0.75;
    const rounded = value - full >= 0.75 ? full + 1 : full;
    return html`<span
      class="stars-static stars-static--${size}"
      role="img"
      aria-label=${msg(str`${formatNumber(value, { maximumFractionDigits: 1 })} out of 5 stars`, {
        id: 'reviews.stars',
      })}
      >${[1, 2, 3, 4, 5].map((n) =>
        n <= rounded
          ? html`<reel-icon name="star-filled" class="on"></reel-icon>`
          : half && n === full + 1
            ? html`<reel-icon name="star-half" class="on"></reel-icon>`
            : html`<reel-icon name="star" class="off"></reel-icon>`,
      )}</span
    >`;
  }

  private renderSummary(summary: ReviewSummary | null): TemplateResult {
    if (!summary) {
      if (this.summaryTask.error)
        return html`<div class="summary" part="summary">
          ${renderErrorState({ error: this.summaryTask.error, onRetry: () => this.summaryTask.run() })}
        </div>`;
      return html`<div class="summary summary--loading" part="summary" aria-busy="true">
        <div class="skeleton big"></div>
        <div class="skeleton bars"></div>
      </div>`;
    }
    const max = Math.max(1, ...Object.values(summary.histogram));
    return html`<div class="summary" part="summary">
      <div class="average">
        <span class="average-number">${summary.average === null ? '–' : formatNumber(summary.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</span>
        <div>
          ${this.stars(summary.average ?? 0, 'md')}
          <p class="count">
            ${plural(summary.count, {
              one: msg('1 review', { id: 'reviews.count.one' }),
              other: msg(str`${formatNumber(summary.count)} reviews`, { id: 'reviews.count.other' }),
            })}
          </p>
        </div>
      </div>
      <ul class="histogram" aria-label=${msg('Filter by rating', { id: 'reviews.histogram' })}>
        ${[5, 4, 3, 2, 1].map((n) => {
          const count = summary.histogram[String(n) as '1'];
          const share = summary.count ? Math.round((count / summary.count) * 100) : 0;
          const pressed = this.rating === n;
          return html`<li>
            <button
              type="button"
              class="bar"
              data-rating=${n}
              aria-pressed=${pressed ? 'true' : 'false'}
              ?disabled=${count === 0 && !pressed}
              @click=${() => {
                this.rating = pressed ? null : n;
              }}
            >
              <span class="bar-label"
                >${n}<reel-icon name="star-filled"></reel-icon
                ><span class="vh">${msg(str` stars, ${share}%:`, { id: 'reviews.histogram.bar' })}</span></span
              >
              <span class="bar-track"
                ><span class="bar-fill" ${styleProps({ inlineSize: `${(count / max) * 100}%` })}></span
              ></span>
              <span class="bar-count">${formatNumber(count)}</span>
            </button>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderMine(): TemplateResult | typeof nothing {
    if (!this.writable) {
      if (this.readonly || this.api.session === undefined) return nothing;
      return html`<p class="hint">${msg('Sign in to write a review and vote.', { id: 'reviews.signin' })}</p>`;
    }
    const mine = this.mine;
    if (!mine) return nothing;
    if (!mine.can_write && !mine.review)
      return html`<p class="hint">${msg('Reviews are written from adult profiles.', { id: 'reviews.kids' })}</p>`;
    if (this.editing) return this.renderForm();
    const own = mine.review;
    if (!own)
      return html`<div class="cta">
        <p>${msg('Seen it? Tell others what you thought.', { id: 'reviews.cta' })}</p>
        <reel-button variant="primary" data-action="write" @click=${this.startWriting}>
          <reel-icon slot="start" name="edit"></reel-icon>${msg('Write a review', { id: 'reviews.write' })}
        </reel-button>
      </div>`;
    return html`<div class="own">
      <h3 class="own-heading">${msg('Your review', { id: 'reviews.yours' })}</h3>
      ${
        own.status !== 'published'
          ? html`<p class="notice" role="status">
            ${
              own.status === 'hidden'
                ? msg('Hidden while a moderator looks at reports about it.', { id: 'reviews.status.hidden' })
                : msg('Removed by a moderator.', { id: 'reviews.status.removed' })
            }
          </p>`
          : nothing
      }
      ${this.renderReview(own, true)}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const d = this.draft;
    const own = this.mine?.review;
    const labels = [
      msg('1 star: awful', { id: 'reviews.star.1' }),
      msg('2 stars: poor', { id: 'reviews.star.2' }),
      msg('3 stars: fine', { id: 'reviews.star.3' }),
      msg('4 stars: good', { id: 'reviews.star.4' }),
      msg('5 stars: excellent', { id: 'reviews.star.5' }),
    ];
    const focusable = d.rating || 1;
    const setRating = (n: number, focus: boolean) => {
      this.setDraft({ rating: n });
      if (focus) void this.updateComplete.then(() => this.focusIn(`.stars [data-value="${n}"]`));
    };
    const onKey = (event: KeyboardEvent) => {
      const rtl = getComputedStyle(this).direction === 'rtl';
      const current = d.rating || 0;
      let next: number | null = null;
      if (event.key === 'ArrowRight') next = rtl ? current - 1 : current + 1;
      else if (event.key === 'ArrowLeft') next = rtl ? current + 1 : current - 1;
      else if (event.key === 'ArrowUp') next = current + 1;
      else if (event.key === 'ArrowDown') next = current - 1;
      else if (event.key === 'Home') next = 1;
      else if (event.key === 'End') next = 5;
      else if (event.key === ' ' || event.key === 'Enter') next = Number((event.target as HTMLElement).dataset.value);
      if (next === null) return;
      event.preventDefault();
      if (next < 1) next = 5;
      if (next > 5) next = 1;
      setRating(next, true);
    };
    return html`<form class="form" part="form" novalidate @submit=${this.submit} aria-labelledby="form-heading">
      <h3 id="form-heading">
        ${own ? msg('Edit your review', { id: 'reviews.form.edit' }) : msg('Write a review', { id: 'reviews.write' })}
      </h3>
      <div class="field">
        <span class="label" id="rating-label">${msg('Your rating', { id: 'reviews.form.rating' })}</span>
        <div
          class="stars"
          role="radiogroup"
          aria-labelledby="rating-label"
          aria-required="true"
          aria-invalid=${this.formErrors.rating ? 'true' : 'false'}
          aria-describedby=${this.formErrors.rating ? 'rating-error' : nothing}
          @keydown=${onKey}
        >
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<span
              role="radio"
              class="star ${n <= d.rating ? 'on' : ''}"
              data-value=${n}
              aria-checked=${d.rating === n ? 'true' : 'false'}
              aria-label=${labels[n - 1] as string}
              tabindex=${n === focusable ? '0' : '-1'}
              @click=${() => setRating(n, true)}
              ><reel-icon name=${n <= d.rating ? 'star-filled' : 'star'}></reel-icon
            ></span>`,
          )}
          <span class="star-caption" aria-hidden="true">${d.rating ? labels[d.rating - 1] : ''}</span>
        </div>
        ${
          this.formErrors.rating
            ? html`<p class="field-error" id="rating-error">${this.formErrors.rating}</p>`
            : nothing
        }
      </div>
      <reel-text-field
        id="headline"
        label=${msg('Headline', { id: 'reviews.form.headline' })}
        .value=${d.headline}
        maxlength=${ReviewLimits.headlineMax}
        required
        .error=${this.formErrors.headline ?? ''}
        @reel-input=${(e: CustomEvent<{ value: string }>) => this.setDraft({ headline: e.detail.value })}
      ></reel-text-field>
      <reel-text-field
        id="body"
        multiline
        rows="6"
        label=${msg('Your review', { id: 'reviews.yours' })}
        .value=${d.body}
        maxlength=${ReviewLimits.bodyMax}
        required
        .error=${this.formErrors.body ?? ''}
        @reel-input=${(e: CustomEvent<{ value: string }>) => this.setDraft({ body: e.detail.value })}
      ></reel-text-field>
      <div class="form-row">
        <reel-checkbox
          id="spoilers"
          ?checked=${d.contains_spoilers}
          label=${msg('Contains spoilers', { id: 'reviews.form.spoilers' })}
          @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.setDraft({ contains_spoilers: e.detail.checked })}
        ></reel-checkbox>
        <reel-select
          id="language"
          label=${msg('Language', { id: 'reviews.form.language' })}
          .value=${d.language}
          .options=${this.languageOptions(d.language)}
          @reel-change=${(e: CustomEvent<{ value: string }>) => this.setDraft({ language: e.detail.value })}
        ></reel-select>
      </div>
      ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
      <div class="actions">
        <reel-button variant="ghost" data-action="cancel" @click=${this.cancelWriting}
          >${msg('Cancel', { id: 'reviews.cancel' })}</reel-button
        >
        <reel-button variant="primary" type="submit" data-action="save" ?loading=${this.saving} @click=${this.submit}
          >${own ? msg('Save changes', { id: 'reviews.form.save' }) : msg('Publish', { id: 'reviews.form.publish' })}</reel-button
        >
      </div>
    </form>`;
  }

  private languageOptions(current: string): SelectOption[] {
    const codes = WRITE_LANGUAGES.includes(current) ? WRITE_LANGUAGES : [current, ...WRITE_LANGUAGES];
    return codes.map((code) => ({ value: code, label: languageName(code) }));
  }

  private renderToolbar(summary: ReviewSummary | null): TemplateResult {
    const sorts: SelectOption[] = [
      { value: 'most_helpful', label: msg('Most helpful', { id: 'reviews.sort.helpful' }) },
      { value: 'newest', label: msg('Newest', { id: 'reviews.sort.newest' }) },
      { value: 'highest', label: msg('Highest rated', { id: 'reviews.sort.highest' }) },
      { value: 'lowest', label: msg('Lowest rated', { id: 'reviews.sort.lowest' }) },
    ];
    const languages = summary?.languages ?? [];
    return html`<div class="toolbar" role="group" aria-label=${msg('Sort and filter', { id: 'reviews.toolbar' })}>
      <reel-select
        class="sort"
        label=${msg('Sort by', { id: 'reviews.sort' })}
        .value=${this.sort}
        .options=${sorts}
        @reel-change=${(e: CustomEvent<{ value: string }>) => {
          this.sort = e.detail.value as ReviewSort;
        }}
      ></reel-select>
      ${
        languages.length > 1
          ? html`<reel-select
            class="language"
            label=${msg('Language', { id: 'reviews.form.language' })}
            .value=${this.language ?? ''}
            .options=${[
              { value: '', label: msg('All languages', { id: 'reviews.language.all' }) },
              ...languages.map((l) => ({
                value: l.language,
                label: `${languageName(l.language)} (${formatNumber(l.count)})`,
              })),
            ]}
            @reel-change=${(e: CustomEvent<{ value: string }>) => {
              this.language = e.detail.value || null;
            }}
          ></reel-select>`
          : nothing
      }
      <div class="checks">
        <reel-checkbox
          class="hide-spoilers"
          ?checked=${this.hideSpoilers}
          label=${msg('Hide spoilers', { id: 'reviews.filter.spoilers' })}
          @reel-change=${(e: CustomEvent<{ checked: boolean }>) => {
            this.hideSpoilers = e.detail.checked;
          }}
        ></reel-checkbox>
        <reel-checkbox
          class="watched-only"
          ?checked=${this.watchedOnly}
          label=${msg('Watched it', { id: 'reviews.filter.watched' })}
          @reel-change=${(e: CustomEvent<{ checked: boolean }>) => {
            this.watchedOnly = e.detail.checked;
          }}
        ></reel-checkbox>
      </div>
      ${
        this.rating
          ? html`<reel-button
            size="sm"
            variant="secondary"
            class="clear-rating"
            @click=${() => {
              this.rating = null;
            }}
            >${msg(str`${this.rating} stars only`, { id: 'reviews.filter.rating' })}<reel-icon
              slot="end"
              name="close"
              label=${msg('Clear', { id: 'reviews.filter.clear' })}
            ></reel-icon
          ></reel-button>`
          : nothing
      }
    </div>`;
  }

  private renderList(): TemplateResult {
    const { items, loading, error, next, total } = this.list;
    const filtered = this.rating || this.language || this.hideSpoilers || this.watchedOnly;
    if (error && !items.length) return renderErrorState({ error, onRetry: () => void this.loadList(true) });
    if (loading && !items.length)
      return html`<div class="list-loading" aria-busy="true">
        ${[0, 1, 2].map(() => html`<div class="skeleton review-skeleton"></div>`)}
      </div>`;
    if (!items.length)
      return renderEmptyState({
        heading: filtered
          ? msg('No reviews match these filters', { id: 'reviews.empty.filtered' })
          : msg('No reviews yet', { id: 'reviews.empty' }),
        text: filtered ? undefined : msg('Be the first to share what you thought.', { id: 'reviews.empty.text' }),
      });
    return html`<p class="list-count" aria-live="polite">
        ${plural(total, {
          one: msg('1 review', { id: 'reviews.count.one' }),
          other: msg(str`${formatNumber(total)} reviews`, { id: 'reviews.count.other' }),
        })}
      </p>
      <ul class="list" part="list">
        ${repeat(
          items,
          (r) => r.id,
          (r) => html`<li>${this.renderReview(r, false)}</li>`,
        )}
      </ul>
      ${error ? html`<p class="form-error" role="alert">${errorMessage(error)}</p>` : nothing}
      ${
        next
          ? html`<div class="more">
            <reel-button ?loading=${loading} data-action="more" @click=${() => void this.loadList(false)}
              >${msg('Show more reviews', { id: 'reviews.more' })}</reel-button
            >
          </div>`
          : nothing
      }`;
  }

  private renderReview(r: Review, own: boolean): TemplateResult {
    const hidden = r.contains_spoilers && !this.revealed.has(r.id) && !own;
    const date = formatDate(r.created_at, { dateStyle: 'medium' });
    const canVote = this.writable && r.can_vote;
    const headingId = `r-${r.id}${own ? '-own' : ''}`;
    return html`<article class="review" part="review" data-id=${r.id} aria-labelledby=${headingId}>
      <header class="review-head">
        <img class="avatar" src=${r.author.avatar_url} alt="" width="36" height="36" loading="lazy" />
        <div class="who">
          <span class="name">${r.author.name}</span>
          <span class="meta"
            >${date}${
              r.edited_at ? html` · <span class="edited">${msg('edited', { id: 'reviews.edited' })}</span>` : nothing
            }</span
          >
        </div>
        <div class="badges">
          ${
            r.watched
              ? html`<reel-badge variant="success" class="watched"
                ><reel-icon name="check"></reel-icon>${msg('Watched', { id: 'reviews.watched' })}</reel-badge
              >`
              : nothing
          }
          ${
            r.contains_spoilers
              ? html`<reel-badge variant="warning" class="spoiler-badge">${msg('Spoilers', { id: 'reviews.spoilers' })}</reel-badge>`
              : nothing
          }
        </div>
      </header>
      ${this.stars(r.rating)}
      <h3 class="headline" id=${headingId} dir="auto">${r.headline}</h3>
      ${
        hidden
          ? html`<div class="spoiler">
            <p class="body blurred" aria-hidden="true" .inert=${true} dir="auto">${r.body}</p>
            <reel-button
              size="sm"
              class="reveal"
              data-action="reveal"
              @click=${() => {
                this.revealed = new Set([...this.revealed, r.id]);
                void this.updateComplete.then(() => this.focusIn(`[data-id="${r.id}"] .body`));
              }}
              ><reel-icon slot="start" name="eye"></reel-icon>${msg('Show spoilers', { id: 'reviews.reveal' })}</reel-button
            >
          </div>`
          : html`<p class="body" tabindex="-1" dir="auto">${r.body}</p>`
      }
      <footer class="review-foot">
        ${canVote ? this.renderVotes(r) : this.renderCounts(r)}
        <span class="spacer"></span>
        ${
          canVote
            ? r.reported_by_me
              ? html`<span class="reported">${msg('Reported', { id: 'reviews.reported' })}</span>`
              : html`<reel-button size="sm" variant="ghost" data-action="report" @click=${() => this.openReport(r)}
                ><reel-icon slot="start" name="warning"></reel-icon>${msg('Report', { id: 'reviews.report' })}</reel-button
              >`
            : nothing
        }
        ${
          own && r.can_edit
            ? html`<reel-button size="sm" variant="secondary" data-action="edit" @click=${this.startWriting}
                ><reel-icon slot="start" name="edit"></reel-icon>${msg('Edit', { id: 'reviews.edit' })}</reel-button
              >
              <reel-button
                size="sm"
                variant="ghost"
                data-action="delete"
                ?loading=${this.deleting}
                @click=${() => void this.deleteOwn()}
                ><reel-icon slot="start" name="trash"></reel-icon>${msg('Delete', { id: 'reviews.delete' })}</reel-button
              >`
            : nothing
        }
      </footer>
    </article>`;
  }

  private renderCounts(r: Review): TemplateResult | typeof nothing {
    if (!r.helpful_count) return nothing;
    return html`<span class="helpful-count"
      >${plural(r.helpful_count, {
        one: msg('1 person found this helpful', { id: 'reviews.helpful.one' }),
        other: msg(str`${formatNumber(r.helpful_count)} people found this helpful`, { id: 'reviews.helpful.other' }),
      })}</span
    >`;
  }

  private renderVotes(r: Review): TemplateResult {
    return html`<div class="votes" role="group" aria-label=${msg('Was this helpful?', { id: 'reviews.helpful' })}>
      <span class="votes-label" aria-hidden="true">${msg('Helpful?', { id: 'reviews.helpful.short' })}</span>
      <button
        type="button"
        class="vote"
        data-vote="helpful"
        aria-pressed=${r.my_vote === 'helpful' ? 'true' : 'false'}
        @click=${() => void this.vote(r, 'helpful')}
      >
        <reel-icon name="thumbs-up"></reel-icon><span class="vh">${msg('Helpful', { id: 'reviews.vote.helpful' })}</span
        ><span class="n">${formatNumber(r.helpful_count)}</span>
      </button>
      <button
        type="button"
        class="vote"
        data-vote="not_helpful"
        aria-pressed=${r.my_vote === 'not_helpful' ? 'true' : 'false'}
        @click=${() => void this.vote(r, 'not_helpful')}
      >
        <reel-icon name="thumbs-down"></reel-icon><span class="vh"
          >${msg('Not helpful', { id: 'reviews.vote.not-helpful' })}</span
        ><span class="n">${formatNumber(r.not_helpful_count)}</span>
      </button>
    </div>`;
  }

  private renderReportForm(): TemplateResult {
    const reasons: SelectOption[] = [
      { value: 'spam', label: msg('Spam or advertising', { id: 'reviews.reason.spam' }) },
      { value: 'abuse', label: msg('Abusive or hateful', { id: 'reviews.reason.abuse' }) },
      { value: 'spoiler', label: msg('Spoilers not marked', { id: 'reviews.reason.spoiler' }) },
      { value: 'off_topic', label: msg('Not about this title', { id: 'reviews.reason.off-topic' }) },
      { value: 'other', label: msg('Something else', { id: 'reviews.reason.other' }) },
    ];
    return html`<reel-dialog
      class="report"
      size="sm"
      label=${msg('Report this review', { id: 'reviews.report.heading' })}
      @reel-dialog-close=${() => {
        const id = this.reportFor?.id;
        this.reportFor = null;
        if (id)
          void this.updateComplete.then(() =>
            this.focusIn(`[data-id="${id}"] [data-action="report"], [data-id="${id}"] .reported`),
          );
      }}
    >
      <form id="report-form" class="report-form" novalidate @submit=${this.sendReport}>
        <reel-select
          id="reason"
          label=${msg('Reason', { id: 'reviews.report.reason' })}
          .value=${this.reportReason}
          .options=${reasons}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.reportReason = e.detail.value as ReviewReportReason;
          }}
        ></reel-select>
        <reel-text-field
          id="report-text"
          multiline
          rows="3"
          label=${msg('Details', { id: 'reviews.report.details' })}
          help-text=${
            this.reportReason === 'other'
              ? msg('Required for "Something else".', { id: 'reviews.report.required' })
              : msg('Optional.', { id: 'reviews.report.optional' })
          }
          maxlength=${ReviewLimits.reportTextMax}
          .value=${this.reportText}
          .error=${this.reportProblem}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.reportText = e.detail.value;
            this.reportProblem = '';
          }}
        ></reel-text-field>
      </form>
      <reel-button slot="footer" variant="ghost" @click=${() => this.reportDialog?.close('cancel')}
        >${msg('Cancel', { id: 'reviews.cancel' })}</reel-button
      >
      <reel-button slot="footer" variant="danger" data-action="send-report" ?loading=${this.reporting} @click=${this.sendReport}
        >${msg('Send report', { id: 'reviews.report.send' })}</reel-button
      >
    </reel-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-reviews': ReelReviews;
  }
}
