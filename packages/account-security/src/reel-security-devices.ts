import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import {
  accountRemoveTrustedDevice,
  accountTrustedDevices,
  devicesList,
  devicesRemove,
  devicesRevokeAll,
  devicesSessions,
  type ResponseOf,
} from '@reel/contracts';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ago, deviceIcon, dotted, methodLabel, place, when } from './format.js';
import { SecurityPanel } from './panel.js';
import { panelStyles } from './panel.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-security-devices': ReelSecurityDevices;
  }
}

type Device = ResponseOf<typeof devicesList>['items'][number];
type Trusted = ResponseOf<typeof accountTrustedDevices>['items'][number];
type DeviceSessions = ResponseOf<typeof devicesSessions>['items'][number]['sessions'];

type Confirming = { kind: 'remove'; device: Device } | { kind: 'all' } | { kind: 'untrust'; trusted: Trusted } | null;

/**
 * The browsers and apps that have signed in to the account, with their sessions, and the browsers
 * trusted to skip two-step verification (for 30 days, when chosen at sign-in). Remove a device (its
 * sessions end and its trust goes), sign out every device, or remove one browser's trust.
 *
 * @summary The "Devices" card of the security page.
 * @fires reel-security-change - Devices were removed or signed out, or trust was removed; `detail: { area: 'devices' }`.
 * @csspart card - The card.
 * @csspart device - Each device's row.
 */
export class ReelSecurityDevices extends SecurityPanel {
  static version = '1.0.0';
  static override styles = [
    panelStyles,
    css`
      reel-tabs {
        display: block;
        padding-inline: var(--reel-space-6);
      }
      reel-tab-panel {
        margin-inline: calc(-1 * var(--reel-space-6));
      }
      .sessions {
        grid-column: 2 / -1;
        list-style: none;
        margin: var(--reel-space-2) 0 0;
        padding: 0;
        display: grid;
        gap: var(--reel-space-1);
      }
      .sessions li {
        padding: var(--reel-space-2) var(--reel-space-3);
        border-radius: var(--reel-radius-md);
        background: var(--reel-color-surface-sunken);
        font-size: var(--reel-font-size-sm);
        color: var(--reel-color-text-muted);
      }
      .keep {
        margin-block-start: var(--reel-space-4);
      }
      @media (max-width: 639px) {
        reel-tabs {
          padding-inline: var(--reel-space-4);
        }
        reel-tab-panel {
          margin-inline: calc(-1 * var(--reel-space-4));
        }
      }
    `,
  ];

  @state() private tab: 'devices' | 'trusted' = 'devices';
  @state() private confirming: Confirming = null;
  @state() private busy = false;
  @state() private keepCurrent = true;
  /** Sessions shown under a device, by device id (loaded when asked for). */
  @state() private open = new Map<string, DeviceSessions | null>();

  private readonly devices = new Task(this, {
    task: async ([client], { signal }) => client.call(devicesList, { signal }),
    args: () => [this.api.client] as const,
  });

  private readonly trusted = new Task(this, {
    task: async ([client], { signal }) => (await client.call(accountTrustedDevices, { signal })).items,
    args: () => [this.api.client] as const,
  });

  refresh(): void {
    this.open = new Map();
    void this.devices.run();
    void this.trusted.run();
  }

  private async toggleSessions(device: Device): Promise<void> {
    const open = new Map(this.open);
    if (open.has(device.id)) {
      open.delete(device.id);
      this.open = open;
      return;
    }
    open.set(device.id, null);
    this.open = open;
    try {
      const answer = await this.api.client.call(devicesSessions, { query: { device_id: device.id } });
      this.open = new Map(this.open).set(device.id, answer.items[0]?.sessions ?? []);
    } catch (error) {
      const closed = new Map(this.open);
      closed.delete(device.id);
      this.open = closed;
      this.say(this.problem(error), 'error');
    }
  }

  private async confirmed(): Promise<void> {
    const what = this.confirming;
    if (!what) return;
    this.busy = true;
    try {
      if (what.kind === 'remove') {
        await this.api.client.call(devicesRemove, { params: { device_id: what.device.id } });
        this.confirming = null;
        if (what.device.current) return await this.signedOutHere();
        this.say(msg(str`${what.device.name} was removed.`, { id: 'security.devices.removed' }));
      } else if (what.kind === 'all') {
        const done = await this.api.client.call(devicesRevokeAll, { body: { keep_current: this.keepCurrent } });
        this.confirming = null;
        if (done.current_revoked) return await this.signedOutHere();
        this.say(
          msg(str`Signed out of ${done.sessions} sessions on ${done.devices} devices.`, {
            id: 'security.devices.all.done',
          }),
        );
      } else {
        await this.api.client.call(accountRemoveTrustedDevice, { params: { id: what.trusted.id } });
        this.confirming = null;
        this.say(msg(str`${what.trusted.name} will ask for a code next time.`, { id: 'security.devices.untrusted' }));
      }
      this.refresh();
      this.changed('devices');
    } catch (error) {
      this.say(this.problem(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`<section class="card" part="card" aria-labelledby="devices-title">
      <div class="head">
        <div class="head-icon" aria-hidden="true"><reel-icon name="laptop"></reel-icon></div>
        <div>
          <h2 id="devices-title" tabindex="-1">${msg('Devices', { id: 'security.devices.title' })}</h2>
          <p class="lede">
            ${msg('Browsers and apps that have signed in to your account, and the ones you trust to skip the code.', { id: 'security.devices.lede' })}
          </p>
        </div>
        <div class="head-actions">
          <reel-button variant="outline" @click=${() => {
            this.keepCurrent = true;
            this.confirming = { kind: 'all' };
          }}>
            <reel-icon slot="start" name="logout"></reel-icon>${msg('Sign out all devices', { id: 'security.devices.all' })}
          </reel-button>
        </div>
      </div>
      <reel-tabs
        label=${msg('Devices', { id: 'security.devices.title' })}
        .value=${this.tab}
        @reel-tab-change=${(e: CustomEvent<{ name: string }>) => {
          this.tab = e.detail.name === 'trusted' ? 'trusted' : 'devices';
        }}
      >
        <reel-tab slot="nav" panel="devices">${msg('All devices', { id: 'security.devices.tab.all' })}</reel-tab>
        <reel-tab slot="nav" panel="trusted">${msg('Trusted browsers', { id: 'security.devices.tab.trusted' })}</reel-tab>
        <reel-tab-panel name="devices">
          ${this.renderTask(this.devices, {
            complete: (list) => html`<ul class="rows" aria-label=${msg('Devices', { id: 'security.devices.title' })}>
              ${list.items.map((d) => this.renderDevice(d))}
            </ul>`,
            isEmpty: (list) => list.items.length === 0,
            empty: () => this.renderEmpty({ heading: msg('No devices yet', { id: 'security.devices.empty' }) }),
          })}
        </reel-tab-panel>
        <reel-tab-panel name="trusted">
          ${this.renderTask(this.trusted, {
            complete: (
              items,
            ) => html`<ul class="rows" aria-label=${msg('Trusted browsers', { id: 'security.devices.tab.trusted' })}>
              ${items.map((t) => this.renderTrusted(t))}
            </ul>`,
            empty: () =>
              this.renderEmpty({
                heading: msg('No trusted browsers', { id: 'security.devices.trusted.empty' }),
                text: msg('When you sign in with a code, you can choose to trust that browser for 30 days.', {
                  id: 'security.devices.trusted.empty.text',
                }),
              }),
          })}
        </reel-tab-panel>
      </reel-tabs>
      ${this.renderConfirm()}
    </section>`;
  }

  private renderDevice(d: Device) {
    const sessions = this.open.get(d.id);
    const isOpen = this.open.has(d.id);
    return html`<li class="row" part="device" data-device=${d.id}>
      <div class="row-icon" aria-hidden="true"><reel-icon name=${deviceIcon(d.type)}></reel-icon></div>
      <div class="row-main">
        <div class="row-title">
          <span>${d.name}</span>
          ${d.current ? html`<reel-badge variant="success" pill>${msg('This device', { id: 'security.this-device' })}</reel-badge>` : nothing}
          ${d.trusted ? html`<reel-badge variant="info" pill>${msg('Trusted', { id: 'security.devices.trusted' })}</reel-badge>` : nothing}
        </div>
        <p class="meta">
          ${dotted(
            place(d.last_location),
            d.last_ip,
            msg(str`Last active ${ago(d.last_active_at)}`, { id: 'security.sessions.last-active' }),
          )}
        </p>
        <p class="meta">
          ${dotted(
            d.active_sessions === 1
              ? msg('1 active session', { id: 'security.devices.sessions.one' })
              : msg(str`${d.active_sessions} active sessions`, { id: 'security.devices.sessions.many' }),
            msg(str`First seen ${when(d.first_seen_at)}`, { id: 'security.devices.first-seen' }),
          )}
        </p>
      </div>
      <div class="row-actions">
        ${
          d.active_sessions > 0
            ? html`<reel-button size="sm" variant="ghost" @click=${() => this.toggleSessions(d)}>
                <reel-icon slot="end" name=${isOpen ? 'chevron-up' : 'chevron-down'}></reel-icon>
                ${isOpen ? msg('Hide sessions', { id: 'security.devices.sessions.hide' }) : msg('Sessions', { id: 'security.devices.sessions.show' })}<span class="sr-only">: ${d.name}</span>
              </reel-button>`
            : nothing
        }
        <reel-button size="sm" variant="secondary" @click=${() => {
          this.confirming = { kind: 'remove', device: d };
        }}>${msg('Remove', { id: 'security.devices.remove' })}<span class="sr-only">: ${d.name}</span></reel-button>
      </div>
      ${
        isOpen
          ? html`<ul class="sessions" aria-label=${msg(str`Sessions on ${d.name}`, { id: 'security.devices.sessions.of' })}>
              ${
                sessions
                  ? sessions.map(
                      (s) => html`<li>
                        ${dotted(
                          s.current ? msg('This session', { id: 'security.devices.this-session' }) : null,
                          methodLabel(s.sign_in_method),
                          msg(str`Signed in ${when(s.created_at)}`, { id: 'security.sessions.started' }),
                          s.ip,
                        )}
                      </li>`,
                    )
                  : html`<li><reel-spinner size="sm" label=${msg('Loading', { id: 'security.loading' })}></reel-spinner></li>`
              }
            </ul>`
          : nothing
      }
    </li>`;
  }

  private renderTrusted(t: Trusted) {
    return html`<li class="row" data-trusted=${t.id}>
      <div class="row-icon" aria-hidden="true"><reel-icon name="shield"></reel-icon></div>
      <div class="row-main">
        <div class="row-title">
          <span>${t.name}</span>
          ${t.current ? html`<reel-badge variant="success" pill>${msg('This device', { id: 'security.this-device' })}</reel-badge>` : nothing}
        </div>
        <p class="meta">${dotted(msg(str`Trusted ${when(t.trusted_at)}`, { id: 'security.devices.trusted-at' }), place(t.location), t.ip)}</p>
        <p class="meta">
          ${dotted(
            t.last_used_at
              ? msg(str`Skipped the code ${ago(t.last_used_at)}`, { id: 'security.devices.trust-used' })
              : msg('Not used yet', { id: 'security.devices.trust-unused' }),
            msg(str`Until ${when(t.expires_at)}`, { id: 'security.devices.trust-until' }),
          )}
        </p>
      </div>
      <div class="row-actions">
        <reel-button size="sm" variant="secondary" @click=${() => {
          this.confirming = { kind: 'untrust', trusted: t };
        }}>${msg('Remove trust', { id: 'security.devices.untrust' })}<span class="sr-only">: ${t.name}</span></reel-button>
      </div>
    </li>`;
  }

  private renderConfirm() {
    const what = this.confirming;
    let heading = '';
    let text = '';
    let label = '';
    if (what?.kind === 'remove') {
      heading = msg('Remove this device?', { id: 'security.devices.remove.title' });
      text = what.device.current
        ? msg('This is the device you are using: you will be signed out here.', {
            id: 'security.sessions.confirm.this',
          })
        : msg(
            str`${what.device.name} will be signed out and forgotten. If it was trusted, it will ask for a code again.`,
            {
              id: 'security.devices.remove.text',
            },
          );
      label = msg('Remove', { id: 'security.devices.remove' });
    } else if (what?.kind === 'all') {
      heading = msg('Sign out all devices?', { id: 'security.devices.all.title' });
      text = msg('Every device is signed out at once and no browser skips the code any more.', {
        id: 'security.devices.all.text',
      });
      label = msg('Sign out', { id: 'security.sessions.revoke' });
    } else if (what?.kind === 'untrust') {
      heading = msg('Remove trust?', { id: 'security.devices.untrust.title' });
      text = msg(str`${what.trusted.name} stays signed in, but will ask for a code at its next sign-in.`, {
        id: 'security.devices.untrust.text',
      });
      label = msg('Remove trust', { id: 'security.devices.untrust' });
    }
    return html`<reel-confirm-dialog
      .open=${Boolean(what)}
      danger
      ?busy=${this.busy}
      heading=${heading}
      confirm-label=${label}
      @reel-confirm=${(e: Event) => {
        e.preventDefault();
        void this.confirmed();
      }}
      @reel-cancel=${() => {
        this.confirming = null;
      }}
    >
      <p>${text}</p>
      ${
        what?.kind === 'all'
          ? html`<reel-checkbox
              class="keep"
              label=${msg('Keep this device signed in', { id: 'security.devices.keep' })}
              .checked=${this.keepCurrent}
              @reel-change=${(e: CustomEvent<{ checked?: boolean }>) => {
                this.keepCurrent = Boolean(e.detail.checked);
              }}
            ></reel-checkbox>`
          : nothing
      }
    </reel-confirm-dialog>`;
  }
}
