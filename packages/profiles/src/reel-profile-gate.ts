import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { ApiError } from '@reel/client';
import { type ManagedProfile, profilesAvatars, profilesList } from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import type { ReelTextField } from '@reel/ui';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { dialogStyles, pageStyles } from './profiles.styles.js';
import { limitText } from './reel-profile-manager.js';
import { moveFocus, renderTile } from './tiles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-profile-gate': ReelProfileGate;
  }
  interface GlobalEventHandlersEventMap {
    'reel-profile-selected': CustomEvent<{ profile: ManagedProfile; next: string | null }>;
  }
}

/** A same-site path, or null (no open redirects through `next`). */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

/** Renders a tile-shaped placeholder row while the profiles load. */
const skeleton = () =>
  html`<ul class="tiles" aria-busy="true">
    ${[0, 1, 2].map(
      () =>
        html`<li><span class="tile"><span class="avatar skeleton"></span><span class="name">&nbsp;</span></span></li>`,
    )}
  </ul>`;

/**
 * "Who's watching?": the account's profiles as large avatar tiles. Choosing one switches the whole
 * page to it through the `<reel-auth-provider>` (every profile-scoped element follows, without a
 * reload); a profile with a PIN asks for it on a PIN pad first. "Manage profiles" turns the page
 * into the profile manager (edit overlays, add, delete).
 *
 * @summary The "Who's watching?" profile picker.
 * @tagname reel-profile-gate
 * @fires reel-profile-selected - The page now acts for this profile; `detail: { profile, next }`. Then `reel-navigate` to `next` (default `/`).
 * @fires reel-navigate - Where to go after choosing; cancel it to route it yourself.
 * @csspart tile - Each profile tile.
 * @csspart pin-dialog - The PIN pad dialog.
 * @cssproperty --reel-profiles-background - The page colour.
 * @cssproperty --reel-profiles-min-height - The element's minimum height (default: the viewport).
 */
export class ReelProfileGate extends ReelElement {
  static version = '1.0.0';
  static override styles = [pageStyles, dialogStyles];

  /** Where to go once a profile is chosen (a same-site path; default `/`). Also read from `?next=`. */
  @property() next: string | null = null;

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** Manage mode: the profile manager in place of the picker. Reflected. */
  @property({ type: Boolean, reflect: true }) manage = false;

  /** A profile to switch to as soon as the list is loaded (asking its PIN); also read from `?switch=`. */
  @property({ attribute: 'switch' }) switchId: string | null = null;

  @state() private locked: ManagedProfile | null = null;
  @state() private pin = '';
  @state() private pinError = '';
  @state() private switching: string | null = null;
  @state() private message = '';

  private readonly api = new SessionConsumer(this);

  private readonly profiles = new Task(this, {
    task: async ([client, signedIn], { signal }) => (signedIn ? client.call(profilesList, { signal }) : null),
    args: () => [this.api.client, this.api.signedIn] as const,
  });

  private readonly avatars = new Task(this, {
    task: async ([client], { signal }) => (await client.call(profilesAvatars, { signal })).items,
    args: () => [this.api.client] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.next === null && typeof location !== 'undefined')
      this.next = new URLSearchParams(location.search).get('next');
  }

  private choose(profile: ManagedProfile) {
    this.message = '';
    if (profile.has_pin) {
      this.locked = profile;
      this.pin = '';
      this.pinError = '';
      return;
    }
    void this.switchTo(profile);
  }

  private async switchTo(profile: ManagedProfile, pin?: string) {
    const session = this.api.session;
    if (!session) return;
    this.switching = profile.id;
    try {
      await session.switchProfile(profile.id, pin);
      this.locked = null;
      const next = safeNext(this.next);
      emit(this, 'reel-profile-selected', { profile, next });
      const navigate = emit(this, 'reel-navigate', { href: next ?? '/' }, { cancelable: true });
      if (!navigate.defaultPrevented && next) window.location.assign(next);
    } catch (error) {
      const text = this.problemText(error);
      if (this.locked) {
        this.pinError = text;
        this.pin = '';
        await this.updateComplete;
        this.pinField()?.focus();
      } else {
        this.message = text;
      }
    } finally {
      this.switching = null;
    }
  }

  private problemText(error: unknown): string {
    if (error instanceof ApiError) {
      if (error.code === 'pin_incorrect') {
        const left = error.hint?.attempts_left;
        return typeof left === 'number'
          ? msg(str`That PIN is not right. ${left} tries left.`, { id: 'profiles.pin.wrong-left' })
          : msg('That PIN is not right.', { id: 'profiles.pin.wrong' });
      }
      if (error.status === 423) {
        const wait = Number(error.hint?.retry_after ?? error.retryAfter ?? 0);
        return msg(str`Too many wrong PINs. Try again in ${Math.ceil(wait / 60)} min.`, { id: 'profiles.pin.locked' });
      }
      return error.message;
    }
    return msg('Switching failed. Check your connection and try again.', { id: 'profiles.switch.failed' });
  }

  private pinField() {
    return this.renderRoot.querySelector<ReelTextField>('reel-text-field[name="pin"]');
  }

  private press(digit: string) {
    if (this.switching) return;
    if (digit === 'back') this.pin = this.pin.slice(0, -1);
    else if (this.pin.length < 4) this.pin += digit;
    this.pinError = '';
    if (this.pin.length === 4 && this.locked) void this.switchTo(this.locked, this.pin);
  }

  private renderPinPad() {
    const profile = this.locked;
    if (!profile) return nothing;
    const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', 'back'];
    return html`<reel-dialog
      open
      size="sm"
      part="pin-dialog"
      label=${msg(str`Enter the PIN for ${profile.name}`, { id: 'profiles.pin.title' })}
      @reel-dialog-close=${(e: Event) => {
        if ((e.target as Element).isConnected) this.locked = null;
      }}
    >
      <div class="pin-body">
        <img class="pin-avatar" src=${profile.avatar_url} alt="" width="72" height="72" />
        <p>${msg('This profile is locked.', { id: 'profiles.pin.lead' })}</p>
        <reel-text-field
          class="pin-field"
          name="pin"
          type="password"
          label=${msg('PIN', { id: 'profiles.pin.label' })}
          inputmode="numeric"
          autocomplete="off"
          .error=${this.pinError}
          .value=${this.pin}
          ?disabled=${this.switching !== null}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.pin = e.detail.value.replace(/\D/g, '').slice(0, 4);
            this.pinError = '';
            if (this.pin.length === 4 && this.locked) void this.switchTo(this.locked, this.pin);
          }}
        ></reel-text-field>
        <div class="keypad" role="group" aria-label=${msg('PIN pad', { id: 'profiles.pin.pad' })}>
          ${keys.map((k) =>
            k === ''
              ? html`<span></span>`
              : html`<button
                  type="button"
                  tabindex="-1"
                  aria-label=${k === 'back' ? msg('Delete last digit', { id: 'profiles.pin.back' }) : k}
                  @click=${() => this.press(k)}
                >${k === 'back' ? html`<reel-icon name="arrow-left"></reel-icon>` : k}</button>`,
          )}
        </div>
      </div>
    </reel-dialog>`;
  }

  private renderPicker() {
    return this.renderTask(this.profiles, {
      pending: skeleton,
      isEmpty: (v) => v === null,
      empty: () => html`<h1>${msg('Sign in to choose a profile', { id: 'profiles.gate.signed-out' })}</h1>`,
      complete: (list) => {
        if (!list) return nothing;
        const activeIndex = Math.max(
          0,
          list.items.findIndex((p) => p.is_active),
        );
        const colors = new Map((this.avatars.value ?? []).map((a) => [a.key, a.color]));
        return html`
          <h1 id="title" tabindex="-1">${msg('Who’s watching?', { id: 'profiles.gate.title' })}</h1>
          <ul class="tiles" aria-labelledby="title" @keydown=${(e: KeyboardEvent) => moveFocus(e, this.renderRoot)}>
            ${list.items.map((p, i) =>
              renderTile(p, {
                manage: false,
                tabIndex: i === activeIndex ? 0 : -1,
                onClick: () => this.choose(p),
                color: colors.get(p.avatar),
              }),
            )}
            ${
              list.limit.can_create
                ? html`<li>
                    <button type="button" class="tile add" tabindex="-1" @click=${() => this.openManager(true)}>
                      <span class="avatar"><reel-icon name="plus"></reel-icon></span>
                      <span class="name">${msg('Add profile', { id: 'profiles.add' })}</span>
                    </button>
                  </li>`
                : nothing
            }
          </ul>
          ${list.limit.can_create ? nothing : html`<p class="limit" role="note">${limitText(list.limit)}</p>`}
          ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
          <div class="actions">
            <reel-button class="manage-button" variant="outline" @click=${() => this.openManager(false)}>
              ${msg('Manage profiles', { id: 'profiles.gate.manage' })}
            </reel-button>
          </div>
        `;
      },
    });
  }

  private async openManager(add: boolean) {
    this.manage = true;
    await this.updateComplete;
    const manager = this.renderRoot.querySelector('reel-profile-manager');
    if (add) manager?.add();
  }

  private async closeManager() {
    this.manage = false;
    await this.profiles.run();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override render() {
    if (this.manage) {
      return html`<reel-profile-manager
        .apiBase=${this.apiBase}
        @reel-profiles-done=${() => this.closeManager()}
      ></reel-profile-manager>`;
    }
    return html`<div class="page">${this.renderPicker()}</div>${this.renderPinPad()}`;
  }
}
