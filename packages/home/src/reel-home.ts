import { msg, str } from '@lit/localize';
import { initialState, Task } from '@lit/task';
import { catalogGet, homeRails, type Rail, type TitleSummary } from '@reel/contracts';
import { emit, formatDuration, ReelElement, SessionConsumer, styleProps } from '@reel/core';
import { railHeading, railRegion } from '@reel/rail';
import { CardActions, mediaUrl, progressPercent, ScrollRestore, titleHref, watchHref } from '@reel/title-card';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styles } from './reel-home.styles.js';

/** The home page's data: the server's rails in order and the top pick. */
export interface HomeData {
  rails: Rail[];
  hero: TitleSummary | null;
}

/** Rails drawn in the first frame; the rest follow right after it (they are below the fold). */
const FIRST_RAILS = 5;
/** Signed out, the call to action comes after this many rails. */
const CTA_AFTER = 2;

/**
 * The home page (route `/`): a hero billboard with the top pick, then the rails of
 * `GET /home/rails` in the server's order — personalised for the active profile (Continue
 * Watching, Because you watched…, Recommended…), or, signed out, the public rails and a sign-up
 * call to action. The first rails render in the first frame and the rest right after, each rail
 * rendering only the cards near the viewport, so nothing below the fold holds up what is above.
 * Switching profile reloads the rails.
 *
 * @summary The home page: hero billboard and rails.
 * @tagname reel-home
 * @fires reel-watchlist-toggle-request - The hero's My List button was pressed; `detail: { titleId, add }`.
 * @fires reel-title-play-request - The hero's Play button was pressed; `detail: { titleId, episodeId? }`.
 * @csspart hero - The billboard.
 * @csspart rails - The list of rails.
 * @csspart cta - The sign-up call to action (signed out).
 * @cssproperty --reel-home-hero-height - The billboard's height.
 */
export class ReelHome extends ReelElement {
  static version = '0.1.0';
  static override styles = styles;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** Region for Top 10 and availability (default: the viewer's). */
  @property() region: string | null = null;

  /** How many titles each rail carries. */
  @property({ type: Number, attribute: 'items-per-rail' }) itemsPerRail = 20;

  /** Where the signed-out call to action sends people. */
  @property({ attribute: 'sign-up-href' }) signUpHref = '/sign-up';

  /** The sign-in link of the call to action. */
  @property({ attribute: 'sign-in-href' }) signInHref = '/sign-in';

  /** The rails and hero to show, instead of asking the server (tests, server-side data). */
  @property({ attribute: false }) data: HomeData | null = null;

  /** The hero with local changes (My List). */
  @state() private hero: TitleSummary | null = null;
  /** How many rails are drawn (the first few at once, then all). */
  @state() private shown = FIRST_RAILS;

  private readonly api = new SessionConsumer(this);
  private readonly scrollMemory = new ScrollRestore(this);
  private readonly heroActions = new CardActions({
    host: this,
    api: this.api,
    find: (id) => (this.hero?.id === id ? this.hero : undefined),
    patch: (id, patch) => {
      if (this.hero?.id === id) this.hero = { ...this.hero, ...patch };
    },
  });
  private unlisten: (() => void) | undefined;
  private adopted: HomeData | null = null;
  private more = 0;

  private readonly home = new Task(this, {
    task: async ([data, client, profileId, status, region, perRail], { signal }) => {
      if (data) return data;
      if (status === 'loading') return initialState;
      void profileId;
      return client.call(homeRails, {
        query: { items_per_rail: perRail, ...(region ? { region } : {}) },
        signal,
      });
    },
    args: () =>
      [
        this.data,
        this.api.client,
        this.api.profileId,
        this.api.session?.status,
        this.region,
        this.itemsPerRail,
      ] as const,
  });

  /**
   * The hero's synopsis and tagline (the rails carry only the card form of a title). Started after
   * the first frame is painted: its request is not part of building that frame.
   */
  private readonly heroDetail = new Task(this, {
    task: async ([id, client], { signal }) => (id ? client.call(catalogGet, { params: { id }, signal }) : null),
    args: () => [this.home.value?.hero?.id ?? null, this.api.client] as const,
    autoRun: false,
  });
  private heroRequested: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unlisten = this.heroActions.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten?.();
    cancelAnimationFrame(this.more);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const value = this.home.value;
    if (value && value !== this.adopted) {
      this.adopted = value;
      this.hero = value.hero;
    }
  }

  protected override updated(): void {
    const heroId = this.home.value?.hero?.id ?? null;
    if (heroId && heroId !== this.heroRequested) {
      this.heroRequested = heroId;
      requestAnimationFrame(() => setTimeout(() => void this.heroDetail.run(), 0));
    }
    const rails = this.home.value?.rails.length ?? 0;
    if (rails > this.shown && !this.more) {
      // The rest of the rails after the first frame is painted.
      this.more = requestAnimationFrame(() =>
        setTimeout(() => {
          this.shown = Number.POSITIVE_INFINITY;
        }, 0),
      );
    }
    // Back to this page: scroll where it was once every rail is in (the page is tall enough then).
    if (this.home.value && rails <= this.shown) this.scrollMemory.restore();
  }

  private get mediaBase(): string | null {
    return this.apiBase ?? this.api.session?.apiBase ?? null;
  }

  protected override render() {
    return html`<h1 class="reel-visually-hidden">${msg('Home', { id: 'home.title' })}</h1>
      ${this.renderTask(this.home, {
        pending: () => this.renderSkeleton(),
        complete: (data) => this.renderHome(data),
        isEmpty: (data) => data.rails.length === 0 && !data.hero,
        empty: () =>
          this.renderEmpty({
            heading: msg('Nothing to watch here yet', { id: 'home.empty' }),
            text: msg('Check back soon: new titles arrive every week.', { id: 'home.empty.text' }),
          }),
      })}`;
  }

  private renderHome(data: HomeData) {
    const signedOut = this.api.profileId === null;
    return html`${this.hero ? this.renderHero(this.hero) : nothing}
      <div class="rails" part="rails">
        ${repeat(
          data.rails.slice(0, this.shown),
          (rail) => rail.id,
          (rail, i) => html`${signedOut && i === CTA_AFTER ? this.renderCallToAction() : nothing}<reel-rail
            .items=${rail.items}
            kind=${rail.kind}
            source=${rail.source}
            heading=${railHeading(rail, railRegion(rail))}
            see-all=${rail.see_all ?? nothing}
            .apiBase=${this.apiBase}
            ?eager=${i < 2}
          ></reel-rail>`,
        )}
        ${signedOut && data.rails.length <= CTA_AFTER ? this.renderCallToAction() : nothing}
      </div>`;
  }

  private renderHero(title: TitleSummary) {
    const detail = this.heroDetail.value?.id === title.id ? this.heroDetail.value : null;
    const percent = progressPercent(title);
    const episode = title.progress?.episode_id;
    const signedIn = this.api.profileId !== null;
    const inList = title.in_watchlist === true;
    const meta = [
      title.year !== null ? String(title.year) : null,
      title.type === 'film' && title.runtime_minutes
        ? formatDuration(title.runtime_minutes * 60, 'narrow')
        : title.type === 'anime'
          ? msg('Anime', { id: 'home.type.anime' })
          : title.type === 'series'
            ? msg('Series', { id: 'home.type.series' })
            : null,
    ].filter((x): x is string => x !== null);
    const genres = title.genres.slice(0, 3).map((g) => g.name);
    return html`<section class="hero" part="hero" aria-labelledby="hero-title" data-id=${title.id}>
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
      <div class="hero__scrim"></div>
      <div class="hero__content">
        ${
          title.badges.top10_rank
            ? html`<p class="hero__eyebrow">
                <span class="top10" aria-hidden="true">${msg('TOP', { id: 'home.top10.top' })}<b>10</b></span>
                ${msg(str`#${title.badges.top10_rank} in Top 10 today`, { id: 'home.top10.rank' })}
              </p>`
            : title.badges.is_new
              ? html`<p class="hero__eyebrow"><span class="new">${msg('New', { id: 'home.new' })}</span></p>`
              : nothing
        }
        <h2 id="hero-title" class="hero__title">${title.name}</h2>
        <p class="hero__meta">
          ${title.certification ? html`<span class="hero__cert">${title.certification}</span>` : nothing}
          ${meta.map((part) => html`<span>${part}</span>`)}
          ${genres.length ? html`<span class="hero__genres">${genres.join(' · ')}</span>` : nothing}
        </p>
        <p class="hero__synopsis">${detail ? (detail.tagline ? `${detail.tagline} ` : '') + detail.synopsis : ''}</p>
        ${
          percent !== null
            ? html`<p class="hero__progress">
                <progress max="100" value=${percent} aria-hidden="true"></progress>
                <span>${msg(str`${percent}% watched`, { id: 'home.progress' })}</span>
              </p>`
            : nothing
        }
        <div class="hero__actions" @click=${this.onHeroClick}>
          <reel-button
            variant="inverse"
            size="lg"
            href=${watchHref(title.id, episode ? { episode } : undefined)}
            data-action="play"
            ><reel-icon slot="start" name="play"></reel-icon
            >${percent !== null ? msg('Resume', { id: 'home.resume' }) : msg('Play', { id: 'home.play' })}</reel-button
          >
          <reel-button variant="secondary" size="lg" href=${titleHref(title.id)}
            ><reel-icon slot="start" name="info"></reel-icon>${msg('More info', { id: 'home.more' })}</reel-button
          >
          ${
            signedIn
              ? html`<reel-icon-button
                  class="hero__list"
                  variant="overlay"
                  size="lg"
                  data-action="watchlist"
                  name=${inList ? 'check' : 'plus'}
                  label=${inList ? msg('Remove from My List', { id: 'home.list.remove' }) : msg('Add to My List', { id: 'home.list.add' })}
                  tooltip="below"
                ></reel-icon-button>`
              : nothing
          }
        </div>
        ${
          signedIn
            ? nothing
            : html`<p class="hero__join">
                ${msg('New to Reel?', { id: 'home.join.lead' })}
                <a href=${this.signUpHref}>${msg('Create an account', { id: 'home.join.link' })}</a>
              </p>`
        }
      </div>
    </section>`;
  }

  private onHeroClick = (event: MouseEvent) => {
    const hero = this.hero;
    const target = event.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && !!n.dataset.action);
    if (!hero || !target) return;
    if (target.dataset.action === 'watchlist') void this.heroActions.toggleWatchlist(hero);
    if (target.dataset.action === 'play') {
      const episodeId = hero.progress?.episode_id;
      const request = emit(
        this,
        'reel-title-play-request',
        { titleId: hero.id, ...(episodeId ? { episodeId } : {}) },
        { cancelable: true },
      );
      if (request.defaultPrevented) event.preventDefault();
    }
  };

  private renderCallToAction() {
    return html`<aside class="cta" part="cta" aria-labelledby="cta-title">
      <div class="cta__text">
        <h2 id="cta-title">${msg('Films, series and anime. All in one place.', { id: 'home.cta.title' })}</h2>
        <p>
          ${msg('Sign up to pick up where you left off, build your list and get picks made for you.', {
            id: 'home.cta.text',
          })}
        </p>
      </div>
      <div class="cta__actions">
        <reel-button variant="primary" size="lg" href=${this.signUpHref}>${msg('Sign up', { id: 'home.cta.signup' })}</reel-button>
        <reel-button variant="ghost" size="lg" href=${this.signInHref}>${msg('Sign in', { id: 'home.cta.signin' })}</reel-button>
      </div>
    </aside>`;
  }

  private renderSkeleton() {
    return html`<div class="skeleton" aria-busy="true">
      <span class="reel-visually-hidden" role="status">${msg('Loading your home page…', { id: 'home.loading' })}</span>
      <div class="hero hero--skeleton"></div>
      <div class="rails">
        ${Array.from(
          { length: 3 },
          () => html`<div class="rail-skeleton">
            <span class="rail-skeleton__heading"></span>
            <div class="rail-skeleton__row">${Array.from({ length: 6 }, () => html`<span></span>`)}</div>
          </div>`,
        )}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-home': ReelHome;
  }
}
