import { msg, str } from '@lit/localize';
import { authChangePassword } from '@reel/contracts';
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { SecurityPanel } from './panel.js';
import { panelStyles } from './panel.styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-security-password': ReelSecurityPassword;
  }
}

/**
 * Change the password: a new one typed twice (the server refuses common ones and says why), and
 * whether to sign out every other session (on by default). The server demands a fresh
 * re-authentication; the `<reel-auth-provider>` asks for the current password, then the change
 * goes through. What was typed stays when the change is refused.
 *
 * @summary The "Password" card of the security page.
 * @fires reel-security-change - The password changed (and maybe other sessions ended); `detail: { area: 'password' }`.
 * @csspart card - The card.
 */
export class ReelSecurityPassword extends SecurityPanel {
  static version = '1.0.0';
  static override styles = panelStyles;

  @state() private open = false;
  @state() private password = '';
  @state() private again = '';
  @state() private signOutOthers = true;
  @state() private errors: { password?: string; again?: string; form?: string } = {};
  @state() private busy = false;

  refresh(): void {}

  private async save(event?: Event): Promise<void> {
    event?.preventDefault();
    const errors: typeof this.errors = {};
    if (this.password.length < 10)
      errors.password = msg('Use at least 10 characters.', { id: 'security.password.short' });
    if (this.again !== this.password)
      errors.again = msg('The two passwords are not the same.', { id: 'security.password.mismatch' });
    this.errors = errors;
    if (errors.password || errors.again) return;
    this.busy = true;
    try {
      const done = await this.api.client.call(authChangePassword, {
        body: { new_password: this.password, sign_out_other_sessions: this.signOutOthers },
      });
      this.open = false;
      this.password = '';
      this.again = '';
      this.say(
        done.sessions_revoked
          ? msg(str`Password changed. ${done.sessions_revoked} other sessions were signed out.`, {
              id: 'security.password.done.revoked',
            })
          : msg('Password changed.', { id: 'security.password.done' }),
      );
      this.changed('password');
    } catch (error) {
      const field = this.fieldProblem(error, 'new_password');
      this.errors = field ? { password: field } : { form: this.problem(error) };
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const enter = (e: KeyboardEvent) => {
      if (e.key === 'Enter') void this.save(e);
    };
    return html`<section class="card" part="card" aria-labelledby="password-title">
      <div class="head">
        <div class="head-icon" aria-hidden="true"><reel-icon name="key"></reel-icon></div>
        <div>
          <h2 id="password-title" tabindex="-1">${msg('Password', { id: 'security.method.password' })}</h2>
          <p class="lede">${msg('Use a long password you use nowhere else. A few random words work well.', { id: 'security.password.lede' })}</p>
        </div>
        <div class="head-actions">
          <reel-button variant="secondary" @click=${() => {
            this.open = true;
            this.errors = {};
          }}>${msg('Change password', { id: 'security.password.change' })}</reel-button>
        </div>
      </div>
      <reel-dialog
        size="sm"
        .open=${this.open}
        label=${msg('Change your password', { id: 'security.password.dialog' })}
        @reel-dialog-close=${() => {
          this.open = false;
        }}
      >
        <form @submit=${this.save} novalidate>
          <reel-text-field
            name="new_password"
            type="password"
            revealable
            autocomplete="new-password"
            required
            label=${msg('New password', { id: 'security.password.new' })}
            help-text=${msg('At least 10 characters; not a common password.', { id: 'security.password.help' })}
            .value=${this.password}
            .error=${this.errors.password ?? ''}
            @reel-input=${(e: CustomEvent<{ value: string }>) => {
              this.password = e.detail.value;
            }}
            @keydown=${enter}
          ></reel-text-field>
          <reel-text-field
            name="again"
            type="password"
            revealable
            autocomplete="new-password"
            required
            label=${msg('New password again', { id: 'security.password.again' })}
            .value=${this.again}
            .error=${this.errors.again ?? ''}
            @reel-input=${(e: CustomEvent<{ value: string }>) => {
              this.again = e.detail.value;
            }}
            @keydown=${enter}
          ></reel-text-field>
          <reel-checkbox
            label=${msg('Sign out of all other devices', { id: 'security.password.sign-out' })}
            .checked=${this.signOutOthers}
            @reel-change=${(e: CustomEvent<{ checked?: boolean }>) => {
              this.signOutOthers = Boolean(e.detail.checked);
            }}
          ></reel-checkbox>
          ${this.errors.form ? html`<p class="error-text" role="alert">${this.errors.form}</p>` : ''}
        </form>
        <reel-button slot="footer" @click=${() => {
          this.open = false;
        }}>${msg('Cancel', { id: 'security.cancel' })}</reel-button>
        <reel-button slot="footer" variant="primary" ?loading=${this.busy} @click=${() => this.save()}>
          ${msg('Save new password', { id: 'security.password.save' })}
        </reel-button>
      </reel-dialog>
    </section>`;
  }
}
