import { msg, str } from '@lit/localize';
import { type AdminReviewCase, adminReviewsReports, adminReviewsResolve } from '@reel/contracts';
import { defineElement, formatRelativeTime } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';
import { panelStyles } from '../styles.js';
import { opsStyles } from './ops-common.js';

type Action = 'keep' | 'hide' | 'delete';
type Sort = 'most_reported' | 'oldest' | 'newest';

const actionLabel = (a: Action) =>
  ({
    keep: msg('Keep', { id: 'admin.reviews.keep' }),
    hide: msg('Hide', { id: 'admin.reviews.hide' }),
    delete: msg('Delete', { id: 'admin.reviews.delete' }),
  })[a];

const actionHelp = (a: Action) =>
  ({
    keep: msg('The review stays visible (and is shown again if it was hidden); the reports are closed.', {
      id: 'admin.reviews.keep.help',
    }),
    hide: msg('The review is hidden from everyone but its author.', { id: 'admin.reviews.hide.help' }),
    delete: msg('The review is deleted for good.', { id: 'admin.reviews.delete.help' }),
  })[a];

const reasonLabel = (r: string) =>
  ({
    spam: msg('Spam', { id: 'admin.reviews.reason.spam' }),
    abuse: msg('Abuse', { id: 'admin.reviews.reason.abuse' }),
    spoiler: msg('Spoiler', { id: 'admin.reviews.reason.spoiler' }),
    off_topic: msg('Off topic', { id: 'admin.reviews.reason.off-topic' }),
    other: msg('Other', { id: 'admin.sessions.reason.other' }),
  })[r] ?? r;

/**
 * Review moderation: the queue of reported reviews, each with its reports; keep, hide or delete it
 * with a note (kept in the audit log).
 *
 * @summary Admin review moderation.
 */
export class ReelAdminReviews extends AdminPanel {
  static override styles = [
    panelStyles,
    opsStyles,
    css`
      .cases {
        display: grid;
        gap: var(--reel-space-4);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .case-head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--reel-space-2);
        align-items: baseline;
        justify-content: space-between;
      }
      .case h2 {
        margin: 0;
      }
      .review-body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: var(--reel-space-2) 0;
        padding: var(--reel-space-3);
        background: var(--reel-color-surface-sunken);
        border-radius: var(--reel-radius-md);
      }
      .headline {
        font-weight: var(--reel-font-weight-semibold);
        overflow-wrap: anywhere;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--reel-space-2);
        margin-block: var(--reel-space-2);
      }
      .reports {
        margin: var(--reel-space-2) 0;
        padding-inline-start: var(--reel-space-5);
        font-size: var(--reel-font-size-sm);
      }
      .reports li {
        overflow-wrap: anywhere;
      }
      .resolution {
        font-size: var(--reel-font-size-sm);
        overflow-wrap: anywhere;
      }
      .dialog-form {
        display: grid;
        gap: var(--reel-space-4);
      }
    `,
  ];

  @state() private status: 'open' | 'resolved' = 'open';
  @state() private sort: Sort = 'most_reported';
  @state() private cases: AdminReviewCase[] = [];
  @state() private next: string | null = null;
  @state() private loaded = false;
  @state() private problem = '';
  @state() private target: { item: AdminReviewCase; action: Action } | null = null;
  @state() private note = '';
  @state() private noteError = '';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(more = false): Promise<void> {
    this.problem = '';
    try {
      const res = await this.client.call(adminReviewsReports, {
        query: { status: this.status, sort: this.sort, limit: 20, ...(more && this.next ? { cursor: this.next } : {}) },
      });
      this.cases = more ? [...this.cases, ...res.items] : res.items;
      this.next = res.next_cursor;
    } catch (error) {
      this.problem = problemOf(error).message;
    } finally {
      this.loaded = true;
    }
  }

  private ask(item: AdminReviewCase, action: Action): void {
    this.target = { item, action };
    this.noteError = '';
  }

  private async resolve(): Promise<void> {
    const t = this.target;
    if (!t || this.busy) return;
    const note = this.note.trim();
    if (!note) {
      this.noteError = msg('Write a short note: it is kept with the decision', { id: 'admin.reviews.note-required' });
      return;
    }
    this.busy = true;
    try {
      const updated = await this.client.call(adminReviewsResolve, {
        params: { id: t.item.id },
        body: { action: t.action, note },
      });
      this.cases =
        this.status === 'open'
          ? this.cases.filter((c) => c.id !== updated.id)
          : this.cases.map((c) => (c.id === updated.id ? updated : c));
      this.target = null;
      this.note = '';
      this.notify(msg(str`${actionLabel(t.action)}: “${t.item.review.headline}”`, { id: 'admin.reviews.done' }));
    } catch (error) {
      const p = problemOf(error);
      this.noteError = p.fields.note ?? p.message;
      if ((error as { status?: number }).status === 409) void this.load();
    } finally {
      this.busy = false;
    }
  }

  private renderCase(c: AdminReviewCase) {
    const r = c.review;
    return html`<li class="card case" data-id=${c.id}>
      <div class="case-head">
        <h2>${r.title.name}</h2>
        <span class="muted">${msg(str`${c.report_count} reports · last ${formatRelativeTime(c.last_reported_at)}`, { id: 'admin.reviews.count' })}</span>
      </div>
      <p class="muted">${msg(str`${r.author.profile_name} · ${r.rating} of 5 stars · written ${formatRelativeTime(r.created_at)}`, { id: 'admin.reviews.by' })}
        ${r.hidden ? html`<reel-badge variant="warning">${msg('Hidden', { id: 'admin.reviews.hidden' })}</reel-badge>` : nothing}
        ${r.spoiler ? html`<reel-badge variant="info">${msg('Spoiler', { id: 'admin.reviews.reason.spoiler' })}</reel-badge>` : nothing}</p>
      <div class="review-body"><div class="headline">${r.headline}</div>${r.body}</div>
      <div class="chips">${c.reasons.map((x) => html`<reel-badge variant="outline">${reasonLabel(x.reason)} × ${x.count}</reel-badge>`)}</div>
      <ul class="reports">${c.reports.map(
        (x) =>
          html`<li><strong>${reasonLabel(x.reason)}</strong> — ${x.reporter.email}, ${formatRelativeTime(x.created_at)}${x.text ? html`: <q>${x.text}</q>` : nothing}</li>`,
      )}</ul>
      ${
        c.resolution
          ? html`<p class="resolution">${msg(str`${actionLabel(c.resolution.action)} by ${c.resolution.by.display_name}, ${formatRelativeTime(c.resolution.at)}:`, { id: 'admin.reviews.resolved-by' })} <q>${c.resolution.note}</q></p>`
          : html`<div class="actions">
              ${(['keep', 'hide', 'delete'] as const).map(
                (a) =>
                  html`<reel-button size="sm" data-action=${a} variant=${a === 'delete' ? 'danger' : a === 'hide' ? 'secondary' : 'outline'} @click=${() => this.ask(c, a)}>${actionLabel(a)}<span class="sr-only"> “${r.headline}”</span></reel-button>`,
              )}
            </div>`
      }
    </li>`;
  }

  private renderDialog() {
    const t = this.target;
    return html`<reel-dialog size="sm" .open=${!!t} label=${t ? msg(str`${actionLabel(t.action)} this review?`, { id: 'admin.reviews.confirm' }) : ''}
      @reel-dialog-close=${() => {
        this.target = null;
      }}>
      ${
        t
          ? html`<form class="dialog-form" novalidate @submit=${(e: Event) => {
              e.preventDefault();
              void this.resolve();
            }}>
            <p>${actionHelp(t.action)}</p>
            <reel-text-field name="note" multiline rows="3" required maxlength="1000" label=${msg('Note', { id: 'admin.reviews.note' })}
              help-text=${msg('Why: kept in the audit log with the decision', { id: 'admin.reviews.note.help' })}
              error=${this.noteError} .value=${this.note}
              @reel-input=${(e: CustomEvent<{ value: string }>) => {
                this.note = e.detail.value;
              }}></reel-text-field>
          </form>`
          : nothing
      }
      <reel-button slot="footer" @click=${() => {
        this.target = null;
      }}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>
      <reel-button slot="footer" class="confirm" variant=${t?.action === 'delete' ? 'danger' : 'primary'} ?loading=${this.busy} @click=${() => void this.resolve()}>${t ? actionLabel(t.action) : ''}</reel-button>
    </reel-dialog>`;
  }

  protected override render() {
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Review moderation', { id: 'admin.group.reviews' })}</h1>
          <p class="lede">${msg('Reviews viewers reported, with every report. Keep, hide or delete each, with a note.', { id: 'admin.reviews.lede' })}</p>
        </div>
      </header>
      <div class="toolbar">
        <reel-select name="status" label=${msg('Cases', { id: 'admin.reviews.cases' })} .value=${this.status}
          .options=${[
            { value: 'open', label: msg('Open', { id: 'admin.reviews.open' }) },
            { value: 'resolved', label: msg('Resolved', { id: 'admin.reviews.resolved' }) },
          ]}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.status = e.detail.value as 'open' | 'resolved';
            void this.load();
          }}></reel-select>
        <reel-select name="sort" label=${msg('Order', { id: 'admin.reviews.sort' })} .value=${this.sort}
          .options=${[
            { value: 'most_reported', label: msg('Most reported', { id: 'admin.reviews.sort.most' }) },
            { value: 'oldest', label: msg('Oldest first', { id: 'admin.reviews.sort.oldest' }) },
            { value: 'newest', label: msg('Newest first', { id: 'admin.reviews.sort.newest' }) },
          ]}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.sort = e.detail.value as Sort;
            void this.load();
          }}></reel-select>
      </div>
      <p class="error-text" role="alert">${this.problem}</p>
      ${
        !this.loaded
          ? html`<reel-skeleton></reel-skeleton>`
          : this.cases.length
            ? html`<ul class="cases">${this.cases.map((c) => this.renderCase(c))}</ul>
              ${this.next ? html`<p><reel-button variant="secondary" @click=${() => void this.load(true)}>${msg('Show more', { id: 'admin.reviews.more' })}</reel-button></p>` : nothing}`
            : html`<div class="card"><p class="muted">${
                this.status === 'open'
                  ? msg('No open reports: nothing to moderate.', { id: 'admin.reviews.empty' })
                  : msg('No resolved cases yet.', { id: 'admin.reviews.empty-resolved' })
              }</p></div>`
      }
      ${this.renderDialog()}`;
  }
}

defineElement('reel-admin-reviews', ReelAdminReviews);
