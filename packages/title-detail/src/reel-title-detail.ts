import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import {
  catalogCredits,
  catalogEpisodes,
  catalogGet,
  catalogRelated,
  catalogSeasons,
  catalogSimilar,
  type Episode,
  type Title,
  type TitleSummary,
} from '@reel/contracts';
import { emit, formatDuration, plural, ReelElement, SessionConsumer, styleProps } from '@reel/core';
import { CardActions, mediaUrl, progressPercent, ScrollRestore, watchHref } from '@reel/title-card';
import type { SelectOption } from '@reel/ui';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { LazyReviews } from './lazy-reviews.js';
import { notFoundAsNull } from './not-found.js';
import { styles } from './reel-title-detail.styles.js';
import {
  episodeCode,
  renderAvailability,
  renderCredits,
  renderDetails,
  renderEpisodes,
  renderMaturity,
  renderRating,
} from './title-sections.js';

const relationLabel = (relation: string): string => {
  switch (relation) {
    case 'sequel':
      return msg('Sequels', { id: 'detail.relation.sequel' });
    case 'prequel':
      return msg('Prequels', { id: 'detail.relation.prequel' });
    case 'spin_off':
      return msg('Spin-offs', { id: 'detail.relation.spin-off' });
    case 'remake':
      return msg('Remakes', { id: 'detail.relation.remake' });
    default:
      return msg('From the same universe', { id: 'detail.relation.universe' });
  }
};

/** "Sequel", "Sequels & spin-offs"…: the relations present, in words. */
function relatedHeading(relations: string[]): string {
  const kinds = [...new Set(relations)];
  if (kinds.length === 1 && kinds[0]) return relationLabel(kinds[0]);
  return msg('Sequels, prequels & spin-offs', { id: 'detail.related' });
}

/**
 * A title's page (route `/title/:id`): a cinematic hero with play or resume, the trailer, My List
 * and the rating summary; for series, a season selector and the episodes with the profile's
 * progress and the skippable parts each has; related titles (sequels, spin-offs) and similar titles
 * as rails; cast and crew linking to their pages; production details; the certification with its
 * meaning and the content advisories; availability by region.
 *
 * Reloading the page (a deep link) shows the same title; coming back to it restores the scroll
 * position.
 *
 * @summary A title's detail page.
 * @tagname reel-title-detail
 * @fires reel-title-play-request - Play, resume, an episode or the trailer was chosen;
 *   `detail: { titleId, episodeId?, trailer? }`. Cancel it to play in place instead of following
 *   the `/watch/:id` link.
 * @fires reel-watchlist-toggle-request - My List was pressed; `detail: { titleId, add }`.
 * @csspart hero - The hero.
 * @csspart episodes - The episodes list.
 * @cssproperty --reel-detail-hero-height - The hero's minimum height.
 */
export class ReelTitleDetail extends ReelElement {
  static version = '0.1.0';
  static override styles = styles;

  /** The title to show. */
  @property({ attribute: 'title-id', reflect: true }) titleId = '';

  /** The season shown in the episodes list (default: the first). */
  @property({ type: Number, reflect: true }) season: number | null = null;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** The title with local changes (My List). */
  @state() private local: Title | null = null;
  @state() private allCast = false;

  private readonly api = new SessionConsumer(this);
  /** `<reel-reviews>`, loaded when its part of the page scrolls near. */
  private readonly reviews = new LazyReviews(this);
  private readonly scrollMemory = new ScrollRestore(this);
  private readonly actions = new CardActions({
    host: this,
    api: this.api,
    find: (id) => (this.current?.id === id ? this.current : undefined),
    patch: (id, patch) => {
      if (this.current?.id === id) this.local = { ...this.current, ...patch } as Title;
    },
  });
  private unlisten: (() => void) | undefined;

  private readonly titleTask = new Task(this, {
    task: async ([id, client, profileId], { signal }) => {
      void profileId;
      if (!id) return null;
      return notFoundAsNull(client.call(catalogGet, { params: { id }, signal }));
    },
    args: () => [this.titleId, this.api.client, this.api.profileId] as const,
  });

  private readonly credits = new Task(this, {
    task: ([id, client], { signal }) => client.call(catalogCredits, { params: { id }, signal }),
    args: () => [this.titleId, this.api.client] as const,
  });

  private readonly similar = new Task(this, {
    task: async ([id, client, profileId], { signal }) => {
      void profileId;
      return (await client.call(catalogSimilar, { params: { id }, query: { limit: 24 }, signal })).items;
    },
    args: () => [this.titleId, this.api.client, this.api.profileId] as const,
  });

  private readonly related = new Task(this, {
    task: async ([id, client, profileId], { signal }) => {
      void profileId;
      return (await client.call(catalogRelated, { params: { id }, signal })).items;
    },
    args: () => [this.titleId, this.api.client, this.api.profileId] as const,
  });

  private readonly seasons = new Task(this, {
    task: async ([id, type, client], { signal }) =>
      type && type !== 'film' ? (await client.call(catalogSeasons, { params: { id }, signal })).items : [],
    args: () => [this.titleId, this.titleTask.value?.type ?? null, this.api.client] as const,
  });

  private readonly episodes = new Task(this, {
    task: async ([id, season, client, profileId], { signal }) => {
      void profileId;
      if (season === null) return [] as Episode[];
      return (await client.call(catalogEpisodes, { params: { id, n: season }, signal })).items;
    },
    args: () => [this.titleId, this.shownSeason, this.api.client, this.api.profileId] as const,
  });

  /** The title shown (with local changes). */
  get current(): Title | null {
    const fetched = this.titleTask.value ?? null;
    return this.local && this.local.id === fetched?.id ? this.local : fetched;
  }

  private get shownSeason(): number | null {
    const seasons = this.seasons.value;
    if (!seasons?.length) return null;
    if (this.season !== null && seasons.some((s) => s.number === this.season)) return this.season;
    return (seasons.find((s) => s.number > 0) ?? seasons[0])?.number ?? null;
  }

  private get mediaBase(): string | null {
    return this.apiBase ?? this.api.session?.apiBase ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unlisten = this.actions.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('titleId')) {
      this.local = null;
      this.allCast = false;
      if (changed.get('titleId')) this.season = null;
    }
  }

  protected override updated(): void {
    const settled = [this.titleTask, this.credits, this.seasons, this.episodes, this.similar].every(
      (t) => t.status === TaskStatus.COMPLETE || t.status === TaskStatus.ERROR,
    );
    if (settled && this.titleTask.value) this.scrollMemory.restore();
  }

  protected override render() {
    return this.renderTask(this.titleTask, {
      pending: () =>
        html`<div class="page"><div class="skeleton-hero"></div>${this.renderLoading({ label: msg('Loading title…', { id: 'detail.loading' }) })}</div>`,
      complete: () => {
        const title = this.current;
        return title ? this.renderPage(title) : nothing;
      },
      isEmpty: (title) => title === null && this.titleId !== '',
      empty: () => html`<div class="page not-found">
        ${this.renderEmpty({
          heading: msg('We couldn’t find that title', { id: 'detail.not-found' }),
          text: msg('It may have left the catalog, or the link is wrong.', { id: 'detail.not-found.text' }),
          actions: html`<reel-button href="/" variant="primary">${msg('Go to Home', { id: 'detail.home' })}</reel-button>`,
        })}
      </div>`,
    });
  }

  private renderPage(title: Title) {
    const seasons = this.seasons.value ?? [];
    const related = this.related.value ?? [];
    const similar: TitleSummary[] = this.similar.value ?? [];
    return html`<article class="page" @click=${this.onClick}>
      ${this.renderHero(title)}
      ${seasons.length ? this.renderEpisodeSection(title) : nothing}
      ${
        related.length
          ? html`<reel-rail
              kind="related"
              heading=${relatedHeading(related.map((r) => r.relation))}
              .items=${related.map((r) => r.title)}
              .apiBase=${this.apiBase}
            ></reel-rail>`
          : nothing
      }
      ${
        similar.length
          ? html`<reel-rail
              kind="similar"
              heading=${msg('More like this', { id: 'detail.similar' })}
              .items=${similar}
              .apiBase=${this.apiBase}
            ></reel-rail>`
          : nothing
      }
      ${this.renderCreditsSection()}
      <div class="reviews" ?hidden=${this.reviews.failed} ${ref(this.reviews.watch)}>
        ${this.reviews.ready ? html`<reel-reviews title-id=${title.id} .apiBase=${this.apiBase}></reel-reviews>` : nothing}
      </div>
      <section class="section" aria-labelledby="about-h">
        <h2 id="about-h">${msg(str`About ${title.name}`, { id: 'detail.about' })}</h2>
        <div class="about">
          <div class="panel">${renderDetails(title)}</div>
          <div class="panel" id="maturity">
            <h3 class="panel__title">${msg('Maturity rating', { id: 'detail.maturity' })}</h3>
            ${renderMaturity(title)}
          </div>
        </div>
      </section>
      ${
        title.availability.length
          ? html`<section class="section" aria-labelledby="availability-h">
              <h2 id="availability-h">${msg('Where it’s available', { id: 'detail.availability' })}</h2>
              <div class="panel panel--table">${renderAvailability(title)}</div>
            </section>`
          : nothing
      }
    </article>`;
  }

  private renderHero(title: Title) {
    const percent = progressPercent(title);
    const resumeEpisode = title.progress?.episode_id;
    const known = resumeEpisode ? this.episodes.value?.find((e) => e.id === resumeEpisode) : undefined;
    const firstEpisode = this.episodes.value?.[0];
    const signedIn = this.api.profileId !== null;
    const inList = title.in_watchlist === true;
    const length =
      title.type === 'film'
        ? title.runtime_minutes
          ? formatDuration(title.runtime_minutes * 60, 'narrow')
          : null
        : title.seasons_count
          ? plural(title.seasons_count, {
              one: msg('1 season', { id: 'detail.seasons.one' }),
              other: msg(str`${title.seasons_count} seasons`, { id: 'detail.seasons.other' }),
            })
          : null;
    const playLabel =
      percent !== null
        ? known
          ? msg(str`Resume ${episodeCode(known)}`, { id: 'detail.resume.episode' })
          : msg('Resume', { id: 'detail.resume' })
        : title.type !== 'film' && firstEpisode
          ? msg(str`Play ${episodeCode(firstEpisode)}`, { id: 'detail.play.episode' })
          : msg('Play', { id: 'detail.play' });
    const typeLabel =
      title.type === 'film'
        ? msg('Film', { id: 'detail.type.film' })
        : title.type === 'anime'
          ? msg('Anime', { id: 'detail.type.anime' })
          : msg('Series', { id: 'detail.type.series' });
    return html`<header class="hero" part="hero">
      <div class="hero__art" ${styleProps({ '--_color': title.artwork.color })}>
        <img
          .fetchPriority=${'high'}
          src=${mediaUrl(title.artwork.backdrop, this.mediaBase)}
          alt=""
          width="1600"
          height="900"
          decoding="async"
        />
      </div>
      <div class="hero__content">
        <p class="eyebrow">
          <span>${typeLabel}</span>
          ${title.badges.top10_rank ? html`<span class="pill pill--accent">${msg(str`#${title.badges.top10_rank} in Top 10`, { id: 'detail.top10' })}</span>` : nothing}
          ${title.badges.is_new ? html`<span class="pill pill--accent">${msg('New', { id: 'detail.new' })}</span>` : nothing}
          ${title.badges.simulcast ? html`<span class="pill">${msg('Simulcast', { id: 'detail.simulcast' })}</span>` : nothing}
          ${title.badges.sub ? html`<span class="pill">${msg('Sub', { id: 'detail.sub' })}</span>` : nothing}
          ${title.badges.dub ? html`<span class="pill">${msg('Dub', { id: 'detail.dub' })}</span>` : nothing}
        </p>
        <h1>${title.name}</h1>
        <p class="meta">
          ${title.certification ? html`<span class="cert" title=${this.certMeaning(title)}>${title.certification}</span>` : nothing}
          ${title.year !== null ? html`<span>${title.year}</span>` : nothing}
          ${length ? html`<span>${length}</span>` : nothing}
          ${title.genres.length ? html`<span>${title.genres.map((g) => g.name).join(', ')}</span>` : nothing}
        </p>
        ${renderRating(title.rating_average, title.review_count)}
        ${title.tagline ? html`<p class="tagline">${title.tagline}</p>` : nothing}
        <p class="synopsis">${title.synopsis}</p>
        ${
          percent !== null
            ? html`<p class="progress-line">
                <progress max="100" value=${percent} aria-hidden="true"></progress>
                <span
                  >${
                    title.progress
                      ? msg(
                          str`${formatDuration(Math.max(0, title.progress.duration - title.progress.position), 'narrow')} left`,
                          { id: 'detail.left' },
                        )
                      : ''
                  }</span
                >
              </p>`
            : nothing
        }
        ${!title.available ? html`<p class="unavailable">${msg('Not available to watch in your region yet.', { id: 'detail.unavailable' })}</p>` : nothing}
        <div class="actions">
          <reel-button
            variant="inverse"
            size="lg"
            ?disabled=${!title.available}
            href=${watchHref(title.id, resumeEpisode ? { episode: resumeEpisode } : firstEpisode && title.type !== 'film' ? { episode: firstEpisode.id } : undefined)}
            data-action="play"
            data-episode=${resumeEpisode ?? (title.type !== 'film' ? firstEpisode?.id : undefined) ?? nothing}
            ><reel-icon slot="start" name="play"></reel-icon>${playLabel}</reel-button
          >
          ${
            title.trailer
              ? html`<reel-button variant="secondary" size="lg" href=${watchHref(title.id, { trailer: true })} data-action="trailer"
                  ><reel-icon slot="start" name="film"></reel-icon>${msg('Trailer', { id: 'detail.trailer' })}</reel-button
                >`
              : nothing
          }
          ${
            signedIn
              ? html`<reel-button variant="secondary" size="lg" data-action="watchlist" aria-pressed=${inList ? 'true' : 'false'}
                  ><reel-icon slot="start" name=${inList ? 'check' : 'plus'}></reel-icon>${msg('My List', { id: 'detail.list' })}</reel-button
                >`
              : nothing
          }
        </div>
      </div>
    </header>`;
  }

  private certMeaning(title: Title): string {
    return title.certifications.find((c) => c.rating === title.certification)?.meaning ?? '';
  }

  private renderEpisodeSection(title: Title) {
    const seasons = this.seasons.value ?? [];
    const shown = this.shownSeason;
    const options: SelectOption[] = seasons.map((s) => ({
      value: String(s.number),
      label: s.name,
      description: plural(s.episode_count, {
        one: msg('1 episode', { id: 'detail.episodes.one' }),
        other: msg(str`${s.episode_count} episodes`, { id: 'detail.episodes.other' }),
      }),
    }));
    return html`<section class="section" aria-labelledby="episodes-h" part="episodes">
      <div class="section-head">
        <h2 id="episodes-h">${msg('Episodes', { id: 'detail.episodes' })}</h2>
        ${
          seasons.length > 1
            ? html`<reel-select
                class="season-select"
                label=${msg('Season', { id: 'detail.season' })}
                .options=${options}
                value=${String(shown ?? '')}
                @reel-change=${(e: CustomEvent<{ value: string }>) => {
                  this.season = Number(e.detail.value);
                }}
              ></reel-select>`
            : html`<p class="muted">${seasons[0]?.name ?? ''}</p>`
        }
      </div>
      ${this.renderTask(this.episodes, {
        pending: () =>
          this.renderLoading({ lines: 4, label: msg('Loading episodes…', { id: 'detail.episodes.loading' }) }),
        complete: (episodes) => renderEpisodes(episodes, { apiBase: this.mediaBase, titleName: title.name }),
        empty: () => this.renderEmpty({ heading: msg('No episodes yet', { id: 'detail.episodes.empty' }) }),
      })}
    </section>`;
  }

  private renderCreditsSection() {
    const credits = this.credits.value;
    if (!credits || (!credits.cast.length && !credits.crew.length)) return nothing;
    return html`<section class="section" aria-labelledby="cast-h">
      <h2 id="cast-h">${msg('Cast & crew', { id: 'detail.cast' })}</h2>
      ${renderCredits(credits, {
        apiBase: this.mediaBase,
        showAll: this.allCast,
        onShowAll: () => {
          this.allCast = true;
        },
      })}
    </section>`;
  }

  private onClick = (event: MouseEvent) => {
    const title = this.current;
    if (!title) return;
    const target = event
      .composedPath()
      .find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset.action !== undefined);
    if (!target) return;
    switch (target.dataset.action) {
      case 'watchlist':
        event.preventDefault();
        void this.actions.toggleWatchlist(title as TitleSummary);
        return;
      case 'play':
      case 'trailer':
      case 'play-episode': {
        const episodeId =
          target.dataset.action === 'play-episode'
            ? (target.closest<HTMLElement>('[data-episode]')?.dataset.episode ?? undefined)
            : target.dataset.episode;
        const request = emit(
          this,
          'reel-title-play-request',
          {
            titleId: title.id,
            ...(episodeId ? { episodeId } : {}),
            ...(target.dataset.action === 'trailer' ? { trailer: true } : {}),
          },
          { cancelable: true },
        );
        if (request.defaultPrevented) event.preventDefault();
        return;
      }
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-title-detail': ReelTitleDetail;
  }
}
