import { msg, str } from '@lit/localize';
import type { Progress, TitleSummary } from '@reel/contracts';
import { emit, type SessionConsumer } from '@reel/core';
import { announce, toast } from '@reel/ui';
import { removeFromContinueWatching, setInWatchlist } from './actions.js';
import { CardAction } from './card-template.js';
import type { CardSelectEvent } from './events.js';

/** Resolves after the next frame is painted. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** What an element that shows cards lets {@link CardActions} do to its data. */
export interface CardOwner {
  /** The element the requests are fired from (the card or the rail). */
  readonly host: HTMLElement;
  readonly api: SessionConsumer;
  /** The title shown with this id, if it is shown here. */
  find(id: string): TitleSummary | undefined;
  /** Changes fields of a shown title (and re-renders). */
  patch(id: string, patch: Partial<TitleSummary>): void;
  /** Takes a title out of the list (Continue Watching's "Remove from row"). */
  drop?(id: string): void;
  /** Puts a dropped title back (undo). */
  restore?(id: string): void;
}

/**
 * The behaviour behind a card's buttons, shared by `<reel-title-card>` and `<reel-rail>`: one
 * click listener for every card (event delegation on `data-action` and `data-id`), the
 * cancelable requests, optimistic updates that paint at once and are undone when the server
 * refuses, toasts and screen-reader announcements, and the page-wide sync of watchlist and
 * progress changes made elsewhere.
 */
export class CardActions {
  constructor(private readonly owner: CardOwner) {}

  /** Handles a click inside the owner's shadow root; returns whether a card action took it. */
  handleClick(event: MouseEvent): boolean {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return false;
    const button = target.closest<HTMLElement>('[data-action]');
    const id = target.closest<HTMLElement>('[data-id]')?.dataset.id;
    if (!id) return false;
    const title = this.owner.find(id);
    if (!title) return false;
    if (!button) {
      // The card's own link: the host may take the choice (a partner page routes it itself).
      if (!target.closest('a[href]')) return false;
      const select: CardSelectEvent = new CustomEvent('reel-select', {
        detail: { value: title.id, titleId: title.id, title },
        bubbles: true,
        composed: true,
        cancelable: true,
      });
      this.owner.host.dispatchEvent(select);
      if (select.defaultPrevented) event.preventDefault();
      return true;
    }
    switch (button.dataset.action) {
      case CardAction.watchlist:
        event.preventDefault();
        void this.toggleWatchlist(title);
        return true;
      case CardAction.remove:
        event.preventDefault();
        void this.removeFromRow(title);
        return true;
      case CardAction.play: {
        const request = emit(
          this.owner.host,
          'reel-title-play-request',
          { titleId: title.id, ...(title.progress?.episode_id ? { episodeId: title.progress.episode_id } : {}) },
          { cancelable: true },
        );
        if (request.defaultPrevented) event.preventDefault();
        return true;
      }
      default:
        return false;
    }
  }

  /** Adds or removes the title from My List (asks first through `reel-watchlist-toggle-request`). */
  async toggleWatchlist(title: TitleSummary): Promise<void> {
    const add = title.in_watchlist !== true;
    const request = emit(
      this.owner.host,
      'reel-watchlist-toggle-request',
      { titleId: title.id, add },
      { cancelable: true },
    );
    if (request.defaultPrevented) return;
    const profileId = this.owner.api.profileId;
    if (!profileId) return;
    this.owner.patch(title.id, { in_watchlist: add });
    try {
      // The new state is painted first; the request starts right after that frame.
      await afterPaint();
      await setInWatchlist(this.owner.api.client, profileId, title.id, add);
      announce(
        add
          ? msg(str`Added ${title.name} to My List`, { id: 'title-card.watchlist.added' })
          : msg(str`Removed ${title.name} from My List`, { id: 'title-card.watchlist.removed' }),
      );
    } catch {
      this.owner.patch(title.id, { in_watchlist: !add });
      toast({
        variant: 'error',
        message: msg(str`Couldn’t update My List for ${title.name}. Please try again.`, {
          id: 'title-card.watchlist.failed',
        }),
      });
    }
  }

  /** Takes the title out of Continue Watching, with Undo (asks first through a request event). */
  async removeFromRow(title: TitleSummary): Promise<void> {
    const request = emit(
      this.owner.host,
      'reel-continue-watching-remove-request',
      { titleId: title.id },
      { cancelable: true },
    );
    if (request.defaultPrevented) return;
    const profileId = this.owner.api.profileId;
    if (!profileId) return;
    this.owner.drop?.(title.id);
    try {
      const undo = await removeFromContinueWatching(this.owner.api.client, profileId, title.id);
      toast({
        message: msg(str`Removed ${title.name} from Continue Watching`, { id: 'title-card.removed' }),
        actionLabel: msg('Undo', { id: 'title-card.undo' }),
        onAction: () => {
          this.owner.restore?.(title.id);
          undo().catch(() => {
            this.owner.drop?.(title.id);
            toast({ variant: 'error', message: msg('Couldn’t undo that.', { id: 'title-card.undo.failed' }) });
          });
        },
      });
    } catch {
      this.owner.restore?.(title.id);
      toast({
        variant: 'error',
        message: msg(str`Couldn’t remove ${title.name}. Please try again.`, { id: 'title-card.remove.failed' }),
      });
    }
  }

  /** Listens on `window` for changes made elsewhere on the page; returns the unsubscribe. */
  listen(): () => void {
    const onWatchlist = (event: CustomEvent<{ titleId: string; inWatchlist: boolean }>) => {
      const title = this.owner.find(event.detail.titleId);
      if (title && title.in_watchlist !== event.detail.inWatchlist) {
        this.owner.patch(title.id, { in_watchlist: event.detail.inWatchlist });
      }
    };
    const onProgress = (event: CustomEvent<{ titleId: string; progress: Progress | null }>) => {
      const title = this.owner.find(event.detail.titleId);
      if (title) this.owner.patch(title.id, { progress: event.detail.progress ?? undefined });
    };
    window.addEventListener('reel-watchlist-change', onWatchlist);
    window.addEventListener('reel-progress-change', onProgress);
    return () => {
      window.removeEventListener('reel-watchlist-change', onWatchlist);
      window.removeEventListener('reel-progress-change', onProgress);
    };
  }
}
