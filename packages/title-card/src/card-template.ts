import { msg, str } from '@lit/localize';
import type { TitleSummary } from '@reel/contracts';
import { formatDuration, formatNumber, styleProps } from '@reel/core';
import { getIcon } from '@reel/ui';
import { html, nothing, type SVGTemplateResult, svg, type TemplateResult } from 'lit';
import { mediaUrl } from './media.js';

/**
 * What a title card is made of: its layouts, options and words, links, and the templates of its
 * loading placeholder and of the expanded (hover) card. The card itself is built by
 * `CardRenderer` (card-dom.ts) — `<reel-title-card>` renders one in its own shadow root, and rails
 * and grids render hundreds inside theirs without one custom element each (a custom element per
 * card costs ~1.4× plain DOM). All include {@link cardStyles}.
 *
 * Buttons carry `data-action` and the card `data-id`: the owner listens once (event delegation)
 * instead of once per card.
 */

/** How a card draws its artwork. */
export const CardLayout = {
  /** 16:9 backdrop with the name over it (the default, Netflix-style). */
  backdrop: 'backdrop',
  /** 2:3 poster (the poster carries the name). */
  poster: 'poster',
  /** Top 10: a big rank numeral beside the poster. */
  rank: 'rank',
} as const;
export type CardLayout = (typeof CardLayout)[keyof typeof CardLayout];

/** Actions a card's buttons ask for (`data-action`). */
export const CardAction = {
  watchlist: 'watchlist',
  remove: 'remove',
  play: 'play',
} as const;
export type CardAction = (typeof CardAction)[keyof typeof CardAction];

export interface CardOptions {
  /** Position in its list (`data-index`, and the rank numeral for `rank`). */
  index: number;
  layout: CardLayout;
  /** Roving tabindex: whether this card's link (and buttons) are in the tab order. */
  focusable: boolean;
  /** The API base, to resolve artwork on a partner page. */
  apiBase?: string | null | undefined;
  /** Show the watchlist toggle (signed in with a profile). */
  watchlist: boolean;
  /** Show "Remove from row" (Continue Watching). */
  removable: boolean;
  /** The first cards of the page: load their artwork at once. */
  eager?: boolean;
  /** Where the card links (default `/title/:id`). */
  href?: string;
  /** The card words, from {@link cardLabels} once per list (looked up per card when absent). */
  labels?: CardLabels;
  /**
   * Render the card as a list item (`<li class="item">` around it, with its position in a list of
   * `size`): one element and template fewer per card than wrapping it.
   */
  item?: { size: number };
}

/** The detail page of a title. */
export const titleHref = (id: string): string => `/title/${encodeURIComponent(id)}`;
/** A card's link from an `href-template` (`https://partner.example/watch?title={id}`), or the detail page. */
export const cardHref = (id: string, template: string | null | undefined): string =>
  template ? template.replaceAll('{id}', encodeURIComponent(id)) : titleHref(id);
/** The player page of a title (or of one episode, or its trailer). */
export const watchHref = (id: string, query?: { episode?: string; trailer?: boolean }): string => {
  const params = new URLSearchParams();
  if (query?.episode) params.set('episode', query.episode);
  if (query?.trailer) params.set('trailer', '1');
  const search = params.toString();
  return `/watch/${encodeURIComponent(id)}${search ? `?${search}` : ''}`;
};

/** An icon of Reel's set as inline SVG (the same drawings `<reel-icon>` uses, without an element per icon). */
export function icon(name: string, className = 'icon'): TemplateResult {
  const template: SVGTemplateResult = getIcon(name)?.template ?? svg``;
  return html`<svg class=${className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${template}</svg>`;
}

/** Whole percent watched (0–100), or null when the profile has not started or has finished. */
export function progressPercent(title: TitleSummary): number | null {
  const p = title.progress;
  if (!p || p.completed || p.fraction <= 0) return null;
  return Math.max(1, Math.min(100, Math.round(p.fraction * 100)));
}

/**
 * The words every card uses, looked up once per render of a list (not once per card).
 * {@link cardLabels} builds them for the active locale.
 */
export interface CardLabels {
  new: string;
  soon: string;
  simulcast: string;
  sub: string;
  dub: string;
  top: string;
}

/** The card's words in the active locale. */
export function cardLabels(): CardLabels {
  return {
    new: msg('New', { id: 'title-card.badge.new' }),
    soon: msg('Coming soon', { id: 'title-card.badge.soon' }),
    simulcast: msg('Simulcast', { id: 'title-card.badge.simulcast' }),
    sub: msg('Sub', { id: 'title-card.badge.sub' }),
    dub: msg('Dub', { id: 'title-card.badge.dub' }),
    top: msg('TOP', { id: 'title-card.top10.top' }),
  };
}

/** A card-shaped placeholder while a rail loads. */
export function renderCardSkeleton(layout: CardLayout): TemplateResult {
  return html`<div class="card card--${layout} card--skeleton" aria-hidden="true">
    ${layout === 'rank' ? html`<span class="card__rank"></span>` : nothing}<span class="card__art"></span>
  </div>`;
}

/** What the expanded card says under the artwork: certification, year, length, type. */
export function metaParts(title: TitleSummary): string[] {
  const parts: string[] = [];
  if (title.year !== null) parts.push(String(title.year));
  if (title.type === 'film') {
    if (title.runtime_minutes) parts.push(formatDuration(title.runtime_minutes * 60, 'narrow'));
  } else {
    parts.push(
      title.type === 'anime'
        ? msg('Anime', { id: 'title-card.type.anime' })
        : msg('Series', { id: 'title-card.type.series' }),
    );
  }
  return parts;
}

/** A tile of a sprite sheet to show in the preview (set by the owner's sprite player). */
export interface SpriteFrame {
  image: string;
  /** background-size and background-position of the tile, as CSS. */
  size: string;
  position: string;
}

export interface PreviewOptions {
  apiBase?: string | null | undefined;
  watchlist: boolean;
  removable: boolean;
  /** The current frame of the hover preview, when the sprite loaded. */
  frame: SpriteFrame | null;
  /** Inline placement (left, top, width) set by the owner. */
  placement: Readonly<Record<string, string>>;
  /** The physical edge the card grows from (`left`, `center`, `right`). */
  origin: 'left' | 'center' | 'right';
}

/**
 * The expanded card shown after hovering (or focusing) a card a moment: the thumbnail sprite plays
 * over the backdrop; play, My List, (remove) and more-info; year, length, maturity and genres.
 * Everything in it can also be done from the card itself (link, buttons), so for assistive
 * technology it is decoration (`aria-hidden`, no tab stops).
 */
export function renderPreview(title: TitleSummary, options: PreviewOptions): TemplateResult {
  const percent = progressPercent(title);
  const inList = title.in_watchlist === true;
  const p = title.progress;
  return html`<div
    class="preview preview--${options.origin}"
    part="preview"
    data-id=${title.id}
    aria-hidden="true"
    ${styleProps(options.placement)}
  >
    <a class="preview__media" href=${titleHref(title.id)} tabindex="-1" draggable="false">
      <span class="preview__art" ${styleProps({ '--_color': title.artwork.color })}>
        <img src=${mediaUrl(title.artwork.backdrop, options.apiBase)} alt="" decoding="async" draggable="false" />
        ${
          options.frame
            ? html`<span
                class="preview__sprite"
                ${styleProps({
                  backgroundImage: `url("${options.frame.image}")`,
                  backgroundSize: options.frame.size,
                  backgroundPosition: options.frame.position,
                })}
              ></span>`
            : nothing
        }
        <span class="preview__scrim"></span>
        <span class="preview__name">${title.name}</span>
      </span>
    </a>
    <div class="preview__body">
      <div class="preview__actions">
        <a
          class="round round--play"
          href=${watchHref(title.id, p?.episode_id ? { episode: p.episode_id } : undefined)}
          data-action="play"
          tabindex="-1"
          title=${percent === null ? msg('Play', { id: 'title-card.play' }) : msg('Resume', { id: 'title-card.resume' })}
          >${icon('play')}</a
        >
        ${
          options.watchlist
            ? html`<button
                class="round"
                type="button"
                data-action="watchlist"
                tabindex="-1"
                title=${inList ? msg('Remove from My List', { id: 'title-card.watchlist.remove.short' }) : msg('Add to My List', { id: 'title-card.watchlist.add.short' })}
              >
                ${icon(inList ? 'check' : 'plus')}
              </button>`
            : nothing
        }
        ${
          options.removable
            ? html`<button
                class="round"
                type="button"
                data-action="remove"
                tabindex="-1"
                title=${msg('Remove from row', { id: 'title-card.remove.short' })}
              >
                ${icon('close')}
              </button>`
            : nothing
        }
        <a
          class="round round--end"
          href=${titleHref(title.id)}
          tabindex="-1"
          title=${msg('More info', { id: 'title-card.more' })}
          >${icon('chevron-down')}</a
        >
      </div>
      <p class="preview__meta">
        ${title.certification ? html`<span class="preview__cert">${title.certification}</span>` : nothing}
        ${metaParts(title).map((part) => html`<span>${part}</span>`)}
        ${title.badges.top10_rank ? html`<span class="preview__top">#${title.badges.top10_rank} ${msg('in Top 10', { id: 'title-card.top10.short' })}</span>` : nothing}
      </p>
      ${
        percent !== null && p
          ? html`<p class="preview__progress">
              <progress max="100" value=${percent}></progress>
              <span
                >${msg(str`${formatDuration(Math.max(0, p.duration - p.position), 'narrow')} left`, {
                  id: 'title-card.left',
                })}</span
              >
            </p>`
          : nothing
      }
      <ul class="preview__genres">
        ${title.genres.slice(0, 3).map((g) => html`<li>${g.name}</li>`)}
      </ul>
      ${
        title.rating_average !== null
          ? html`<p class="preview__rating">
              ${icon('star-filled', 'icon icon--star')}
              ${formatNumber(title.rating_average, { maximumFractionDigits: 1 })}
            </p>`
          : nothing
      }
    </div>
  </div>`;
}
