import { msg } from '@lit/localize';
import type { ManagedProfile } from '@reel/contracts';
import { styleProps } from '@reel/core';
import { html, nothing } from 'lit';

/** A profile tile: the avatar, the name, a kids chip and a lock for a PIN. */
export function renderTile(
  profile: ManagedProfile,
  options: { manage: boolean; tabIndex: number; onClick: () => void; color?: string | undefined },
) {
  return html`<li>
    <button
      type="button"
      class="tile ${profile.is_active ? 'active' : ''}"
      part="tile"
      data-profile=${profile.id}
      tabindex=${options.tabIndex}
      aria-current=${profile.is_active ? 'true' : 'false'}
      @click=${options.onClick}
    >
      <span class="avatar" ${styleProps({ '--avatar-color': options.color ?? null })}>
        <img src=${profile.avatar_url} alt="" width="200" height="200" decoding="async" />
        ${
          profile.is_kids || profile.has_pin
            ? html`<span class="badges" aria-hidden="true">
                ${profile.is_kids ? html`<span class="chip">${msg('Kids', { id: 'profiles.kids' })}</span>` : nothing}
                ${profile.has_pin ? html`<span class="chip lock"><reel-icon name="lock"></reel-icon></span>` : nothing}
              </span>`
            : nothing
        }
        ${options.manage ? html`<span class="overlay"><reel-icon name="edit"></reel-icon></span>` : nothing}
      </span>
      <span class="name">${profile.name}</span>${
        profile.is_kids
          ? html`<span class="visually-hidden">, ${msg('kids profile', { id: 'profiles.tile.kids' })}</span>`
          : nothing
      }${
        profile.has_pin
          ? html`<span class="visually-hidden">, ${msg('locked with a PIN', { id: 'profiles.tile.locked' })}</span>`
          : nothing
      }${options.manage ? html`<span class="visually-hidden">, ${msg('edit', { id: 'profiles.tile.edit' })}</span>` : nothing}
    </button>
  </li>`;
}

/**
 * Arrow keys across the tiles (a roving tabindex: one tile in the Tab order). Left/Up go back,
 * Right/Down forward (mirrored right to left), Home and End to the ends.
 */
export function moveFocus(event: KeyboardEvent, root: ParentNode): void {
  const tiles = [...root.querySelectorAll<HTMLButtonElement>('button.tile:not(:disabled)')];
  const current = tiles.indexOf(event.target as HTMLButtonElement);
  if (current < 0) return;
  const rtl = getComputedStyle(event.target as Element).direction === 'rtl';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  let next = current;
  if (event.key === back || event.key === 'ArrowUp') next = current - 1;
  else if (event.key === forward || event.key === 'ArrowDown') next = current + 1;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = tiles.length - 1;
  else return;
  event.preventDefault();
  next = (next + tiles.length) % tiles.length;
  for (const [i, tile] of tiles.entries()) tile.tabIndex = i === next ? 0 : -1;
  tiles[next]?.focus();
}
