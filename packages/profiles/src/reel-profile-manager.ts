import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { ApiError } from '@reel/client';
import {
  type ManagedProfile,
  type ProfileAvatar,
  type ProfileLimit,
  profilesAvatars,
  profilesCreate,
  profilesDelete,
  profilesList,
  profilesUpdate,
} from '@reel/contracts';
import { emit, ReelElement, SessionConsumer, styleProps } from '@reel/core';
import type { ReelConfirmDialog, ReelTextField } from '@reel/ui';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { dialogStyles, pageStyles } from './profiles.styles.js';
import { moveFocus, renderTile } from './tiles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-profile-manager': ReelProfileManager;
  }
  interface GlobalEventHandlersEventMap {
    'reel-profile-created': CustomEvent<{ profile: ManagedProfile }>;
    'reel-profile-updated': CustomEvent<{ profile: ManagedProfile }>;
    'reel-profile-deleted': CustomEvent<{ profileId: string }>;
    'reel-profiles-done': CustomEvent<Record<string, never>>;
  }
}

/** Maturity levels offered, with their labels. */
const MATURITY = [0, 7, 10, 12, 13, 16, 18] as const;
const KIDS_MAX = 12;
const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
  { value: 'ar', label: 'العربية' },
  { value: 'fr', label: 'Français' },
  { value: 'de', label: 'Deutsch' },
  { value: 'pt', label: 'Português' },
  { value: 'ja', label: '日本語' },
];

function maturityLabel(level: number): string {
  return level === 0
    ? msg('All ages', { id: 'profiles.maturity.all' })
    : msg(str`${level}+`, { id: 'profiles.maturity.n' });
}

/** The plan's profile limit in words (and the plan that allows more). */
export function limitText(limit: ProfileLimit): string {
  const base = msg(
    str`Your ${limit.plan_name} plan allows ${limit.max_profiles} profiles, and you have ${limit.used}.`,
    {
      id: 'profiles.limit',
    },
  );
  return limit.upgrade
    ? `${base} ${msg(str`The ${limit.upgrade.plan_name} plan allows ${limit.upgrade.max_profiles}.`, { id: 'profiles.limit.upgrade' })}`
    : base;
}

interface Draft {
  id: string | null;
  name: string;
  avatar: string;
  language: string;
  isKids: boolean;
  maturity: number;
  /** 'keep' an existing PIN, 'set' a new one, or 'none'. */
  pinMode: 'keep' | 'set' | 'none';
  pin: string;
}

/**
 * Manage the account's profiles: every profile as a large tile with an edit overlay; add (within
 * the plan's limit, which is explained), edit (name, avatar, language, kids profile, maturity
 * rating, optional PIN) and delete (after confirming). Changes that loosen a profile, and deleting
 * one, ask for the password again through the `<reel-auth-provider>`.
 *
 * @summary The profile manager ("Manage profiles").
 * @tagname reel-profile-manager
 * @fires reel-profile-created - A profile was added; `detail: { profile }`.
 * @fires reel-profile-updated - A profile was changed; `detail: { profile }`.
 * @fires reel-profile-deleted - A profile was deleted; `detail: { profileId }`.
 * @fires reel-profiles-done - "Done" was pressed.
 * @csspart tile - Each profile tile.
 * @csspart editor - The edit dialog.
 * @cssproperty --reel-profiles-background - The page colour.
 * @cssproperty --reel-profiles-min-height - The element's minimum height (default: the viewport).
 */
export class ReelProfileManager extends ReelElement {
  static version = '1.0.0';
  static override styles = [pageStyles, dialogStyles];

  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  /** Opens the "Add profile" dialog once loaded (the shell's `?add` link). */
  @property({ type: Boolean, attribute: 'add' }) openAdd = false;

  @state() private draft: Draft | null = null;
  @state() private saving = false;
  @state() private problem = '';
  @state() private message = '';

  @query('reel-confirm-dialog') private confirmDialog?: ReelConfirmDialog;

  private readonly api = new SessionConsumer(this);

  private readonly profiles = new Task(this, {
    task: async ([client, signedIn], { signal }) => (signedIn ? client.call(profilesList, { signal }) : null),
    args: () => [this.api.client, this.api.signedIn] as const,
  });

  private readonly avatars = new Task(this, {
    task: async ([client], { signal }) => (await client.call(profilesAvatars, { signal })).items,
    args: () => [this.api.client] as const,
  });

  protected override updated(): void {
    const list = this.profiles.value;
    if (this.openAdd && list?.limit.can_create && !this.draft) {
      this.openAdd = false;
      this.startAdd(list);
    }
  }

  private avatarColor(key: string): string | undefined {
    return this.avatars.value?.find((a) => a.key === key)?.color;
  }

  private startAdd(list: { items: ManagedProfile[] }) {
    const avatars = this.avatars.value ?? [];
    const used = new Set(list.items.map((p) => p.avatar));
    const avatar = avatars.find((a) => !used.has(a.key) && a.group === 'classics')?.key ?? avatars[0]?.key ?? 'fox';
    this.openEditor({
      id: null,
      name: '',
      avatar,
      language: document.documentElement.lang?.slice(0, 2) || 'en',
      isKids: false,
      maturity: 18,
      pinMode: 'none',
      pin: '',
    });
  }

  private startEdit(profile: ManagedProfile) {
    this.openEditor({
      id: profile.id,
      name: profile.name,
      avatar: profile.avatar,
      language: profile.language,
      isKids: profile.is_kids,
      maturity: profile.maturity_level,
      pinMode: profile.has_pin ? 'keep' : 'none',
      pin: '',
    });
  }

  private openEditor(draft: Draft) {
    this.problem = '';
    this.draft = draft;
  }

  private closeEditor() {
    this.draft = null;
    this.problem = '';
  }

  private field(name: string) {
    return this.renderRoot.querySelector<ReelTextField>(`reel-text-field[name="${name}"]`);
  }

  private async save(event?: Event) {
    event?.preventDefault();
    const draft = this.draft;
    if (!draft || this.saving) return;
    this.problem = '';
    const name = this.field('name');
    const pin = this.field('pin');
    let invalid: ReelTextField | null = null;
    if (name)
      name.error = draft.name.trim() ? '' : msg('Give the profile a name.', { id: 'profiles.editor.name-needed' });
    if (name?.error) invalid = name;
    if (pin) {
      pin.error = /^\d{4}$/.test(draft.pin) ? '' : msg('A PIN is 4 digits.', { id: 'profiles.editor.pin-shape' });
      if (pin.error) invalid ??= pin;
    }
    if (invalid) {
      invalid.focus();
      return;
    }
    const maturity = draft.isKids ? Math.min(draft.maturity, KIDS_MAX) : draft.maturity;
    const pinValue = draft.pinMode === 'set' ? draft.pin : draft.pinMode === 'none' ? null : undefined;
    this.saving = true;
    try {
      const client = this.api.client;
      if (draft.id) {
        const original = this.profiles.value?.items.find((p) => p.id === draft.id);
        const profile = await client.call(profilesUpdate, {
          params: { profile_id: draft.id },
          body: {
            name: draft.name.trim(),
            avatar: draft.avatar,
            language: draft.language,
            is_kids: draft.isKids,
            maturity_level: maturity,
            ...(pinValue === undefined || (pinValue === null && !original?.has_pin) ? {} : { pin: pinValue }),
          },
        });
        emit(this, 'reel-profile-updated', { profile });
      } else {
        const profile = await client.call(profilesCreate, {
          body: {
            name: draft.name.trim(),
            avatar: draft.avatar,
            language: draft.language,
            is_kids: draft.isKids,
            maturity_level: maturity,
            ...(pinValue ? { pin: pinValue } : {}),
          },
        });
        emit(this, 'reel-profile-created', { profile });
      }
      this.closeEditor();
      await this.profiles.run();
    } catch (error) {
      await this.showProblem(error);
    } finally {
      this.saving = false;
    }
  }

  private async showProblem(error: unknown) {
    if (error instanceof ApiError) {
      if (error.code === 'entitlement_exceeded' && error.hint) {
        this.problem = limitText(error.hint as unknown as ProfileLimit);
      } else if (error.code === 'reauth_required') {
        this.problem = msg('Confirm it’s you to make this change.', { id: 'profiles.editor.reauth' });
      } else {
        const fields = error.fields;
        const name = this.field('name');
        if (name && fields.name)
          name.error = msg('Another profile already has this name.', { id: 'profiles.editor.name-taken' });
        this.problem = fields.name ? '' : error.message;
      }
    } else {
      this.problem = msg('Saving failed. Check your connection and try again.', { id: 'profiles.editor.failed' });
    }
    await this.updateComplete;
    if (this.field('name')?.error) this.field('name')?.focus();
  }

  private async confirmDelete() {
    const draft = this.draft;
    if (!draft?.id || !this.confirmDialog) return;
    const id = draft.id;
    this.confirmDialog.heading = msg(str`Delete ${draft.name.trim()}?`, { id: 'profiles.delete.heading' });
    this.confirmDialog.message = msg(
      'Its viewing history, My List, ratings and settings are deleted with it. This can’t be undone.',
      { id: 'profiles.delete.message' },
    );
    this.draft = null;
    if (!(await this.confirmDialog.ask())) {
      this.draft = draft;
      return;
    }
    try {
      await this.api.client.call(profilesDelete, { params: { profile_id: id } });
      emit(this, 'reel-profile-deleted', { profileId: id });
      this.message = '';
      await this.profiles.run();
    } catch (error) {
      this.message =
        error instanceof ApiError
          ? error.message
          : msg('Deleting failed. Try again.', { id: 'profiles.delete.failed' });
    }
  }

  private patchDraft(patch: Partial<Draft>) {
    if (this.draft) this.draft = { ...this.draft, ...patch };
  }

  private renderEditor(avatars: ProfileAvatar[]) {
    const draft = this.draft;
    if (!draft) return nothing;
    const current = avatars.find((a) => a.key === draft.avatar);
    const original = draft.id ? this.profiles.value?.items.find((p) => p.id === draft.id) : undefined;
    const maturityOptions = MATURITY.filter((m) => !draft.isKids || m <= KIDS_MAX).map((m) => ({
      value: String(m),
      label: maturityLabel(m),
    }));
    return html`<reel-dialog
      open
      part="editor"
      label=${draft.id ? msg('Edit profile', { id: 'profiles.editor.edit-title' }) : msg('Add a profile', { id: 'profiles.editor.add-title' })}
      @reel-dialog-close=${(e: Event) => {
        // A dialog removed from the page reports its close late: only the one shown counts.
        if ((e.target as Element).isConnected) this.closeEditor();
      }}
    >
      <form class="editor" novalidate @submit=${this.save} @keydown=${(e: KeyboardEvent) => {
        if (
          e.key === 'Enter' &&
          e.composedPath()[0] instanceof HTMLInputElement &&
          (e.composedPath()[0] as HTMLInputElement).type !== 'radio'
        ) {
          e.preventDefault();
          void this.save();
        }
      }}>
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
        <div class="editor-head">
          ${current ? html`<img src=${current.url} alt="" width="80" height="80" />` : nothing}
          <reel-text-field
            name="name"
            label=${msg('Name', { id: 'profiles.editor.name' })}
            required
            autocomplete="off"
            .value=${draft.name}
            @reel-input=${(e: CustomEvent<{ value: string }>) => this.patchDraft({ name: e.detail.value })}
          ></reel-text-field>
        </div>
        <fieldset>
          <legend>${msg('Avatar', { id: 'profiles.editor.avatar' })}</legend>
          <div class="avatars" role="radiogroup" aria-label=${msg('Avatar', { id: 'profiles.editor.avatar' })}>
            ${avatars.map(
              (a) => html`<label title=${a.label}>
                <input type="radio" name="avatar" .value=${a.key} .checked=${a.key === draft.avatar} aria-label=${a.label}
                  @change=${() => this.patchDraft({ avatar: a.key })} />
                <img src=${a.url} alt="" width="56" height="56" loading="lazy" ${styleProps({ background: a.color })} />
              </label>`,
            )}
          </div>
        </fieldset>
        <div class="two">
          <reel-select
            name="language"
            label=${msg('Language', { id: 'profiles.editor.language' })}
            .options=${LANGUAGES}
            .value=${LANGUAGES.some((l) => l.value === draft.language) ? draft.language : 'en'}
            @reel-change=${(e: CustomEvent<{ value: string }>) => this.patchDraft({ language: e.detail.value })}
          ></reel-select>
          <reel-select
            name="maturity"
            label=${msg('Maturity rating', { id: 'profiles.editor.maturity' })}
            help-text=${draft.isKids ? msg('Kids profiles go up to 12+.', { id: 'profiles.editor.kids-max' }) : ''}
            .options=${maturityOptions}
            .value=${String(draft.isKids ? Math.min(draft.maturity, KIDS_MAX) : draft.maturity)}
            @reel-change=${(e: CustomEvent<{ value: string }>) => this.patchDraft({ maturity: Number(e.detail.value) })}
          ></reel-select>
        </div>
        <reel-switch
          name="kids"
          .checked=${draft.isKids}
          help-text=${msg('Only titles for children, with a simpler look.', { id: 'profiles.editor.kids-help' })}
          @reel-change=${(e: CustomEvent<{ checked?: boolean }>) => {
            const isKids = e.detail.checked ?? false;
            this.patchDraft({ isKids, maturity: isKids ? Math.min(draft.maturity, 7) : draft.maturity });
          }}
        >${msg('Kids profile', { id: 'profiles.editor.kids' })}</reel-switch>
        <reel-switch
          name="pin-lock"
          .checked=${draft.pinMode !== 'none'}
          @reel-change=${(e: CustomEvent<{ checked?: boolean }>) =>
            this.patchDraft({ pinMode: e.detail.checked ? (original?.has_pin ? 'keep' : 'set') : 'none', pin: '' })}
        >${msg('Profile lock (4-digit PIN)', { id: 'profiles.editor.pin-lock' })}</reel-switch>
        ${
          draft.pinMode === 'keep'
            ? html`<p class="note">
                ${msg('This profile has a PIN.', { id: 'profiles.editor.has-pin' })}
                <reel-button size="sm" variant="ghost" @click=${() => this.patchDraft({ pinMode: 'set' })}>${msg('Change PIN', { id: 'profiles.editor.change-pin' })}</reel-button>
              </p>`
            : draft.pinMode === 'set'
              ? html`<reel-text-field
                  name="pin"
                  type="password"
                  label=${msg('New PIN', { id: 'profiles.editor.pin' })}
                  inputmode="numeric"
                  autocomplete="off"
                  pattern="[0-9]*"
                  help-text=${msg('Asked when someone switches to this profile.', { id: 'profiles.editor.pin-help' })}
                  .value=${draft.pin}
                  @reel-input=${(e: CustomEvent<{ value: string }>) => this.patchDraft({ pin: e.detail.value.replace(/\D/g, '') })}
                ></reel-text-field>`
              : nothing
        }
      </form>
      ${
        draft.id && !original?.is_primary
          ? html`<reel-button slot="footer" class="footer-start" variant="ghost" @click=${() => this.confirmDelete()}>
              <reel-icon slot="start" name="trash"></reel-icon>${msg('Delete profile', { id: 'profiles.editor.delete' })}
            </reel-button>`
          : nothing
      }
      <reel-button slot="footer" variant="secondary" @click=${() => this.closeEditor()}>${msg('Cancel', { id: 'profiles.editor.cancel' })}</reel-button>
      <reel-button slot="footer" variant="primary" ?loading=${this.saving} @click=${() => this.save()}>${msg('Save', { id: 'profiles.editor.save' })}</reel-button>
    </reel-dialog>`;
  }

  protected override render() {
    if (this.api.session && !this.api.signedIn) {
      return html`<div class="page"><h1>${msg('Sign in to manage profiles', { id: 'profiles.signed-out' })}</h1></div>`;
    }
    return html`<div class="page">
      ${this.renderTask(this.profiles, {
        pending: () => this.renderLoading({ lines: 2 }),
        isEmpty: (v) => v === null,
        complete: (list) => {
          if (!list) return nothing;
          const canCreate = list.limit.can_create;
          return html`
            <h1 id="title" tabindex="-1">${msg('Manage profiles', { id: 'profiles.manage.title' })}</h1>
            <ul class="tiles" aria-labelledby="title" @keydown=${(e: KeyboardEvent) => moveFocus(e, this.renderRoot)}>
              ${list.items.map((p, i) =>
                renderTile(p, {
                  manage: true,
                  tabIndex: i === 0 ? 0 : -1,
                  onClick: () => this.startEdit(p),
                  color: this.avatarColor(p.avatar),
                }),
              )}
              ${
                canCreate
                  ? html`<li>
                      <button type="button" class="tile add" tabindex="-1" @click=${() => this.startAdd(list)}>
                        <span class="avatar"><reel-icon name="plus"></reel-icon></span>
                        <span class="name">${msg('Add profile', { id: 'profiles.add' })}</span>
                      </button>
                    </li>`
                  : nothing
              }
            </ul>
            ${canCreate ? nothing : html`<p class="limit" role="note"><strong>${msg('Profile limit reached.', { id: 'profiles.limit.reached' })}</strong> ${limitText(list.limit)}</p>`}
            ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
            <div class="actions">
              <reel-button class="manage-button" variant="inverse" @click=${() => emit(this, 'reel-profiles-done', {})}>${msg('Done', { id: 'profiles.done' })}</reel-button>
            </div>
          `;
        },
      })}
      ${this.renderEditor(this.avatars.value ?? [])}
      <reel-confirm-dialog danger confirm-label=${msg('Delete', { id: 'profiles.delete.confirm' })}></reel-confirm-dialog>
    </div>`;
  }

  /** Opens the "Add a profile" dialog (when the plan allows another profile). */
  add(): void {
    const list = this.profiles.value;
    if (list?.limit.can_create) this.startAdd(list);
    else this.openAdd = true;
  }
}
