import { msg, str } from '@lit/localize';
import {
  type AdminRole,
  AdminRoleInput,
  adminPermissionsCreateRole,
  adminPermissionsDeleteRole,
  adminPermissionsList,
  adminPermissionsRoles,
  adminPermissionsUpdateRole,
  type Permission,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { errorUnder, validate } from '../form.js';
import { problemOf } from '../panel.js';
import { PlatformPanel, platformStyles } from './staff-common.js';

interface PermissionInfo {
  name: Permission;
  group: string;
  description: string;
}

interface Draft {
  name: string;
  label: string;
  description: string;
  permissions: Permission[];
}

/**
 * Roles as sets of named permissions: the built-in roles (read-only) and custom ones, as a
 * matrix of every permission against every role, and a form to create, edit or delete a custom
 * role with its permissions grouped by area. Members' permissions change on their next request.
 *
 * @summary Admin roles and permissions.
 */
export class ReelAdminPermissions extends PlatformPanel {
  static override styles = [
    ...PlatformPanel.styles,
    platformStyles,
    css`
      .layout {
        display: grid;
        gap: var(--reel-space-4);
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 64rem) {
        .layout.editing {
          grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr);
          align-items: start;
        }
      }
      table.matrix th[scope='col'] {
        text-align: center;
        white-space: nowrap;
      }
      table.matrix th[scope='row'] {
        min-inline-size: 11rem;
        position: sticky;
        inset-inline-start: 0;
        background: var(--reel-color-surface);
        font-weight: var(--reel-font-weight-regular, 400);
        color: var(--reel-color-text);
      }
      table.matrix th.start {
        text-align: start;
      }
      table.matrix td.mark {
        text-align: center;
      }
      table.matrix tr.group th {
        color: var(--reel-color-text);
        background: var(--reel-color-surface-raised, transparent);
        font-size: var(--reel-font-size-xs);
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      table.matrix th[scope='col'] reel-button {
        --reel-button-padding-inline: var(--reel-space-2);
      }
      .perm-name {
        font-family: var(--reel-font-family-mono);
        font-size: var(--reel-font-size-xs);
        color: var(--reel-color-text-muted);
      }
      .yes {
        color: var(--reel-color-success);
        font-weight: var(--reel-font-weight-bold);
      }
      .groups {
        display: grid;
        gap: var(--reel-space-4);
      }
    `,
  ];

  @state() private permissions: PermissionInfo[] = [];
  @state() private roles: AdminRole[] = [];
  @state() private editing: AdminRole | null = null;
  @state() private creating = false;
  @state() private draft: Draft = { name: '', label: '', description: '', permissions: [] };
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private loadError = '';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  private async reload(): Promise<void> {
    try {
      const [perms, roles] = await Promise.all([
        this.client.call(adminPermissionsList, {}),
        this.client.call(adminPermissionsRoles, { query: {} }),
      ]);
      this.permissions = perms.items as PermissionInfo[];
      this.roles = roles.items;
      this.loadError = '';
    } catch (error) {
      this.loadError = problemOf(error).message;
    }
  }

  private get groups(): [string, PermissionInfo[]][] {
    const out = new Map<string, PermissionInfo[]>();
    for (const p of this.permissions) out.set(p.group, [...(out.get(p.group) ?? []), p]);
    return [...out];
  }

  private startCreate(): void {
    this.editing = null;
    this.creating = true;
    this.draft = { name: '', label: '', description: '', permissions: ['dashboard.view'] };
    this.errors = {};
    this.formError = '';
    this.focusEditor();
  }

  private startEdit(role: AdminRole): void {
    this.editing = role;
    this.creating = false;
    this.draft = {
      name: role.name,
      label: role.label,
      description: role.description,
      permissions: [...role.permissions],
    };
    this.errors = {};
    this.formError = '';
    this.focusEditor();
  }

  private focusEditor(): void {
    void this.updateComplete.then(() => {
      const h = this.renderRoot.querySelector('#role-heading') as HTMLElement | null;
      h?.focus();
      h?.scrollIntoView?.({ block: 'nearest' });
    });
  }

  private close(): void {
    this.editing = null;
    this.creating = false;
  }

  private toggle(name: Permission, on: boolean): void {
    const set = new Set(this.draft.permissions);
    if (on) set.add(name);
    else set.delete(name);
    this.draft = { ...this.draft, permissions: [...set] };
  }

  private async save(event?: Event): Promise<void> {
    event?.preventDefault();
    const body = {
      name: this.draft.name.trim(),
      label: this.draft.label.trim(),
      description: this.draft.description.trim(),
      permissions: this.draft.permissions,
    };
    this.errors = validate(AdminRoleInput as never, body);
    if (this.errors.permissions)
      this.errors = { ...this.errors, permissions: msg('Choose at least one permission', { id: 'admin.roles.pick' }) };
    if (this.errors.name)
      this.errors = {
        ...this.errors,
        name: msg('Lower-case letters, digits and _, starting with a letter', { id: 'admin.roles.name-rule' }),
      };
    if (Object.keys(this.errors).length) {
      this.formError = msg('Check the highlighted fields.', { id: 'admin.form.check' });
      return;
    }
    this.busy = true;
    this.formError = '';
    try {
      if (this.creating) await this.client.call(adminPermissionsCreateRole, { body });
      else if (this.editing) {
        const { name: _name, ...update } = body;
        await this.client.call(adminPermissionsUpdateRole, { params: { id: this.editing.id }, body: update });
      }
      this.notify(msg('Role saved: members get the change on their next request', { id: 'admin.roles.saved' }));
      this.close();
      await this.reload();
    } catch (error) {
      const p = problemOf(error);
      this.formError = p.message;
      this.errors = p.fields;
    } finally {
      this.busy = false;
    }
  }

  private async deleteRole(): Promise<void> {
    const role = this.editing;
    if (!role) return;
    const ok = await this.confirm({
      heading: msg(str`Delete the role ${role.label}?`, { id: 'admin.roles.delete.heading' }),
      message: msg('The role is removed for good. A role that members still hold cannot be deleted.', {
        id: 'admin.roles.delete.text',
      }),
      label: msg('Delete role', { id: 'admin.roles.delete' }),
    });
    if (!ok) return;
    this.busy = true;
    try {
      await this.client.call(adminPermissionsDeleteRole, { params: { id: role.id } });
      this.notify(msg('Role deleted', { id: 'admin.roles.deleted' }));
      this.close();
      await this.reload();
    } catch (error) {
      this.formError = problemOf(error).message;
    } finally {
      this.busy = false;
    }
  }

  private renderMatrix() {
    return html`<section class="card">
      <h2 id="matrix-heading">${msg('Permissions by role', { id: 'admin.roles.matrix' })}</h2>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="matrix-heading">
        <table class="simple matrix">
          <thead>
            <tr>
              <th scope="col" class="start">${msg('Permission', { id: 'admin.roles.permission' })}</th>
              ${this.roles.map(
                (r) => html`<th scope="col">
                  <reel-button size="sm" variant=${this.editing?.id === r.id ? 'primary' : 'ghost'} @click=${() => this.startEdit(r)}
                    >${r.label}</reel-button
                  >
                  <span class="hint">${
                    r.built_in
                      ? msg('built-in', { id: 'admin.roles.built-in' })
                      : r.member_count === 1
                        ? msg('1 member', { id: 'admin.roles.member' })
                        : msg(str`${r.member_count} members`, { id: 'admin.roles.members' })
                  }</span>
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${this.groups.map(
              ([
                group,
                perms,
              ]) => html`<tr class="group"><th scope="rowgroup" colspan=${this.roles.length + 1}>${group}</th></tr>
                ${perms.map(
                  (p) => html`<tr>
                    <th scope="row">${p.description}<br /><span class="perm-name">${p.name}</span></th>
                    ${this.roles.map((r) =>
                      r.permissions.includes(p.name)
                        ? html`<td class="mark"><span class="yes" aria-hidden="true">✓</span><span class="sr-only">${msg('Yes', { id: 'admin.roles.yes' })}</span></td>`
                        : html`<td class="mark"><span class="muted" aria-hidden="true">·</span><span class="sr-only">${msg('No', { id: 'admin.roles.no' })}</span></td>`,
                    )}
                  </tr>`,
                )}`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderEditor() {
    const role = this.editing;
    const readOnly = !!role?.built_in;
    const heading = this.creating
      ? msg('New role', { id: 'admin.roles.new' })
      : readOnly
        ? msg(str`${role?.label ?? ''} (built-in, read-only)`, { id: 'admin.roles.readonly' })
        : msg(str`Edit ${role?.label ?? ''}`, { id: 'admin.roles.edit' });
    return html`<form class="card form" novalidate aria-labelledby="role-heading" @submit=${(e: Event) => void this.save(e)}>
      <div class="detail-head">
        <h2 id="role-heading" tabindex="-1">${heading}</h2>
        <reel-icon-button name="close" label=${msg('Close', { id: 'admin.crud.close' })} @click=${() => this.close()}></reel-icon-button>
      </div>
      <div class="form-row">
        <reel-text-field
          name="name"
          label=${msg('Key', { id: 'admin.roles.key' })}
          help-text=${msg('e.g. support_lead', { id: 'admin.roles.key.help' })}
          ?disabled=${!this.creating}
          error=${errorUnder(this.errors, 'name')}
          .value=${this.draft.name}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.draft = { ...this.draft, name: e.detail.value };
          }}
        ></reel-text-field>
        <reel-text-field
          name="label"
          label=${msg('Label', { id: 'admin.roles.label' })}
          ?disabled=${readOnly}
          error=${errorUnder(this.errors, 'label')}
          .value=${this.draft.label}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.draft = { ...this.draft, label: e.detail.value };
          }}
        ></reel-text-field>
      </div>
      <reel-text-field
        name="description"
        multiline
        rows="2"
        label=${msg('Description', { id: 'admin.genres.description' })}
        ?disabled=${readOnly}
        error=${errorUnder(this.errors, 'description')}
        .value=${this.draft.description}
        @reel-input=${(e: CustomEvent<{ value: string }>) => {
          this.draft = { ...this.draft, description: e.detail.value };
        }}
      ></reel-text-field>
      <div class="groups">
        ${this.groups.map(
          ([group, perms]) => html`<fieldset class="choices">
            <legend>${group}</legend>
            <div class="choice-grid">
              ${perms.map(
                (p) => html`<reel-checkbox
                  value=${p.name}
                  ?disabled=${readOnly}
                  .checked=${this.draft.permissions.includes(p.name)}
                  @reel-change=${(e: CustomEvent<{ checked: boolean }>) => this.toggle(p.name, e.detail.checked)}
                  >${p.description}<span class="hint">${p.name}</span></reel-checkbox
                >`,
              )}
            </div>
          </fieldset>`,
        )}
      </div>
      ${errorUnder(this.errors, 'permissions') ? html`<p class="error-text">${errorUnder(this.errors, 'permissions')}</p>` : nothing}
      ${
        readOnly
          ? html`<p class="muted">${msg('Built-in roles cannot be changed. Create a custom role to grant another set of permissions.', { id: 'admin.roles.readonly.text' })}</p>`
          : html`<div class="form-foot">
              <p class="error-text" role="alert">${this.formError}</p>
              ${role ? html`<reel-button variant="danger" ?disabled=${this.busy} @click=${() => void this.deleteRole()}>${msg('Delete', { id: 'admin.titles.delete' })}</reel-button>` : nothing}
              <reel-button @click=${() => this.close()}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>
              <reel-button type="submit" variant="primary" ?loading=${this.busy}>${msg('Save', { id: 'admin.form.save' })}</reel-button>
            </div>`
      }
    </form>`;
  }

  protected override render() {
    const open = this.creating || this.editing;
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Roles and permissions', { id: 'admin.roles.title' })}</h1>
          <p class="lede">${msg('A role is a set of named permissions. Built-in roles are fixed; custom roles are yours to shape. Changes apply on each member’s next request.', { id: 'admin.roles.lede' })}</p>
        </div>
        <reel-button variant="primary" @click=${() => this.startCreate()}><reel-icon slot="start" name="plus"></reel-icon>${msg('New role', { id: 'admin.roles.new' })}</reel-button>
      </header>
      ${this.loadError ? html`<reel-error-panel heading=${this.loadError}></reel-error-panel>` : nothing}
      <div class="layout ${open ? 'editing' : ''}">
        ${this.renderMatrix()}
        ${open ? this.renderEditor() : nothing}
      </div>
      ${this.renderConfirm()}`;
  }
}

defineElement('reel-admin-permissions', ReelAdminPermissions);

declare global {
  interface HTMLElementTagNameMap {
    'reel-admin-permissions': ReelAdminPermissions;
  }
}
