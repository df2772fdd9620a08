import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { sessionsList, sessionsRevoke, sessionsRevokeAll, sessionsRevokeOthers } from '@reel/contracts';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { type AccountSessionItem, ago, deviceIcon, dotted, methodLabel, place, when } from './format.js';
import { SecurityPanel } from './panel.js';
import { panelStyles } from './panel.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-security-sessions': ReelSecuritySessions;
  }
}

type Confirming = { kind: 'one'; session: AccountSessionItem } | { kind: 'others' } | { kind: 'all' } | null;

/**
 * Where you're signed in: every active session with its device, browser, IP address, approximate
 * location, how it signed in, when it started and was last active — this one marked. Sign out one
 * session, every other one, or everywhere (each confirmed first). A signed-out session's refresh
 * token stops working at once and its access token on its next request.
 *
 * @summary The "Where you're signed in" card of the security page.
 * @fires reel-security-change - Sessions were signed out; `detail: { area: 'sessions' }`.
 * @csspart card - The card.
 * @csspart session - Each session's row.
 */
export class ReelSecuritySessions extends SecurityPanel {
  static version = '1.0.0';
  static override styles = panelStyles;

  @state() private confirming: Confirming = null;
  @state() private busy = false;

  private readonly list = new Task(this, {
    task: async ([client], { signal }) => client.call(sessionsList, { signal }),
    args: () => [this.api.client] as const,
  });

  refresh(): void {
    void this.list.run();
  }

  private async confirmed(): Promise<void> {
    const what = this.confirming;
    if (!what) return;
    this.busy = true;
    try {
      if (what.kind === 'one') {
        await this.api.client.call(sessionsRevoke, { params: { session_id: what.session.id } });
        this.confirming = null;
        if (what.session.current) return await this.signedOutHere();
        this.say(msg(str`Signed out of ${what.session.device_name}.`, { id: 'security.sessions.revoked' }));
      } else if (what.kind === 'others') {
        const done = await this.api.client.call(sessionsRevokeOthers);
        this.confirming = null;
        this.say(
          done.revoked === 1
            ? msg('Signed out of 1 other session.', { id: 'security.sessions.others.one' })
            : msg(str`Signed out of ${done.revoked} other sessions.`, { id: 'security.sessions.others.many' }),
        );
      } else {
        await this.api.client.call(sessionsRevokeAll);
        this.confirming = null;
        return await this.signedOutHere();
      }
      this.refresh();
      this.changed('sessions');
    } catch (error) {
      this.say(this.problem(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`<section class="card" part="card" aria-labelledby="sessions-title">
      <div class="head">
        <div class="head-icon" aria-hidden="true"><reel-icon name="globe"></reel-icon></div>
        <div>
          <h2 id="sessions-title" tabindex="-1">${msg('Where you’re signed in', { id: 'security.sessions.title' })}</h2>
          <p class="lede">
            ${msg('Sessions on your devices right now. Don’t recognise one? Sign it out, then change your password.', { id: 'security.sessions.lede' })}
          </p>
        </div>
        <div class="head-actions">
          <reel-button variant="secondary" @click=${() => {
            this.confirming = { kind: 'others' };
          }}>${msg('Sign out other sessions', { id: 'security.sessions.others' })}</reel-button>
          <reel-button variant="outline" @click=${() => {
            this.confirming = { kind: 'all' };
          }}>
            <reel-icon slot="start" name="logout"></reel-icon>${msg('Sign out everywhere', { id: 'security.sessions.all' })}
          </reel-button>
        </div>
      </div>
      <div class="body">
        ${this.renderTask(this.list, {
          complete: (list) => html`<ul class="rows" aria-label=${msg('Sessions', { id: 'security.sessions.list' })}>
            ${list.items.map((s) => this.renderSession(s))}
          </ul>`,
          isEmpty: (list) => list.items.length === 0,
          empty: () => this.renderEmpty({ heading: msg('No active sessions', { id: 'security.sessions.empty' }) }),
        })}
      </div>
      ${this.renderConfirm()}
    </section>`;
  }

  private renderSession(s: AccountSessionItem) {
    return html`<li class="row" part="session" data-session=${s.id}>
      <div class="row-icon" aria-hidden="true"><reel-icon name=${deviceIcon(s.device_type)}></reel-icon></div>
      <div class="row-main">
        <div class="row-title">
          <span>${s.device_name}</span>
          ${s.current ? html`<reel-badge variant="success" pill>${msg('This device', { id: 'security.this-device' })}</reel-badge>` : nothing}
        </div>
        <p class="meta">${dotted(place(s.location), s.ip, methodLabel(s.sign_in_method))}</p>
        <p class="meta">
          ${dotted(
            msg(str`Signed in ${when(s.created_at)}`, { id: 'security.sessions.started' }),
            s.current
              ? msg('Active now', { id: 'security.sessions.active-now' })
              : msg(str`Last active ${ago(s.last_active_at)}`, { id: 'security.sessions.last-active' }),
          )}
        </p>
      </div>
      <div class="row-actions">
        <reel-button
          size="sm"
          variant=${s.current ? 'ghost' : 'secondary'}
          @click=${() => {
            this.confirming = { kind: 'one', session: s };
          }}
        >${msg('Sign out', { id: 'security.sessions.revoke' })}<span class="sr-only">: ${s.device_name}</span></reel-button>
      </div>
    </li>`;
  }

  private renderConfirm() {
    const what = this.confirming;
    const text = !what
      ? ''
      : what.kind === 'one'
        ? what.session.current
          ? msg('This is the device you are using: you will be signed out here.', {
              id: 'security.sessions.confirm.this',
            })
          : msg(str`${what.session.device_name} (${place(what.session.location)}) will be signed out at once.`, {
              id: 'security.sessions.confirm.one',
            })
        : what.kind === 'others'
          ? msg('Every session but this one will be signed out at once.', { id: 'security.sessions.confirm.others' })
          : msg('Every session will be signed out, this one included. You will need to sign in again.', {
              id: 'security.sessions.confirm.all',
            });
    const heading = !what
      ? ''
      : what.kind === 'one'
        ? msg('Sign out this session?', { id: 'security.sessions.confirm.one.title' })
        : what.kind === 'others'
          ? msg('Sign out other sessions?', { id: 'security.sessions.confirm.others.title' })
          : msg('Sign out everywhere?', { id: 'security.sessions.confirm.all.title' });
    return html`<reel-confirm-dialog
      .open=${Boolean(what)}
      danger
      ?busy=${this.busy}
      heading=${heading}
      message=${text}
      confirm-label=${msg('Sign out', { id: 'security.sessions.revoke' })}
      @reel-confirm=${(e: Event) => {
        e.preventDefault();
        void this.confirmed();
      }}
      @reel-cancel=${() => {
        this.confirming = null;
      }}
    ></reel-confirm-dialog>`;
  }
}
