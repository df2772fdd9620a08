import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { type ManagedProfile, profilesList } from '@reel/contracts';
import { emit, ReelElement, SessionConsumer } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styles } from './reel-profile-menu.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-profile-menu': ReelProfileMenu;
  }
}

/**
 * The avatar menu of the top bar: the active profile, the other profiles (switch in place), manage
 * profiles, account, and sign out. A profile with a PIN opens the profile picker to ask for it.
 *
 * @summary The signed-in user's profile and account menu.
 * @tagname reel-profile-menu
 * @fires reel-navigate - To the account pages, or the picker for a PIN-protected profile.
 */
const PROFILE_EVENTS = ['reel-profile-created', 'reel-profile-updated', 'reel-profile-deleted'] as const;

export class ReelProfileMenu extends ReelElement {
  static override styles = styles;

  private readonly api = new SessionConsumer(this);
  @state() private switching = false;

  private readonly profiles = new Task(this, {
    task: async ([client, userId]) => (userId ? client.call(profilesList) : null),
    args: () => [this.api.client, this.api.session?.user?.id ?? null, this.api.profileId] as const,
  });

  // The profile manager (another package) adds, edits and deletes profiles: follow it.
  private readonly onProfilesChanged = () => void this.profiles.run();

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of PROFILE_EVENTS) window.addEventListener(type, this.onProfilesChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of PROFILE_EVENTS) window.removeEventListener(type, this.onProfilesChanged);
  }

  /** The profiles of the account, once loaded (the shell reads the active one's language). */
  get profileList(): readonly ManagedProfile[] {
    return this.profiles.value?.items ?? [];
  }

  private async choose(value: string) {
    const session = this.api.session;
    if (!session) return;
    if (value.startsWith('profile:')) {
      const id = value.slice('profile:'.length);
      const profile = this.profileList.find((p) => p.id === id);
      if (profile?.has_pin) {
        emit(this, 'reel-navigate', { href: `/profiles?${new URLSearchParams({ switch: id }).toString()}` });
        return;
      }
      this.switching = true;
      try {
        await session.switchProfile(id);
      } catch {
        emit(this, 'reel-navigate', { href: '/profiles' });
      } finally {
        this.switching = false;
      }
    } else if (value === 'sign-out') {
      await session.signOut();
      emit(this, 'reel-navigate', { href: '/sign-in', replace: true });
    } else {
      emit(this, 'reel-navigate', { href: value });
    }
  }

  private avatar(profile: ManagedProfile | undefined, slot?: string) {
    if (profile)
      return html`<img class="avatar" slot=${ifDefined(slot)} src=${profile.avatar_url} alt="" width="32" height="32" />`;
    const initial = (this.api.session?.user?.display_name ?? '?').trim().charAt(0).toUpperCase();
    return html`<span class="avatar placeholder" slot=${ifDefined(slot)} aria-hidden="true">${initial}</span>`;
  }

  override render() {
    const session = this.api.session;
    if (session?.status !== 'signed-in') return nothing;
    const profiles = this.profileList;
    const active = profiles.find((p) => p.id === session.profileId);
    const others = profiles.filter((p) => p.id !== session.profileId);
    const name = active?.name ?? session.user?.display_name ?? '';
    return html`<reel-menu
      placement="end"
      variant="ghost"
      label=${msg(str`Account menu, ${name}`, { id: 'shell.menu.label' })}
      ?disabled=${this.switching}
      @reel-select=${(event: CustomEvent<{ value: string }>) => void this.choose(event.detail.value)}
    >
      <span class="trigger" slot="trigger">${this.avatar(active)}<reel-icon class="chevron" name="chevron-down"></reel-icon></span>
      ${others.map(
        (p) => html`<reel-menu-item value=${`profile:${p.id}`}
          >${this.avatar(p, 'start')}${p.name}${p.has_pin ? html`<reel-icon slot="end" name="lock"></reel-icon>` : nothing}</reel-menu-item
        >`,
      )}
      <reel-menu-item value="/account/profiles"><reel-icon slot="start" name="edit"></reel-icon>${msg('Manage profiles', { id: 'shell.menu.manage' })}</reel-menu-item>
      <reel-menu-item value="/profiles"><reel-icon slot="start" name="user"></reel-icon>${msg('Switch profile', { id: 'shell.menu.switch' })}</reel-menu-item>
      <reel-menu-item value="/account"><reel-icon slot="start" name="settings"></reel-icon>${msg('Account', { id: 'shell.menu.account' })}</reel-menu-item>
      <reel-menu-item value="/my-list"><reel-icon slot="start" name="bookmark"></reel-icon>${msg('My List', { id: 'shell.route.my-list' })}</reel-menu-item>
      <reel-menu-item value="sign-out"><reel-icon slot="start" name="logout"></reel-icon>${msg('Sign out of Reel', { id: 'shell.menu.sign-out' })}</reel-menu-item>
    </reel-menu>`;
  }
}
