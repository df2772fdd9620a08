// The card element, the card template rails reuse, and the discovery helpers, with no side
// effects: importing this registers nothing. `@reel/title-card/define` registers the element.
export { removeFromContinueWatching, setInWatchlist } from './actions.js';
export { cardStyles, previewStyles } from './card.styles.js';
export { CardActions, type CardOwner } from './card-actions.js';
export { CardRenderer } from './card-dom.js';
export {
  CardAction,
  type CardLabels,
  CardLayout,
  type CardOptions,
  cardHref,
  cardLabels,
  icon,
  metaParts,
  type PreviewOptions,
  progressPercent,
  renderCardSkeleton,
  renderPreview,
  type SpriteFrame,
  titleHref,
  watchHref,
} from './card-template.js';
export type { CardSelectEvent, DiscoveryEventMap } from './events.js';
export {
  FOCUS_DELAY,
  HOVER_DELAY,
  HoverPreview,
  isTouch,
  type PreviewOrigin,
  placePreview,
  rememberPointer,
} from './hover-preview.js';
export { artworkSrcset, mediaUrl } from './media.js';
export { ReelTitleCard } from './reel-title-card.js';
export { ScrollRestore } from './scroll-restore.js';
export { SpritePlayer, spriteFrame } from './sprite.js';
export { registerCardTranslations } from './translations.js';
