import { msg, str } from '@lit/localize';
import type { TitleSummary } from '@reel/contracts';
import { getLocale } from '@reel/core';
import { render } from 'lit';
import {
  type CardLabels,
  type CardLayout,
  type CardOptions,
  cardLabels,
  icon,
  progressPercent,
  titleHref,
} from './card-template.js';
import { artworkSrcset, mediaUrl } from './media.js';

/**
 * Cards as DOM nodes: a card is a deep clone of a prebuilt prototype with its few variable parts
 * filled in, and it is kept, so a later render (a changed My List state, the roving focus moving,
 * a new window of a virtualised rail) patches only what changed, in place (focus stays where it
 * is). A rail renders the node a {@link CardRenderer} returns as a Lit child value.
 *
 * This is the card's only markup: `<reel-title-card>`, rails and grids all render it and style it
 * with `cardStyles`. Building it this way costs about a third of a Lit template instance per card,
 * which is what lets a home page of 20 rails render in about the time of its plain HTML.
 */

const ATTRS = { 'aria-hidden': 'true' } as const;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  attrs: Record<string, string> = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The prototypes, built once per page (no HTML parsing: nothing for Trusted Types to check). */
let prototypes: Record<string, HTMLElement> | null = null;
function prototype(layout: CardLayout, item: boolean): HTMLElement {
  prototypes ??= {};
  const key = `${layout}${item ? ':item' : ''}`;
  let proto = prototypes[key];
  if (!proto) {
    const poster = layout !== 'backdrop';
    const img = el('img', '', {
      alt: '',
      width: poster ? '200' : '320',
      height: poster ? '300' : '180',
      decoding: 'async',
      draggable: 'false',
    });
    const art = el('span', 'card__art', { part: 'artwork' }, img);
    if (poster) art.append(el('span', 'reel-visually-hidden card__spoken'));
    else art.append(el('span', 'card__foot', {}, el('span', 'card__name'), el('span', 'card__cert')));
    const link = el('a', 'card__link', { part: 'link', draggable: 'false' });
    if (layout === 'rank') link.append(el('span', 'card__rank', ATTRS));
    link.append(art);
    proto = el(item ? 'li' : 'div', `${item ? 'item ' : ''}card card--${layout}`, { part: 'card' }, link);
    prototypes[key] = proto;
  }
  return proto;
}

/** Icons as DOM, each drawn once and cloned. */
const icons = new Map<string, DocumentFragment>();
function iconNode(name: string): Node {
  let fragment = icons.get(name);
  if (!fragment) {
    fragment = document.createDocumentFragment();
    render(icon(name), fragment);
    icons.set(name, fragment);
  }
  return fragment.cloneNode(true);
}

interface Rendered {
  title: TitleSummary;
  layout: CardLayout;
  item: boolean;
  index: number;
  size: number;
  focusable: boolean;
  watchlist: boolean;
  removable: boolean;
  eager: boolean;
  href: string;
  apiBase: string | null | undefined;
  labels: CardLabels;
}

function badgeSpan(text: string, modifier = ''): HTMLElement {
  const span = el('span', modifier ? `badge badge--${modifier}` : 'badge');
  span.textContent = text;
  return span;
}

// Badges depend only on a few flags (and the words of the locale): each combination is built
// once and cloned for every card that shows it.
const badgeCache = new WeakMap<CardLabels, Map<string, HTMLElement>>();
function cached(labels: CardLabels, key: string, build: () => HTMLElement): HTMLElement {
  let byKey = badgeCache.get(labels);
  if (!byKey) {
    byKey = new Map();
    badgeCache.set(labels, byKey);
  }
  let node = byKey.get(key);
  if (!node) {
    node = build();
    byKey.set(key, node);
  }
  return node.cloneNode(true) as HTMLElement;
}

function statusBadges(title: TitleSummary, l: CardLabels): HTMLElement | null {
  const b = title.badges;
  if (!(b.coming_soon || b.is_new || b.simulcast || b.sub || b.dub)) return null;
  const key = `s${+b.coming_soon}${+b.is_new}${+b.simulcast}${+b.sub}${+b.dub}`;
  return cached(l, key, () => {
    const span = el('span', 'card__badges');
    if (b.coming_soon) span.append(badgeSpan(l.soon, 'soon'));
    else if (b.is_new) span.append(badgeSpan(l.new, 'new'));
    if (b.simulcast) span.append(badgeSpan(l.simulcast));
    if (b.sub) span.append(badgeSpan(l.sub));
    if (b.dub) span.append(badgeSpan(l.dub));
    return span;
  });
}

function top10Badge(rank: number, l: CardLabels): HTMLElement {
  return cached(l, `t${rank}`, () => {
    const visible = el('span', '', ATTRS, document.createTextNode(l.top), el('b', ''));
    (visible.lastChild as HTMLElement).textContent = '10';
    const spoken = el('span', 'reel-visually-hidden');
    spoken.textContent = msg(str`Top 10 today, number ${rank}`, { id: 'title-card.top10.rank' });
    return el('span', 'badge badge--top10', {}, visible, spoken);
  });
}

function progressParts(percent: number): Node[] {
  const bar = el('progress', 'card__progress', { max: '100', 'aria-hidden': 'true' });
  bar.value = percent;
  const spoken = el('span', 'reel-visually-hidden');
  spoken.textContent = msg(str`${percent}% watched`, { id: 'title-card.progress' });
  return [bar, spoken];
}

function actionButtons(r: Rendered): HTMLElement | null {
  if (!r.watchlist && !r.removable) return null;
  const actions = el('span', 'card__actions');
  const tab = r.focusable ? '0' : '-1';
  if (r.watchlist) {
    const inList = r.title.in_watchlist === true;
    actions.append(
      el(
        'button',
        'card__action',
        {
          type: 'button',
          'data-action': 'watchlist',
          tabindex: tab,
          'aria-label': inList
            ? msg(str`Remove ${r.title.name} from My List`, { id: 'title-card.watchlist.remove' })
            : msg(str`Add ${r.title.name} to My List`, { id: 'title-card.watchlist.add' }),
        },
        iconNode(inList ? 'check' : 'plus'),
      ),
    );
  }
  if (r.removable) {
    actions.append(
      el(
        'button',
        'card__action',
        {
          type: 'button',
          'data-action': 'remove',
          tabindex: tab,
          'aria-label': msg(str`Remove ${r.title.name} from Continue Watching`, { id: 'title-card.remove' }),
        },
        iconNode('close'),
      ),
    );
  }
  return actions;
}

/**
 * Replaces the optional node found by `selector` in `parent` with `next` (or removes it), before
 * `before`. A new card (`fresh`) has none to look for.
 */
function swap(fresh: boolean, parent: Element, selector: string, next: Node | null, before: Node | null = null): void {
  if (!fresh) parent.querySelector(`:scope > ${selector}`)?.remove();
  if (next) parent.insertBefore(next, before);
}

/** Fills (or updates) a card node for `r`, comparing with what it showed before (`p`). */
function fill(node: HTMLElement, r: Rendered, p: Rendered | null): void {
  const t = r.title;
  const link = node.firstChild as HTMLAnchorElement;
  const art = link.lastChild as HTMLElement;
  const img = art.firstChild as HTMLImageElement;
  const poster = r.layout !== 'backdrop';
  if (p?.title.id !== t.id) node.setAttribute('data-id', t.id);
  if (r.item && (p?.index !== r.index || p.size !== r.size)) {
    node.setAttribute('aria-posinset', String(r.index + 1));
    node.setAttribute('aria-setsize', String(r.size));
  }
  if (p?.href !== r.href) link.href = r.href;
  if (p?.focusable !== r.focusable) link.tabIndex = r.focusable ? 0 : -1;
  if (p?.eager !== r.eager) img.loading = r.eager ? 'eager' : 'lazy';
  const artwork = poster ? t.artwork.poster : t.artwork.backdrop;
  if (!p || p.title.artwork !== t.artwork || p.apiBase !== r.apiBase || p.layout !== r.layout) {
    const src = mediaUrl(artwork, r.apiBase);
    const srcset = artworkSrcset(src, t.artwork);
    if (srcset || img.hasAttribute('srcset')) {
      img.srcset = srcset;
      img.sizes = srcset ? (poster ? '(max-width: 600px) 40vw, 200px' : '(max-width: 600px) 60vw, 360px') : '';
    }
    img.src = src;
  }
  const rank = r.layout === 'rank' ? (t.badges.top10_rank ?? r.index + 1) : 0;
  const labelsChanged = p?.labels !== r.labels;
  const nameChanged = p?.title.name !== t.name || labelsChanged;
  if (rank && (nameChanged || p?.index !== r.index || p.title.badges.top10_rank !== t.badges.top10_rank)) {
    (link.firstChild as HTMLElement).textContent = String(rank);
  }
  const badgesChanged = !p || p.title.badges !== t.badges || labelsChanged || p.index !== r.index;
  if (poster) {
    const spoken = art.querySelector(':scope > .card__spoken') as HTMLElement;
    if (nameChanged || badgesChanged) {
      spoken.textContent = rank ? msg(str`Number ${rank}: ${t.name}`, { id: 'title-card.rank.name' }) : t.name;
    }
    if (badgesChanged) {
      swap(!p, art, '.card__badges', statusBadges(t, r.labels), spoken);
      swap(
        !p,
        art,
        '.badge--top10',
        !rank && t.badges.top10_rank !== undefined ? top10Badge(t.badges.top10_rank, r.labels) : null,
        spoken,
      );
    }
  } else {
    const foot = art.lastChild as HTMLElement;
    if (nameChanged) (foot.firstChild as HTMLElement).textContent = t.name;
    if (p?.title.certification !== t.certification) {
      const cert = foot.lastChild as HTMLElement;
      cert.textContent = t.certification ?? '';
      cert.hidden = !t.certification;
    }
    if (badgesChanged) {
      swap(!p, art, '.card__badges', statusBadges(t, r.labels), foot);
      swap(
        !p,
        art,
        '.badge--top10',
        t.badges.top10_rank !== undefined ? top10Badge(t.badges.top10_rank, r.labels) : null,
        foot,
      );
    }
  }
  if (!p || p.title.progress !== t.progress || labelsChanged) {
    if (p) for (const old of art.querySelectorAll(':scope > .card__progress, :scope > .progress-text')) old.remove();
    const percent = progressPercent(t);
    if (percent !== null) {
      const [bar, spoken] = progressParts(percent);
      (spoken as HTMLElement).classList.add('progress-text');
      art.append(bar as Node, spoken as Node);
    }
  }
  if (
    !p ||
    p.watchlist !== r.watchlist ||
    p.removable !== r.removable ||
    p.focusable !== r.focusable ||
    p.title.in_watchlist !== t.in_watchlist ||
    nameChanged
  ) {
    swap(!p, node, '.card__actions', actionButtons(r));
  }
}

/**
 * Keeps one node per title for one list (a rail, a grid, a card element) and returns it, filled or
 * patched for the current data and options.
 *
 * @example
 * private readonly cards = new CardRenderer();
 * render() { return html`<ul>${repeat(items, (t) => t.id, (t, i) => this.cards.render(t, { index: i, … }))}</ul>`; }
 */
export class CardRenderer {
  private readonly nodes = new Map<string, { node: HTMLElement; rendered: Rendered }>();
  private words: { locale: string; labels: CardLabels } | undefined;

  /** The card words for the active locale, kept while it stays the same. */
  private labels(): CardLabels {
    const locale = getLocale();
    if (this.words?.locale !== locale) this.words = { locale, labels: cardLabels() };
    return this.words.labels;
  }

  /** The card node for `title` with `options`: the same node as last time, patched, when there was one. */
  render(title: TitleSummary, options: CardOptions): HTMLElement {
    const item = options.item !== undefined;
    const rendered: Rendered = {
      title,
      layout: options.layout,
      item,
      index: options.index,
      size: options.item?.size ?? 0,
      focusable: options.focusable,
      watchlist: options.watchlist,
      removable: options.removable,
      eager: options.eager === true,
      href: options.href ?? titleHref(title.id),
      apiBase: options.apiBase,
      labels: options.labels ?? this.labels(),
    };
    const kept = this.nodes.get(title.id);
    if (kept && kept.rendered.layout === rendered.layout && kept.rendered.item === item) {
      fill(kept.node, rendered, kept.rendered);
      kept.rendered = rendered;
      return kept.node;
    }
    const node = prototype(options.layout, item).cloneNode(true) as HTMLElement;
    fill(node, rendered, null);
    this.nodes.set(title.id, { node, rendered });
    return node;
  }

  /** Forgets the nodes of titles not in `keep` (call after rendering a window of a long list). */
  retain(keep: Iterable<string>): void {
    const ids = new Set(keep);
    for (const id of this.nodes.keys()) if (!ids.has(id)) this.nodes.delete(id);
  }
}
