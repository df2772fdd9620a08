import type { Transport } from '@reel/client';
import { historyHide, historyRestore, historyStreams, watchlistAdd, watchlistRemove } from '@reel/contracts';
import { emit } from '@reel/core';
import type {} from './events.js';

/**
 * Adds a title to the profile's list or removes it, then tells the page (`reel-watchlist-change`
 * on `window`), so every card of that title updates.
 */
export async function setInWatchlist(
  client: Transport,
  profileId: string,
  titleId: string,
  add: boolean,
): Promise<void> {
  if (add) await client.call(watchlistAdd, { params: { profile_id: profileId }, body: { title_id: titleId } });
  else await client.call(watchlistRemove, { params: { profile_id: profileId, title_id: titleId } });
  emit(window, 'reel-watchlist-change', { titleId, inWatchlist: add });
}

/**
 * Takes a title out of Continue Watching: hides the profile's unfinished viewings of it (they stay
 * restorable for 30 days). Resolves with an undo that restores exactly those entries.
 */
export async function removeFromContinueWatching(
  client: Transport,
  profileId: string,
  titleId: string,
): Promise<() => Promise<void>> {
  const page = await client.call(historyStreams, {
    params: { profile_id: profileId },
    query: { title_id: titleId, limit: 100 },
  });
  const hidden = page.items.filter((entry) => !entry.completed).map((entry) => entry.id);
  await Promise.all(hidden.map((id) => client.call(historyHide, { params: { profile_id: profileId, entry_id: id } })));
  emit(window, 'reel-continue-watching-change', { titleId, removed: true });
  return async () => {
    await Promise.all(
      hidden.map((id) => client.call(historyRestore, { params: { profile_id: profileId, entry_id: id } })),
    );
    emit(window, 'reel-continue-watching-change', { titleId, removed: false });
  };
}
