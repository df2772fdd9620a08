import { msg, str } from '@lit/localize';
import {
  type AdminRole,
  AdminStaffInviteInput,
  type AdminStaffMember,
  adminPermissionsRoles,
  adminStaffDeactivate,
  adminStaffGet,
  adminStaffInvite,
  adminStaffList,
  adminStaffReactivate,
  adminStaffResendInvitation,
  adminStaffUpdate,
  BuiltInRoles,
  Permission,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { errorUnder, validate } from '../form.js';
import { problemOf } from '../panel.js';
import type { ReelAdminTable, TableColumn, TableFilter, TableQuery } from '../reel-admin-table.js';
import { ago, PlatformPanel, platformStyles, when } from './staff-common.js';
import '../define-table.js';

type Status = AdminStaffMember['status'];
type RoleChoice = Pick<AdminRole, 'name' | 'label' | 'description' | 'built_in'>;

const statusBadge = (s: Status) => {
  const variant = s === 'active' ? 'success' : s === 'invited' ? 'info' : 'neutral';
  const label =
    s === 'active'
      ? msg('Active', { id: 'admin.staff.active' })
      : s === 'invited'
        ? msg('Invited', { id: 'admin.staff.invited' })
        : msg('Deactivated', { id: 'admin.staff.deactivated' });
  return html`<reel-badge variant=${variant} pill>${label}</reel-badge>`;
};

/**
 * Staff members: who they are, their roles and status. Invite by email (the link sets a password
 * and requires two-step verification), change roles (effective on the member's next request),
 * resend an invitation, deactivate (their sessions end) and reactivate, each confirmed.
 *
 * @summary Admin staff members and invitations.
 */
export class ReelAdminStaff extends PlatformPanel {
  static override styles = [...PlatformPanel.styles, platformStyles];

  @state() private roles: RoleChoice[] = [];
  @state() private selected: AdminStaffMember | null = null;
  @state() private draftRoles: string[] = [];
  @state() private inviting = false;
  @state() private invite = { email: '', display_name: '', roles: [] as string[] };
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private busy = false;

  private readonly columns: TableColumn<AdminStaffMember>[] = [
    {
      id: 'name',
      label: msg('Member', { id: 'admin.staff.member' }),
      sort: 'email',
      fixed: true,
      // Rendered inside the table's shadow root: plain markup, no panel classes.
      render: (m) => html`<strong>${m.display_name}</strong><br /><small>${m.email}</small>`,
      text: (m) => m.email,
    },
    {
      id: 'roles',
      label: msg('Roles', { id: 'admin.staff.roles' }),
      render: (m) =>
        m.roles.length
          ? m.roles.map((r) => html`<reel-badge variant="outline">${this.roleLabel(r)}</reel-badge> `)
          : msg('None', { id: 'admin.staff.no-roles' }),
      text: (m) => m.roles.join(' '),
    },
    {
      id: 'status',
      label: msg('Status', { id: 'admin.staff.status' }),
      render: (m) => statusBadge(m.status),
      text: (m) => m.status,
    },
    {
      id: 'mfa',
      label: msg('Two-step', { id: 'admin.staff.mfa' }),
      render: (m) =>
        m.mfa_enabled
          ? html`<reel-badge variant="success">${msg('On', { id: 'admin.staff.mfa.on' })}</reel-badge>`
          : html`<reel-badge variant="warning">${msg('Off', { id: 'admin.staff.mfa.off' })}</reel-badge>`,
      text: (m) => (m.mfa_enabled ? 'on' : 'off'),
    },
    {
      id: 'last_active',
      label: msg('Last active', { id: 'admin.staff.last-active' }),
      sort: 'last_active_at',
      render: (m) => ago(m.last_active_at),
      text: (m) => m.last_active_at,
    },
    {
      id: 'created',
      label: msg('Since', { id: 'admin.staff.since' }),
      sort: 'created_at',
      optional: true,
      render: (m) => new Date(m.created_at).toLocaleDateString(),
    },
  ];

  private get filters(): TableFilter[] {
    return [
      {
        id: 'status',
        label: msg('Status', { id: 'admin.staff.status' }),
        options: [
          { value: 'active', label: msg('Active', { id: 'admin.staff.active' }) },
          { value: 'invited', label: msg('Invited', { id: 'admin.staff.invited' }) },
          { value: 'deactivated', label: msg('Deactivated', { id: 'admin.staff.deactivated' }) },
        ],
      },
      {
        id: 'role',
        label: msg('Role', { id: 'admin.staff.role' }),
        options: this.roles.map((r) => ({ value: r.name, label: r.label })),
      },
    ];
  }

  private readonly load = (q: TableQuery) =>
    this.client.call(adminStaffList, {
      query: {
        limit: q.limit,
        ...(q.cursor ? { cursor: q.cursor } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.sort ? { sort: q.sort as 'email', order: q.order } : {}),
        ...(q.filters as Record<string, never>),
      },
    });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadRoles();
  }

  private async loadRoles(): Promise<void> {
    const builtIn: RoleChoice[] = Object.keys(BuiltInRoles).map((name) => ({
      name,
      label: name.replace(/_/g, ' '),
      description: '',
      built_in: true,
    }));
    if (!this.can(Permission.permissionsManage)) {
      this.roles = builtIn;
      return;
    }
    try {
      this.roles = (await this.client.call(adminPermissionsRoles, { query: {} })).items;
    } catch {
      this.roles = builtIn;
    }
  }

  private roleLabel(name: string): string {
    return this.roles.find((r) => r.name === name)?.label ?? name;
  }

  private get table(): ReelAdminTable | null {
    return this.renderRoot.querySelector('reel-admin-table');
  }

  private async refresh(member?: AdminStaffMember): Promise<void> {
    if (member) this.open(member);
    await this.table?.reload();
  }

  private open(member: AdminStaffMember): void {
    this.selected = member;
    this.draftRoles = [...member.roles];
    this.formError = '';
    void this.updateComplete.then(() => {
      const head = this.renderRoot.querySelector('#member-heading') as HTMLElement | null;
      head?.focus();
      head?.scrollIntoView?.({ block: 'nearest' });
    });
  }

  private async reopen(id: string): Promise<void> {
    try {
      this.open(await this.client.call(adminStaffGet, { params: { id } }));
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  private async act(run: () => Promise<AdminStaffMember>, done: string): Promise<void> {
    this.busy = true;
    try {
      const member = await run();
      this.notify(done);
      await this.refresh(member);
    } catch (error) {
      this.formError = problemOf(error).message;
    } finally {
      this.busy = false;
    }
  }

  private async saveRoles(): Promise<void> {
    const m = this.selected;
    if (!m) return;
    await this.act(
      () => this.client.call(adminStaffUpdate, { params: { id: m.id }, body: { roles: this.draftRoles } }),
      msg('Roles saved: they apply on the member’s next request', { id: 'admin.staff.roles-saved' }),
    );
  }

  private async deactivate(): Promise<void> {
    const m = this.selected;
    if (!m) return;
    const ok = await this.confirm({
      heading: msg(str`Deactivate ${m.display_name}?`, { id: 'admin.staff.deactivate.heading' }),
      message: msg('They are signed out everywhere at once and cannot open the admin until reactivated.', {
        id: 'admin.staff.deactivate.text',
      }),
      label: msg('Deactivate', { id: 'admin.staff.deactivate' }),
    });
    if (!ok) return;
    await this.act(
      () => this.client.call(adminStaffDeactivate, { params: { id: m.id }, body: {} }),
      msg('Deactivated', { id: 'admin.staff.deactivated' }),
    );
  }

  private async reactivate(): Promise<void> {
    const m = this.selected;
    if (!m) return;
    const ok = await this.confirm({
      heading: msg(str`Reactivate ${m.display_name}?`, { id: 'admin.staff.reactivate.heading' }),
      message: msg('Their roles apply again from their next sign-in.', { id: 'admin.staff.reactivate.text' }),
      label: msg('Reactivate', { id: 'admin.staff.reactivate' }),
      danger: false,
    });
    if (!ok) return;
    await this.act(
      () => this.client.call(adminStaffReactivate, { params: { id: m.id } }),
      msg('Reactivated', { id: 'admin.staff.reactivated' }),
    );
  }

  private async resend(): Promise<void> {
    const m = this.selected;
    if (!m) return;
    await this.act(
      () => this.client.call(adminStaffResendInvitation, { params: { id: m.id } }),
      msg('A new invitation was sent; the old link no longer works', { id: 'admin.staff.resent' }),
    );
  }

  private openInvite(): void {
    this.invite = { email: '', display_name: '', roles: [] };
    this.errors = {};
    this.formError = '';
    this.inviting = true;
  }

  private async sendInvite(event?: Event): Promise<void> {
    event?.preventDefault();
    const body = {
      email: this.invite.email.trim(),
      roles: this.invite.roles,
      ...(this.invite.display_name.trim() ? { display_name: this.invite.display_name.trim() } : {}),
    };
    this.errors = validate(AdminStaffInviteInput as never, body);
    if (Object.keys(this.errors).length) {
      if (this.errors.roles)
        this.errors = { ...this.errors, roles: msg('Choose at least one role', { id: 'admin.staff.pick-role' }) };
      this.formError = msg('Check the highlighted fields.', { id: 'admin.form.check' });
      return;
    }
    this.busy = true;
    this.formError = '';
    try {
      const member = await this.client.call(adminStaffInvite, { body });
      this.inviting = false;
      this.notify(msg(str`Invitation sent to ${member.email}`, { id: 'admin.staff.invite-sent' }));
      await this.refresh(member);
    } catch (error) {
      const p = problemOf(error);
      this.formError = p.message;
      this.errors = p.fields;
    } finally {
      this.busy = false;
    }
  }

  private roleChoices(chosen: string[], onChange: (roles: string[]) => void, error = '') {
    return html`<fieldset class="choices" aria-describedby=${error ? 'roles-error' : nothing}>
      <legend>${msg('Roles', { id: 'admin.staff.roles' })}</legend>
      <div class="choice-grid">
        ${this.roles.map(
          (r) => html`<reel-checkbox
            .checked=${chosen.includes(r.name)}
            value=${r.name}
            @reel-change=${(e: CustomEvent<{ checked: boolean }>) =>
              onChange(e.detail.checked ? [...chosen, r.name] : chosen.filter((x) => x !== r.name))}
            >${r.label}${r.description ? html`<span class="hint">${r.description}</span>` : nothing}</reel-checkbox
          >`,
        )}
      </div>
      ${error ? html`<p class="error-text" id="roles-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  private renderDetail(m: AdminStaffMember) {
    const me = this.api.session?.user?.id === m.id;
    const changed = [...this.draftRoles].sort().join() !== [...m.roles].sort().join();
    return html`<section class="card" aria-labelledby="member-heading">
      <div class="detail-head">
        <div class="who">
          <h2 id="member-heading" tabindex="-1">${m.display_name}</h2>
          <span>${m.email}</span>
        </div>
        <div class="actions">
          ${statusBadge(m.status)}
          <reel-icon-button name="close" label=${msg('Close', { id: 'admin.crud.close' })} @click=${() => {
            this.selected = null;
          }}></reel-icon-button>
        </div>
      </div>
      <dl class="facts">
        <div><dt>${msg('Two-step verification', { id: 'admin.staff.mfa-long' })}</dt><dd>${m.mfa_enabled ? msg('On', { id: 'admin.staff.mfa.on' }) : msg('Off', { id: 'admin.staff.mfa.off' })}</dd></div>
        <div><dt>${msg('Last active', { id: 'admin.staff.last-active' })}</dt><dd>${ago(m.last_active_at)}</dd></div>
        ${m.invited_by ? html`<div><dt>${msg('Invited by', { id: 'admin.staff.invited-by' })}</dt><dd>${m.invited_by.display_name}</dd></div>` : nothing}
        ${m.status === 'invited' ? html`<div><dt>${msg('Invitation expires', { id: 'admin.staff.expires' })}</dt><dd>${when(m.invitation_expires_at)}</dd></div>` : nothing}
        ${m.deactivated_at ? html`<div><dt>${msg('Deactivated', { id: 'admin.staff.deactivated' })}</dt><dd>${when(m.deactivated_at)}</dd></div>` : nothing}
        <div><dt>${msg('Permissions', { id: 'admin.staff.permissions' })}</dt><dd>${m.status === 'active' ? m.permissions.length : msg('None until active', { id: 'admin.staff.none-yet' })}</dd></div>
      </dl>
      ${this.roleChoices(this.draftRoles, (roles) => {
        this.draftRoles = roles;
      })}
      <div class="form-foot">
        <p class="error-text" role="alert">${this.formError}</p>
        ${m.status === 'invited' ? html`<reel-button ?disabled=${this.busy} @click=${() => void this.resend()}>${msg('Resend invitation', { id: 'admin.staff.resend' })}</reel-button>` : nothing}
        ${
          m.status === 'deactivated'
            ? html`<reel-button ?disabled=${this.busy} @click=${() => void this.reactivate()}>${msg('Reactivate', { id: 'admin.staff.reactivate' })}</reel-button>`
            : me
              ? nothing
              : html`<reel-button variant="danger" ?disabled=${this.busy} @click=${() => void this.deactivate()}>${msg('Deactivate', { id: 'admin.staff.deactivate' })}</reel-button>`
        }
        <reel-button variant="primary" ?disabled=${!changed} ?loading=${this.busy} @click=${() => void this.saveRoles()}>${msg('Save roles', { id: 'admin.staff.save-roles' })}</reel-button>
      </div>
    </section>`;
  }

  private renderInvite() {
    return html`<reel-dialog
      size="md"
      .open=${this.inviting}
      label=${msg('Invite a staff member', { id: 'admin.staff.invite.heading' })}
      @reel-dialog-close=${() => {
        this.inviting = false;
      }}
    >
      <form class="dialog-form" novalidate @submit=${(e: Event) => void this.sendInvite(e)}>
        <p class="muted">${msg('They get an email with a link that works once, for 7 days. It sets their password; two-step verification is required before the admin opens.', { id: 'admin.staff.invite.text' })}</p>
        <div class="form-row">
          <reel-text-field
            name="email"
            type="email"
            autocomplete="off"
            required
            label=${msg('Email', { id: 'admin.staff.email' })}
            error=${errorUnder(this.errors, 'email')}
            .value=${this.invite.email}
            @reel-input=${(e: CustomEvent<{ value: string }>) => {
              this.invite = { ...this.invite, email: e.detail.value };
            }}
          ></reel-text-field>
          <reel-text-field
            name="display_name"
            autocomplete="off"
            label=${msg('Name (optional)', { id: 'admin.staff.name' })}
            error=${errorUnder(this.errors, 'display_name')}
            .value=${this.invite.display_name}
            @reel-input=${(e: CustomEvent<{ value: string }>) => {
              this.invite = { ...this.invite, display_name: e.detail.value };
            }}
          ></reel-text-field>
        </div>
        ${this.roleChoices(
          this.invite.roles,
          (roles) => {
            this.invite = { ...this.invite, roles };
          },
          errorUnder(this.errors, 'roles'),
        )}
        ${this.formError && this.inviting ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
        <button type="submit" hidden></button>
      </form>
      <reel-button slot="footer" @click=${() => {
        this.inviting = false;
      }}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>
      <reel-button slot="footer" variant="primary" ?loading=${this.busy} @click=${() => void this.sendInvite()}>${msg('Send invitation', { id: 'admin.staff.invite.send' })}</reel-button>
    </reel-dialog>`;
  }

  protected override render() {
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Staff', { id: 'admin.group.staff' })}</h1>
          <p class="lede">${msg('Who can open the admin, with which roles. Role changes apply on the member’s next request.', { id: 'admin.staff.lede' })}</p>
        </div>
        <reel-button variant="primary" @click=${() => this.openInvite()}><reel-icon slot="start" name="plus"></reel-icon>${msg('Invite', { id: 'admin.staff.invite' })}</reel-button>
      </header>
      <div class="stack">
        ${this.selected ? this.renderDetail(this.selected) : nothing}
        <reel-admin-table
          label=${msg('Staff members', { id: 'admin.staff.table' })}
          storage-key="staff"
          user-id=${this.api.session?.user?.id ?? ''}
          default-sort="email"
          default-order="asc"
          .columns=${this.columns}
          .filters=${this.filters}
          .load=${this.load}
          @reel-admin-open=${(e: CustomEvent<{ row: AdminStaffMember }>) => void this.reopen(e.detail.row.id)}
        ></reel-admin-table>
      </div>
      ${this.renderInvite()} ${this.renderConfirm()}`;
  }
}

defineElement('reel-admin-staff', ReelAdminStaff);

declare global {
  interface HTMLElementTagNameMap {
    'reel-admin-staff': ReelAdminStaff;
  }
}
