import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import {
  mfaCancelReset,
  mfaDisable,
  mfaRecoveryCodes,
  mfaRegenerateBackupCodes,
  mfaSetup,
  mfaStatus,
  mfaVerify,
  type ResponseOf,
} from '@reel/contracts';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ago, day, groupKey, when } from './format.js';
import { SecurityPanel } from './panel.js';
import { panelStyles } from './panel.styles.js';
import { qrCode } from './qr.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-security-mfa': ReelSecurityMfa;
  }
}

type Status = ResponseOf<typeof mfaStatus>;
type Setup = ResponseOf<typeof mfaSetup>;
type Recovery = ResponseOf<typeof mfaRecoveryCodes>;

/**
 * Two-step verification: whether it is on, turning it on with an authenticator app (QR code and
 * the key to type, confirmed by a code before it is on), backup codes shown once (copy, download),
 * a new set, how many are left and which were used, turning it off, and a lost-device reset in
 * progress, which the owner can cancel. Sensitive steps ask the `<reel-auth-provider>` to confirm
 * it is you (the server demands a fresh re-authentication) and then carry on.
 *
 * @summary The "Two-step verification" card of the security page.
 * @fires reel-security-change - MFA was turned on or off, or its codes changed; `detail: { area: 'mfa' }`.
 * @csspart card - The card.
 * @csspart qr - The QR code of the setup.
 * @csspart codes - The list of backup codes.
 */
export class ReelSecurityMfa extends SecurityPanel {
  static version = '1.0.0';

  static override styles = [
    panelStyles,
    css`
      .summary {
        display: grid;
        gap: var(--reel-space-1);
      }
      .facts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
        gap: var(--reel-space-3);
        padding: var(--reel-space-5) var(--reel-space-6);
      }
      .fact {
        padding: var(--reel-space-4);
        border-radius: var(--reel-radius-lg);
        background: var(--reel-color-surface-sunken);
      }
      .fact-label {
        margin: 0;
        color: var(--reel-color-text-muted);
        font-size: var(--reel-font-size-xs);
        font-weight: var(--reel-font-weight-semibold);
        letter-spacing: var(--reel-letter-spacing-wide);
        text-transform: uppercase;
      }
      .fact-value {
        margin: var(--reel-space-1) 0 0;
        font-size: var(--reel-font-size-lg);
        font-weight: var(--reel-font-weight-semibold);
      }
      .fact-note {
        margin: var(--reel-space-1) 0 0;
        color: var(--reel-color-text-muted);
        font-size: var(--reel-font-size-sm);
      }
      .steps {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: var(--reel-space-6);
        align-items: start;
      }
      .qr {
        display: block;
        inline-size: 12rem;
        block-size: 12rem;
        padding: var(--reel-space-2);
        border-radius: var(--reel-radius-lg);
        background: #fff;
      }
      .step-title {
        margin: 0 0 var(--reel-space-1);
        font-weight: var(--reel-font-weight-semibold);
      }
      .step-text {
        margin: 0 0 var(--reel-space-4);
        color: var(--reel-color-text-muted);
        font-size: var(--reel-font-size-sm);
        line-height: var(--reel-line-height-normal);
      }
      .key {
        display: flex;
        align-items: center;
        gap: var(--reel-space-2);
        margin-block-end: var(--reel-space-5);
      }
      code,
      .codes {
        font-family: var(--reel-font-family-mono);
      }
      .key code {
        flex: 1;
        padding: var(--reel-space-2) var(--reel-space-3);
        border-radius: var(--reel-radius-md);
        background: var(--reel-color-surface-sunken);
        font-size: var(--reel-font-size-md);
        letter-spacing: 0.06em;
        word-break: break-all;
      }
      .codes {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--reel-space-2);
        margin: var(--reel-space-4) 0;
        padding: var(--reel-space-4);
        list-style: none;
        border-radius: var(--reel-radius-lg);
        background: var(--reel-color-surface-sunken);
        font-size: var(--reel-font-size-md);
        letter-spacing: 0.04em;
      }
      .codes li {
        padding: var(--reel-space-1) var(--reel-space-2);
      }
      .code-actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--reel-space-2);
      }
      .slots {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--reel-space-1);
      }
      .slots li {
        display: flex;
        justify-content: space-between;
        gap: var(--reel-space-3);
        padding: var(--reel-space-2) var(--reel-space-3);
        border-radius: var(--reel-radius-md);
        background: var(--reel-color-surface-sunken);
        font-size: var(--reel-font-size-sm);
      }
      .slots .used {
        color: var(--reel-color-text-muted);
      }
      .slots .used code {
        text-decoration: line-through;
      }
      form reel-text-field {
        max-inline-size: 16rem;
      }
      @media (max-width: 639px) {
        .steps {
          grid-template-columns: 1fr;
          justify-items: center;
          text-align: center;
        }
        .key {
          justify-content: center;
        }
        form reel-text-field {
          margin-inline: auto;
        }
        .facts {
          padding-inline: var(--reel-space-4);
        }
      }
    `,
  ];

  @state() private setup: Setup | null = null;
  @state() private code = '';
  @state() private codeError = '';
  @state() private busy = '';
  @state() private shownCodes: string[] | null = null;
  @state() private recovery: Recovery | null = null;
  @state() private confirmingOff = false;

  private readonly status = new Task(this, {
    task: async ([client], { signal }) => client.call(mfaStatus, { signal }),
    args: () => [this.api.client] as const,
  });

  refresh(): void {
    void this.status.run();
  }

  /** Starts enrolment: a new key (after the provider confirmed it is you), shown as a QR code. */
  async startSetup(): Promise<void> {
    this.busy = 'setup';
    try {
      this.setup = await this.api.client.call(mfaSetup);
      this.code = '';
      this.codeError = '';
    } catch (error) {
      this.say(this.problem(error), 'error');
    } finally {
      this.busy = '';
    }
  }

  private async verify(event: Event): Promise<void> {
    event.preventDefault();
    const code = this.code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) {
      this.codeError = msg('Enter the 6-digit code from your app.', { id: 'security.mfa.code.format' });
      return;
    }
    this.busy = 'verify';
    this.codeError = '';
    try {
      const enabled = await this.api.client.call(mfaVerify, { body: { code } });
      this.setup = null;
      this.shownCodes = enabled.backup_codes.codes;
      this.refresh();
      this.changed('mfa');
      this.say(msg('Two-step verification is on.', { id: 'security.mfa.on.toast' }));
    } catch (error) {
      this.codeError = this.fieldProblem(error, 'code') || this.problem(error);
    } finally {
      this.busy = '';
    }
  }

  private async regenerate(): Promise<void> {
    this.busy = 'regenerate';
    try {
      const fresh = await this.api.client.call(mfaRegenerateBackupCodes);
      this.recovery = null;
      this.shownCodes = fresh.codes;
      this.refresh();
      this.changed('mfa');
    } catch (error) {
      this.say(this.problem(error), 'error');
    } finally {
      this.busy = '';
    }
  }

  private async turnOff(): Promise<void> {
    this.busy = 'disable';
    try {
      await this.api.client.call(mfaDisable);
      this.confirmingOff = false;
      this.refresh();
      this.changed('mfa');
      this.say(msg('Two-step verification is off.', { id: 'security.mfa.off.toast' }), 'info');
    } catch (error) {
      this.say(this.problem(error), 'error');
    } finally {
      this.busy = '';
    }
  }

  private async showRecovery(): Promise<void> {
    this.busy = 'recovery';
    try {
      this.recovery = await this.api.client.call(mfaRecoveryCodes);
    } catch (error) {
      this.say(this.problem(error), 'error');
    } finally {
      this.busy = '';
    }
  }

  private async cancelReset(): Promise<void> {
    this.busy = 'cancel-reset';
    try {
      await this.api.client.call(mfaCancelReset);
      this.refresh();
      this.say(msg('The reset was cancelled. Two-step verification stays on.', { id: 'security.mfa.reset.cancelled' }));
    } catch (error) {
      this.say(this.problem(error), 'error');
    } finally {
      this.busy = '';
    }
  }

  private async copy(text: string, done: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.say(done);
    } catch {
      this.say(
        msg('Copying is not allowed here: select the text and copy it.', { id: 'security.copy.failed' }),
        'error',
      );
    }
  }

  /** Saves the codes as a text file (a Blob link, nothing inline). */
  private download(codes: string[]): void {
    const text = `${msg('Reel backup codes', { id: 'security.codes.file.title' })}\n${msg('Each code works once.', { id: 'security.codes.file.note' })}\n\n${codes.join('\n')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'reel-backup-codes.txt';
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  protected override render() {
    return html`<section class="card" part="card" aria-labelledby="mfa-title">
      ${this.renderTask(this.status, {
        complete: (status) => this.renderStatus(status),
      })}
      ${this.renderSetupDialog()} ${this.renderCodesDialog()} ${this.renderRecoveryDialog()}
      <reel-confirm-dialog
        .open=${this.confirmingOff}
        danger
        ?busy=${this.busy === 'disable'}
        heading=${msg('Turn off two-step verification?', { id: 'security.mfa.off.heading' })}
        confirm-label=${msg('Turn off', { id: 'security.mfa.off.confirm' })}
        @reel-confirm=${(e: Event) => {
          e.preventDefault();
          void this.turnOff();
        }}
        @reel-cancel=${() => {
          this.confirmingOff = false;
        }}
      >
        ${msg(
          'Signing in will need only your password. Your backup codes stop working, and browsers you trusted will ask again if you turn it back on.',
          { id: 'security.mfa.off.text' },
        )}
      </reel-confirm-dialog>
    </section>`;
  }

  private renderStatus(status: Status) {
    const on = status.enabled;
    const codes = status.backup_codes;
    return html`<div class="head">
        <div class="head-icon ${on ? 'good' : 'warn'}" aria-hidden="true"><reel-icon name="shield"></reel-icon></div>
        <div class="summary">
          <h2 id="mfa-title" tabindex="-1">
            ${msg('Two-step verification', { id: 'security.mfa.title' })}
            ${
              on
                ? html`<reel-badge variant="success" pill dot>${msg('On', { id: 'security.mfa.badge.on' })}</reel-badge>`
                : html`<reel-badge variant="warning" pill dot>${msg('Off', { id: 'security.mfa.badge.off' })}</reel-badge>`
            }
          </h2>
          <p class="lede">
            ${
              on
                ? msg(
                    str`Signing in on a new browser asks for a code from your authenticator app. On since ${day(status.enabled_at ?? '')}.`,
                    { id: 'security.mfa.on.lede' },
                  )
                : msg(
                    'Add a second step to signing in: a code from an authenticator app on your phone. Someone who learns your password still cannot get in.',
                    { id: 'security.mfa.off.lede' },
                  )
            }
          </p>
        </div>
        <div class="head-actions">
          ${
            on
              ? html`<reel-button variant="outline" ?loading=${this.busy === 'disable'} @click=${() => {
                  this.confirmingOff = true;
                }}>${msg('Turn off', { id: 'security.mfa.turn-off' })}</reel-button>`
              : html`<reel-button variant="primary" ?loading=${this.busy === 'setup'} @click=${this.startSetup}>
                  <reel-icon slot="start" name="lock"></reel-icon>${msg('Turn on', { id: 'security.mfa.turn-on' })}
                </reel-button>`
          }
        </div>
      </div>
      ${status.reset ? this.renderReset(status.reset) : nothing}
      ${
        on
          ? html`<div class="body">
              <div class="facts">
                <div class="fact">
                  <p class="fact-label">${msg('Authenticator app', { id: 'security.mfa.fact.app' })}</p>
                  <p class="fact-value">${msg('Time-based codes', { id: 'security.mfa.fact.totp' })}</p>
                  <p class="fact-note">${msg('Google Authenticator, 1Password, Authy and others', { id: 'security.mfa.fact.apps' })}</p>
                </div>
                <div class="fact">
                  <p class="fact-label">${msg('Backup codes', { id: 'security.mfa.fact.codes' })}</p>
                  <p class="fact-value">
                    ${msg(str`${codes.remaining} of ${codes.total} left`, { id: 'security.mfa.codes.left' })}
                    ${codes.low ? html`<reel-badge variant="warning">${msg('Running low', { id: 'security.mfa.codes.low' })}</reel-badge>` : nothing}
                  </p>
                  <p class="fact-note">
                    ${codes.last_used_at ? msg(str`Last used ${ago(codes.last_used_at)}`, { id: 'security.mfa.codes.last-used' }) : msg('None used yet', { id: 'security.mfa.codes.none-used' })}
                  </p>
                </div>
                <div class="fact">
                  <p class="fact-label">${msg('Trusted browsers', { id: 'security.mfa.fact.trusted' })}</p>
                  <p class="fact-value">${status.trusted_devices}</p>
                  <p class="fact-note">${msg('Skip the code for 30 days', { id: 'security.mfa.fact.trusted-note' })}</p>
                </div>
              </div>
              <div class="pad code-actions">
                <reel-button variant="secondary" ?loading=${this.busy === 'recovery'} @click=${this.showRecovery}>
                  <reel-icon slot="start" name="list"></reel-icon>${msg('See backup codes', { id: 'security.mfa.codes.see' })}
                </reel-button>
                <reel-button variant="secondary" ?loading=${this.busy === 'regenerate'} @click=${this.regenerate}>
                  <reel-icon slot="start" name="refresh"></reel-icon>${msg('Get new backup codes', { id: 'security.mfa.codes.new' })}
                </reel-button>
              </div>
            </div>`
          : nothing
      }`;
  }

  private renderReset(reset: NonNullable<Status['reset']>) {
    return html`<div class="notice" role="status">
      <reel-icon name="warning"></reel-icon>
      <div>
        <p>
          ${
            reset.status === 'waiting' && reset.eligible_at
              ? msg(
                  str`Someone asked to remove two-step verification because the device was lost. It will be removed on ${when(reset.eligible_at)}.`,
                  { id: 'security.mfa.reset.waiting' },
                )
              : msg(
                  str`Someone asked to remove two-step verification because the device was lost (${ago(reset.requested_at)}). An email was sent to ${reset.email_hint}.`,
                  { id: 'security.mfa.reset.sent' },
                )
          }
        </p>
        <p class="muted">${msg('If it was not you, cancel it and change your password.', { id: 'security.mfa.reset.not-you' })}</p>
        <reel-button variant="danger" size="sm" ?loading=${this.busy === 'cancel-reset'} @click=${this.cancelReset}>
          ${msg('Cancel the reset', { id: 'security.mfa.reset.cancel' })}
        </reel-button>
      </div>
    </div>`;
  }

  private renderSetupDialog() {
    const setup = this.setup;
    const qr = setup ? qrCode(setup.otpauth_uri) : null;
    return html`<reel-dialog
      size="md"
      .open=${Boolean(setup)}
      label=${msg('Set up your authenticator app', { id: 'security.mfa.setup.title' })}
      @reel-dialog-close=${() => {
        this.setup = null;
      }}
    >
      ${
        setup && qr
          ? html`<div class="steps">
              <svg class="qr" part="qr" viewBox=${qr.viewBox} role="img" aria-label=${msg('QR code for your authenticator app', { id: 'security.mfa.qr.label' })}>${qr.body}</svg>
              <div>
                <p class="step-title">${msg('1. Scan the code', { id: 'security.mfa.step1' })}</p>
                <p class="step-text">
                  ${msg('Open your authenticator app and scan the QR code. Can’t scan? Type this key instead:', { id: 'security.mfa.step1.text' })}
                </p>
                <div class="key">
                  <code data-key aria-label=${msg('Setup key', { id: 'security.mfa.key.label' })}>${groupKey(setup.secret)}</code>
                  <reel-icon-button
                    name="copy"
                    label=${msg('Copy the key', { id: 'security.mfa.key.copy' })}
                    @click=${() => this.copy(setup.secret, msg('Key copied.', { id: 'security.mfa.key.copied' }))}
                  ></reel-icon-button>
                </div>
                <p class="step-title">${msg('2. Enter the 6-digit code', { id: 'security.mfa.step2' })}</p>
                <form id="verify-form" @submit=${this.verify} novalidate>
                  <reel-text-field
                    name="code"
                    label=${msg('Code from the app', { id: 'security.mfa.code.label' })}
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    required
                    .value=${this.code}
                    .error=${this.codeError}
                    @reel-input=${(e: CustomEvent<{ value: string }>) => {
                      this.code = e.detail.value;
                    }}
                    @keydown=${(e: KeyboardEvent) => {
                      if (e.key === 'Enter') void this.verify(e);
                    }}
                  ></reel-text-field>
                </form>
              </div>
            </div>`
          : nothing
      }
      <reel-button slot="footer" @click=${() => {
        this.setup = null;
      }}>${msg('Cancel', { id: 'security.cancel' })}</reel-button>
      <reel-button slot="footer" variant="primary" ?loading=${this.busy === 'verify'} @click=${this.verify}>
        ${msg('Verify and turn on', { id: 'security.mfa.verify' })}
      </reel-button>
    </reel-dialog>`;
  }

  private renderCodesDialog() {
    const codes = this.shownCodes;
    return html`<reel-dialog
      size="sm"
      .open=${Boolean(codes)}
      label=${msg('Save your backup codes', { id: 'security.codes.title' })}
      @reel-dialog-close=${() => {
        this.shownCodes = null;
      }}
    >
      <p class="step-text">
        ${msg('If you lose your phone, each of these codes signs you in once. Keep them somewhere safe: they are shown only now.', { id: 'security.codes.text' })}
      </p>
      <ul class="codes" part="codes" aria-label=${msg('Backup codes', { id: 'security.mfa.fact.codes' })}>
        ${(codes ?? []).map((code) => html`<li>${code}</li>`)}
      </ul>
      <div class="code-actions">
        <reel-button size="sm" @click=${() => this.copy((codes ?? []).join('\n'), msg('Codes copied.', { id: 'security.codes.copied' }))}>
          <reel-icon slot="start" name="copy"></reel-icon>${msg('Copy', { id: 'security.codes.copy' })}
        </reel-button>
        <reel-button size="sm" @click=${() => this.download(codes ?? [])}>
          <reel-icon slot="start" name="download"></reel-icon>${msg('Download', { id: 'security.codes.download' })}
        </reel-button>
      </div>
      <reel-button slot="footer" variant="primary" @click=${() => {
        this.shownCodes = null;
      }}>${msg('I’ve saved them', { id: 'security.codes.done' })}</reel-button>
    </reel-dialog>`;
  }

  private renderRecoveryDialog() {
    const recovery = this.recovery;
    return html`<reel-dialog
      size="sm"
      .open=${Boolean(recovery)}
      label=${msg('Your backup codes', { id: 'security.recovery.title' })}
      @reel-dialog-close=${() => {
        this.recovery = null;
      }}
    >
      ${
        recovery
          ? html`<p class="step-text">
                ${msg(str`${recovery.remaining} of ${recovery.total} codes left. Codes are shown only when made; match them by their last characters.`, { id: 'security.recovery.text' })}
              </p>
              <ul class="slots">
                ${recovery.codes.map(
                  (slot) => html`<li class=${slot.used_at ? 'used' : ''}>
                    <span>${msg(str`Code ${slot.position}`, { id: 'security.recovery.code' })} <code>${slot.hint}</code></span>
                    <span>${
                      slot.used_at
                        ? msg(str`Used ${ago(slot.used_at)}`, { id: 'security.recovery.used' }) +
                          (slot.used_from ? ` · ${slot.used_from}` : '')
                        : msg('Unused', { id: 'security.recovery.unused' })
                    }</span>
                  </li>`,
                )}
              </ul>`
          : nothing
      }
      <reel-button slot="footer" @click=${() => {
        this.recovery = null;
      }}>${msg('Close', { id: 'security.close' })}</reel-button>
      <reel-button slot="footer" variant="primary" ?loading=${this.busy === 'regenerate'} @click=${this.regenerate}>
        ${msg('Get new codes', { id: 'security.recovery.new' })}
      </reel-button>
    </reel-dialog>`;
  }
}
