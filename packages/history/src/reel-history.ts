import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import {
  type HistoryActivityItem,
  type HistoryEntry,
  type HistoryStats,
  historyActivity,
  historyExport,
  historyHide,
  historyRestore,
  historyStats,
  historyStreams,
  type TitleType,
} from '@reel/contracts';
import {
  emit,
  errorMessage,
  formatDate,
  formatDuration,
  formatNumber,
  formatRelativeTime,
  plural,
  ReelElement,
  SessionConsumer,
  styleProps,
} from '@reel/core';
import { icon, mediaUrl, titleHref, watchHref } from '@reel/title-card';
import { announce, type SelectOption, toast } from '@reel/ui';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ring, shareBar, weekBars } from './charts.js';
import { type DayGroup, groupByDay, localDayKey, RANGE_CHOICES, type RangeChoice, rangeStart } from './grouping.js';
import { styles } from './reel-history.styles.js';

type TypeChoice = 'all' | TitleType;
type Period = HistoryStats['period'];
const PAGE = 30;

const typeLabel = (t: TypeChoice): string => {
  switch (t) {
    case 'film':
      return msg('Films', { id: 'history.filter.films' });
    case 'series':
      return msg('Series', { id: 'history.filter.series' });
    case 'anime':
      return msg('Anime', { id: 'history.filter.anime' });
    default:
      return msg('Films and series', { id: 'history.filter.all-types' });
  }
};

const rangeLabel = (r: RangeChoice): string => {
  switch (r) {
    case '7d':
      return msg('Last 7 days', { id: 'history.range.7d' });
    case '30d':
      return msg('Last 30 days', { id: 'history.range.30d' });
    case '90d':
      return msg('Last 3 months', { id: 'history.range.90d' });
    case '365d':
      return msg('Last 12 months', { id: 'history.range.365d' });
    default:
      return msg('Any time', { id: 'history.range.all' });
  }
};

const periodLabel = (p: Period): string => {
  switch (p) {
    case '4w':
      return msg('4 weeks', { id: 'history.period.4w' });
    case '52w':
      return msg('12 months', { id: 'history.period.52w' });
    case 'all':
      return msg('All time', { id: 'history.period.all' });
    default:
      return msg('12 weeks', { id: 'history.period.12w' });
  }
};

/** "S1 E2 · Name" */
const episodeLabel = (e: NonNullable<HistoryEntry['episode']>): string =>
  msg(str`S${e.season_number} E${e.number} · ${e.name}`, { id: 'history.episode' });

/**
 * The viewing history page (route `/history`): what the active profile watched, grouped by day,
 * each with its artwork, episode, progress and time watched; filters (films or series, a date
 * range); an activity feed; stats with charts (time per week, top genres, completion); export as
 * JSON or CSV; and removing an entry, with undo. Profile-scoped: it follows the provider's active
 * profile and shows a sign-in prompt without one.
 *
 * @summary The viewing history page with activity, stats and export.
 * @tagname reel-history
 * @fires reel-history-hide - An entry was removed from history; `detail: { entryId, titleId }`.
 * @fires reel-history-restore - A removed entry came back (undo); `detail: { entryId, titleId }`.
 * @fires reel-history-export - A file was exported; `detail: { format, filename }`.
 * @csspart header - The page header with the title and the export menu.
 * @csspart filters - The filter bar.
 * @csspart stats - The stats cards.
 * @csspart day - Each day of the list.
 * @csspart entry - Each watched title or episode.
 * @csspart activity - The activity feed.
 * @cssproperty --reel-history-max-width - Widest the page grows (default 90rem).
 */
export class ReelHistory extends ReelElement {
  static version = '0.1.0';
  static override styles = styles;

  /** Only films, series or anime (`all` by default); reflects the filter. */
  @property({ reflect: true }) type: TypeChoice = 'all';

  /** The date range: `all`, `7d`, `30d`, `90d` or `365d`; reflects the filter. */
  @property({ reflect: true }) range: RangeChoice = 'all';

  /** The stats period: `4w`, `12w` (default), `52w` or `all`. */
  @property({ reflect: true }) period: Period = '12w';

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** Entries of later pages ("Show more"). */
  @state() private more: HistoryEntry[] = [];
  @state() private moreCursor: string | null | undefined = undefined;
  @state() private loadingMore = false;
  /** Entries removed here (hidden at once; back on undo or failure). */
  @state() private removed = new Set<string>();
  @state() private exporting = false;

  private readonly api = new SessionConsumer(this);

  private readonly streams = new Task(this, {
    task: async ([client, profileId, type, range], { signal }) => {
      if (!profileId) return null;
      const from = rangeStart(range);
      return client.call(historyStreams, {
        params: { profile_id: profileId },
        query: { limit: PAGE, ...(type !== 'all' ? { type } : {}), ...(from ? { from } : {}) },
        signal,
      });
    },
    args: () => [this.api.client, this.api.profileId, this.type, this.range] as const,
  });

  private readonly stats = new Task(this, {
    task: async ([client, profileId, period], { signal }) => {
      if (!profileId) return null;
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return client.call(historyStats, {
        params: { profile_id: profileId },
        query: { period, ...(tz && /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(tz) ? { tz } : {}) },
        signal,
      });
    },
    args: () => [this.api.client, this.api.profileId, this.period] as const,
  });

  private readonly activity = new Task(this, {
    task: async ([client, profileId, range], { signal }) => {
      if (!profileId) return null;
      const from = rangeStart(range);
      return client.call(historyActivity, {
        params: { profile_id: profileId },
        query: { limit: 12, ...(from ? { from } : {}) },
        signal,
      });
    },
    args: () => [this.api.client, this.api.profileId, this.range] as const,
  });

  private get mediaBase(): string | null {
    return this.apiBase ?? this.api.session?.apiBase ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('type') || changed.has('range')) {
      this.more = [];
      this.moreCursor = undefined;
    }
  }

  // Rendering -------------------------------------------------------------------------------------

  protected override render() {
    const session = this.api.session;
    if (session && session.status !== 'loading' && !this.api.profileId) {
      return html`<div class="page">
        ${this.renderEmpty({
          heading: msg('Sign in to see your viewing history', { id: 'history.signed-out' }),
          actions: html`<reel-button href="/sign-in" variant="primary"
            >${msg('Sign in', { id: 'history.sign-in' })}</reel-button
          >`,
        })}
      </div>`;
    }
    return html`<div class="page">
      <header class="header" part="header">
        <div>
          <p class="eyebrow">${msg('Your profile', { id: 'history.eyebrow' })}</p>
          <h1>${msg('Viewing history', { id: 'history.heading' })}</h1>
        </div>
        <reel-menu
          class="export"
          label=${msg('Export', { id: 'history.export' })}
          placement="end"
          ?disabled=${this.exporting || !this.api.profileId}
          @reel-select=${(e: CustomEvent<{ value: string }>) => this.export(e.detail.value as 'json' | 'csv')}
        >
          <span slot="trigger" class="export__trigger"
            >${icon('download')}<span>${msg('Export', { id: 'history.export' })}</span>${icon('chevron-down', 'icon icon--sm')}</span
          >
          <reel-menu-item value="json">${msg('Export as JSON', { id: 'history.export.json' })}</reel-menu-item>
          <reel-menu-item value="csv">${msg('Export as CSV (spreadsheet)', { id: 'history.export.csv' })}</reel-menu-item>
        </reel-menu>
      </header>
      <div class="filters" part="filters" role="group" aria-label=${msg('Filters', { id: 'history.filters' })}>
        <reel-select
          label=${msg('Show', { id: 'history.filter.label' })}
          .options=${(['all', 'film', 'series', 'anime'] as TypeChoice[]).map(
            (t): SelectOption => ({ value: t, label: typeLabel(t) }),
          )}
          .value=${this.type}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.type = e.detail.value as TypeChoice;
          }}
        ></reel-select>
        <reel-select
          label=${msg('When', { id: 'history.range.label' })}
          .options=${RANGE_CHOICES.map((r): SelectOption => ({ value: r, label: rangeLabel(r) }))}
          .value=${this.range}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.range = e.detail.value as RangeChoice;
          }}
        ></reel-select>
      </div>
      <div class="columns">
        <section class="days" aria-labelledby="days-heading">
          <h2 id="days-heading" class="visually-hidden" tabindex="-1">
            ${msg('Watched', { id: 'history.days.heading' })}
          </h2>
          ${this.renderTask(this.streams, {
            pending: () => this.renderDaysSkeleton(),
            isEmpty: (page) => !page || page.items.length === 0,
            empty: () =>
              this.renderEmpty({
                heading:
                  this.type === 'all' && this.range === 'all'
                    ? msg('Nothing watched yet', { id: 'history.empty' })
                    : msg('Nothing watched that matches these filters', { id: 'history.empty.filtered' }),
                text:
                  this.type === 'all' && this.range === 'all'
                    ? msg('What you watch shows up here, day by day.', { id: 'history.empty.hint' })
                    : '',
                actions:
                  this.type === 'all' && this.range === 'all'
                    ? html`<reel-button href="/" variant="primary"
                        >${msg('Find something to watch', { id: 'history.browse' })}</reel-button
                      >`
                    : html`<reel-button @click=${this.clearFilters}
                        >${msg('Clear filters', { id: 'history.clear-filters' })}</reel-button
                      >`,
              }),
            complete: (page) => this.renderDays([...(page?.items ?? []), ...this.more], page?.next_cursor ?? null),
          })}
        </section>
        <div class="side">${this.renderStats()} ${this.renderActivity()}</div>
      </div>
    </div>`;
  }

  private renderDays(all: HistoryEntry[], firstCursor: string | null) {
    const visible = all.filter((e) => !this.removed.has(e.id));
    const cursor = this.moreCursor === undefined ? firstCursor : this.moreCursor;
    if (!visible.length && !cursor) {
      return this.renderEmpty({ heading: msg('Nothing watched yet', { id: 'history.empty' }) });
    }
    return html`${repeat(
      groupByDay(visible),
      (g) => g.key,
      (g) => this.renderDay(g),
    )}
      ${
        cursor
          ? html`<div class="more">
              <reel-button ?loading=${this.loadingMore} @click=${() => this.loadMore(cursor)}
                >${msg('Show more', { id: 'history.more' })}</reel-button
              >
            </div>`
          : nothing
      }`;
  }

  private dayHeading(group: DayGroup): string {
    const today = localDayKey(new Date());
    const yesterday = localDayKey(new Date(Date.now() - 86_400_000));
    if (group.key === today) return msg('Today', { id: 'history.today' });
    if (group.key === yesterday) return msg('Yesterday', { id: 'history.yesterday' });
    const sameYear = group.date.getFullYear() === new Date().getFullYear();
    return formatDate(group.date, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...(sameYear ? {} : { year: 'numeric' }),
    });
  }

  private renderDay(group: DayGroup) {
    const id = `day-${group.key}`;
    return html`<section class="day" part="day" aria-labelledby=${id}>
      <header class="day__header">
        <h3 id=${id}>${this.dayHeading(group)}</h3>
        <span class="day__total">${formatDuration(group.watchedSeconds)}</span>
      </header>
      <ul class="entries" role="list">
        ${repeat(
          group.entries,
          (e) => e.id,
          (e) => this.renderEntry(e),
        )}
      </ul>
    </section>`;
  }

  private renderEntry(entry: HistoryEntry) {
    const t = entry.title;
    const art = entry.episode?.still ?? t.artwork.backdrop;
    const percent = Math.round(entry.fraction * 100);
    const left = Math.max(0, entry.duration - entry.position);
    const status = entry.completed
      ? msg('Finished', { id: 'history.finished' })
      : msg(str`${formatDuration(left)} left`, { id: 'history.left' });
    const href = entry.completed
      ? titleHref(t.id)
      : watchHref(t.id, entry.episode ? { episode: entry.episode.id } : undefined);
    const name = entry.episode ? `${t.name}, ${episodeLabel(entry.episode)}` : t.name;
    return html`<li class=${entry.completed ? 'entry entry--done' : 'entry'} part="entry" data-entry=${entry.id}>
      <a class="entry__art" href=${href} tabindex="-1" aria-hidden="true" ${styleProps({ '--_color': t.artwork.color })}>
        <img src=${mediaUrl(art, this.mediaBase)} alt="" loading="lazy" decoding="async" width="320" height="180" />
        ${entry.completed ? nothing : html`<span class="entry__play">${icon('play')}</span>`}
      </a>
      <div class="entry__body">
        <a class="entry__title" href=${titleHref(t.id)}>${t.name}</a>
        ${entry.episode ? html`<p class="entry__episode">${episodeLabel(entry.episode)}</p>` : nothing}
        <div class="entry__progress">
          <reel-progress-bar
            size="sm"
            .value=${percent}
            max="100"
            label=${msg(str`Progress of ${name}`, { id: 'history.progress' })}
            value-text=${entry.completed ? status : msg(str`${percent}% watched`, { id: 'history.percent' })}
          ></reel-progress-bar>
          <span class=${entry.completed ? 'entry__status entry__status--done' : 'entry__status'}
            >${entry.completed ? icon('check', 'icon icon--sm') : nothing}${status}</span
          >
        </div>
        <p class="entry__meta">
          <span>${formatDate(entry.watched_at, { hour: 'numeric', minute: '2-digit' })}</span>
          <span
            >${msg(str`Watched ${formatDuration(entry.watched_seconds)}`, { id: 'history.watched-for' })}</span
          >
          <span class="entry__device">${entry.device.name}</span>
        </p>
      </div>
      <reel-icon-button
        class="entry__remove"
        name="trash"
        variant="ghost"
        label=${msg(str`Remove ${name} from history`, { id: 'history.remove' })}
        @click=${() => this.removeEntry(entry)}
      ></reel-icon-button>
    </li>`;
  }

  private renderDaysSkeleton() {
    return html`<div class="skeleton" part="loading" aria-busy="true" aria-label=${msg('Loading', { id: 'history.loading' })}>
      ${[0, 1, 2, 3].map(
        () => html`<div class="skeleton__row">
          <span class="skeleton__art"></span>
          <span class="skeleton__lines"><span></span><span></span><span></span></span>
        </div>`,
      )}
    </div>`;
  }

  private renderStats() {
    return html`<section class="stats" part="stats" aria-labelledby="stats-heading">
      <header class="stats__header">
        <h2 id="stats-heading">${msg('Your stats', { id: 'history.stats.heading' })}</h2>
        <div class="periods" role="group" aria-label=${msg('Stats period', { id: 'history.stats.period' })}>
          ${(['4w', '12w', '52w'] as Period[]).map(
            (p) => html`<button
              type="button"
              class="period"
              aria-pressed=${this.period === p ? 'true' : 'false'}
              @click=${() => {
                this.period = p;
              }}
            >
              ${periodLabel(p)}
            </button>`,
          )}
        </div>
      </header>
      ${this.renderTask(this.stats, {
        pending: () => html`<div class="stats__grid">
          ${[0, 1, 2].map(() => html`<div class="card card--skeleton" aria-hidden="true"></div>`)}
        </div>`,
        isEmpty: (s) => !s,
        empty: () => nothing,
        complete: (s) => (s ? this.renderStatCards(s) : nothing),
      })}
    </section>`;
  }

  private renderStatCards(s: HistoryStats) {
    const weeks = s.per_week.map((w, i) => ({
      label: formatDate(`${w.week_start}T12:00:00`, { day: 'numeric', month: 'short' }),
      seconds: w.seconds,
      current: i === s.per_week.length - 1,
      text: msg(
        str`Week of ${formatDate(`${w.week_start}T12:00:00`, { day: 'numeric', month: 'short' })}: ${formatDuration(w.seconds)}`,
        {
          id: 'history.stats.week',
        },
      ),
    }));
    const first = weeks[0];
    const completion = formatNumber(s.completion_rate, { style: 'percent' });
    return html`<div class="stats__grid">
      <article class="card card--weeks">
        <h3>${msg('Time watched', { id: 'history.stats.time' })}</h3>
        <p class="figure">${formatDuration(s.totals.seconds_watched)}</p>
        <p class="sub">
          ${plural(s.totals.titles, {
            one: msg(str`${s.totals.titles} title`, { id: 'history.stats.titles.one' }),
            other: msg(str`${formatNumber(s.totals.titles)} titles`, { id: 'history.stats.titles.other' }),
          })}
          ·
          ${plural(s.totals.active_days, {
            one: msg(str`${s.totals.active_days} day`, { id: 'history.stats.days.one' }),
            other: msg(str`${formatNumber(s.totals.active_days)} days`, { id: 'history.stats.days.other' }),
          })}
        </p>
        <figure class="weeks">
          ${weekBars(weeks)}
          <figcaption class="weeks__axis" aria-hidden="true">
            <span>${first?.label ?? ''}</span><span>${msg('This week', { id: 'history.stats.this-week' })}</span>
          </figcaption>
          <table class="visually-hidden">
            <caption>${msg('Time watched per week', { id: 'history.stats.per-week' })}</caption>
            <tbody>
              ${weeks.map((w) => html`<tr><th scope="row">${w.label}</th><td>${formatDuration(w.seconds)}</td></tr>`)}
            </tbody>
          </table>
        </figure>
      </article>
      <article class="card card--genres">
        <h3>${msg('Top genres', { id: 'history.stats.genres' })}</h3>
        ${
          s.top_genres.length
            ? html`<ol class="genres" role="list">
                ${s.top_genres.map(
                  (g, i) => html`<li>
                    <span class="genres__name">${g.genre.name}</span>
                    <span class="genres__share">${formatNumber(g.share, { style: 'percent' })}</span>
                    ${shareBar(g.share, i)}
                  </li>`,
                )}
              </ol>`
            : html`<p class="sub">${msg('Watch something to see your genres.', { id: 'history.stats.genres.none' })}</p>`
        }
      </article>
      <article class="card card--completion">
        <h3>${msg('Completion', { id: 'history.stats.completion' })}</h3>
        <div class="completion">
          <div class="completion__ring">
            ${ring(s.completion_rate)}
            <span class="completion__value">${completion}</span>
          </div>
          <p class="sub">
            ${msg(str`${completion} of what you started, you finished.`, { id: 'history.stats.completion.text' })}
          </p>
        </div>
        <dl class="facts">
          <div>
            <dt>${msg('Films', { id: 'history.filter.films' })}</dt>
            <dd>${formatNumber(s.totals.films)}</dd>
          </div>
          <div>
            <dt>${msg('Episodes', { id: 'history.stats.episodes' })}</dt>
            <dd>${formatNumber(s.totals.episodes)}</dd>
          </div>
          <div>
            <dt>${msg('Streak', { id: 'history.stats.streak' })}</dt>
            <dd>
              ${plural(s.current_streak_days, {
                one: msg(str`${s.current_streak_days} day`, { id: 'history.stats.days.one' }),
                other: msg(str`${formatNumber(s.current_streak_days)} days`, { id: 'history.stats.days.other' }),
              })}
            </dd>
          </div>
        </dl>
      </article>
    </div>`;
  }

  private activityText(a: HistoryActivityItem): string {
    const name = a.episode ? `${a.title.name} · ${episodeLabel(a.episode)}` : a.title.name;
    switch (a.kind) {
      case 'started':
        return msg(str`Started ${name}`, { id: 'history.activity.started' });
      case 'completed':
        return msg(str`Finished ${name}`, { id: 'history.activity.completed' });
      case 'added_to_watchlist':
        return msg(str`Added ${name} to My List`, { id: 'history.activity.added' });
      case 'removed_from_watchlist':
        return msg(str`Removed ${name} from My List`, { id: 'history.activity.removed' });
      case 'rated':
        return msg(str`Rated ${name}`, { id: 'history.activity.rated' });
      case 'reviewed':
        return msg(str`Reviewed ${name}`, { id: 'history.activity.reviewed' });
      default:
        return msg(str`Downloaded ${name}`, { id: 'history.activity.downloaded' });
    }
  }

  private renderActivity() {
    const iconFor: Record<HistoryActivityItem['kind'], string> = {
      started: 'play',
      completed: 'check',
      added_to_watchlist: 'plus',
      removed_from_watchlist: 'minus',
      rated: 'star',
      reviewed: 'edit',
      downloaded: 'download',
    };
    return html`<aside class="activity" part="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">${msg('Activity', { id: 'history.activity.heading' })}</h2>
      ${this.renderTask(this.activity, {
        pending: () =>
          html`<div class="activity__skeleton" aria-hidden="true"><span></span><span></span><span></span></div>`,
        isEmpty: (page) => !page || page.items.length === 0,
        empty: () => html`<p class="sub">${msg('No activity yet.', { id: 'history.activity.empty' })}</p>`,
        complete: (page) => html`<ol class="feed" role="list">
          ${(page?.items ?? []).map(
            (a) => html`<li class="feed__item feed__item--${a.kind}">
              <span class="feed__icon">${icon(iconFor[a.kind])}</span>
              <span class="feed__text">
                <a href=${titleHref(a.title.id)}>${this.activityText(a)}</a>
                <time datetime=${a.occurred_at}>${formatRelativeTime(a.occurred_at)}</time>
              </span>
            </li>`,
          )}
        </ol>`,
      })}
    </aside>`;
  }

  // Actions ---------------------------------------------------------------------------------------

  private clearFilters = () => {
    this.type = 'all';
    this.range = 'all';
  };

  private async loadMore(cursor: string) {
    const profileId = this.api.profileId;
    if (!profileId || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const from = rangeStart(this.range);
      const page = await this.api.client.call(historyStreams, {
        params: { profile_id: profileId },
        query: {
          limit: PAGE,
          cursor,
          ...(this.type !== 'all' ? { type: this.type } : {}),
          ...(from ? { from } : {}),
        },
      });
      this.more = [...this.more, ...page.items];
      this.moreCursor = page.next_cursor;
    } catch (error) {
      toast({ message: errorMessage(error), variant: 'error' });
    } finally {
      this.loadingMore = false;
    }
  }

  /** Where focus goes when an entry leaves: the next entry's remove button, else the previous, else the list. */
  private focusAfterRemoval(entryId: string) {
    const rows = [...(this.renderRoot.querySelectorAll<HTMLElement>('.entry') ?? [])];
    const index = rows.findIndex((r) => r.dataset.entry === entryId);
    const next = rows[index + 1] ?? rows[index - 1];
    const target = next?.querySelector<HTMLElement>('.entry__remove');
    return () => {
      if (target?.isConnected) target.focus();
      else this.renderRoot.querySelector<HTMLElement>('#days-heading')?.focus();
    };
  }

  private async removeEntry(entry: HistoryEntry) {
    const profileId = this.api.profileId;
    if (!profileId) return;
    const refocus = this.focusAfterRemoval(entry.id);
    this.removed = new Set([...this.removed, entry.id]);
    await this.updateComplete;
    refocus();
    try {
      await this.api.client.call(historyHide, { params: { profile_id: profileId, entry_id: entry.id } });
    } catch (error) {
      this.unremove(entry.id);
      toast({
        message: msg(str`Couldn’t remove ${entry.title.name}: ${errorMessage(error)}`, { id: 'history.remove.failed' }),
        variant: 'error',
      });
      return;
    }
    emit(this, 'reel-history-hide', { entryId: entry.id, titleId: entry.title.id });
    void this.stats.run();
    void this.activity.run();
    toast({
      message: msg(str`Removed ${entry.title.name} from your history`, { id: 'history.removed' }),
      actionLabel: msg('Undo', { id: 'history.undo' }),
      onAction: () => void this.restore(entry, profileId),
    });
  }

  private async restore(entry: HistoryEntry, profileId: string) {
    try {
      await this.api.client.call(historyRestore, { params: { profile_id: profileId, entry_id: entry.id } });
      this.unremove(entry.id);
      emit(this, 'reel-history-restore', { entryId: entry.id, titleId: entry.title.id });
      announce(msg(str`${entry.title.name} is back in your history`, { id: 'history.restored' }));
      void this.stats.run();
      void this.activity.run();
    } catch (error) {
      toast({
        message: msg(str`Couldn’t bring it back: ${errorMessage(error)}`, { id: 'history.restore.failed' }),
        variant: 'error',
      });
    }
  }

  private unremove(id: string) {
    const next = new Set(this.removed);
    next.delete(id);
    this.removed = next;
  }

  /** Downloads the history as a file (JSON or CSV) of the current filters' date range. */
  async export(format: 'json' | 'csv'): Promise<void> {
    const profileId = this.api.profileId;
    if (!profileId || this.exporting) return;
    this.exporting = true;
    try {
      const from = rangeStart(this.range);
      const file = await this.api.client.call(historyExport, {
        params: { profile_id: profileId },
        body: { format, ...(from ? { from } : {}) },
      });
      const filename = file.filename ?? `reel-history.${format}`;
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.hidden = true;
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      emit(this, 'reel-history-export', { format, filename });
      announce(msg(str`Exported ${filename}`, { id: 'history.exported' }));
    } catch (error) {
      toast({
        message: msg(str`Export failed: ${errorMessage(error)}`, { id: 'history.export.failed' }),
        variant: 'error',
      });
    } finally {
      this.exporting = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-history': ReelHistory;
  }
  interface GlobalEventHandlersEventMap {
    /** An entry was removed from the profile's history. */
    'reel-history-hide': CustomEvent<{ entryId: string; titleId: string }>;
    /** A removed entry came back (undo). */
    'reel-history-restore': CustomEvent<{ entryId: string; titleId: string }>;
    /** The history was exported to a file. */
    'reel-history-export': CustomEvent<{ format: 'json' | 'csv'; filename: string }>;
  }
}
