import { msg, str } from '@lit/localize';
import { type AdminJwks, type AdminSigningKey, adminJwksList, adminJwksRetire, adminJwksRotate } from '@reel/contracts';
import { defineElement } from '@reel/core';
import type { ReelBadge } from '@reel/ui';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { problemOf } from '../panel.js';
import { ago, PlatformPanel, platformStyles, when } from './staff-common.js';

type KeyState = AdminSigningKey['state'];

const STATE: Record<KeyState, { variant: ReelBadge['variant']; label: () => string; text: () => string }> = {
  next: {
    variant: 'info',
    label: () => msg('Next', { id: 'admin.jwks.next' }),
    text: () => msg('Published, not signing yet: the next rotation makes it active.', { id: 'admin.jwks.next.text' }),
  },
  active: {
    variant: 'success',
    label: () => msg('Active', { id: 'admin.jwks.active' }),
    text: () => msg('Signs every new access token.', { id: 'admin.jwks.active.text' }),
  },
  retiring: {
    variant: 'warning',
    label: () => msg('Retiring', { id: 'admin.jwks.retiring' }),
    text: () =>
      msg('No longer signs; tokens it signed still verify until it is retired.', { id: 'admin.jwks.retiring.text' }),
  },
  retired: {
    variant: 'neutral',
    label: () => msg('Retired', { id: 'admin.jwks.retired' }),
    text: () => msg('Unpublished: tokens it signed are refused.', { id: 'admin.jwks.retired.text' }),
  },
};

const badge = (s: KeyState) => html`<reel-badge variant=${STATE[s].variant} pill>${STATE[s].label()}</reel-badge>`;

/**
 * Access-token signing keys with their state (next, active, retiring, retired). Rotate promotes
 * the published next key and publishes a new one; a retiring key can be retired (confirmed), after
 * which tokens it signed are refused.
 *
 * @summary Admin JWKS signing keys.
 */
export class ReelAdminJwks extends PlatformPanel {
  static override styles = [
    ...PlatformPanel.styles,
    platformStyles,
    css`
      ol.keys {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--reel-space-3);
      }
      li.key {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--reel-space-2) var(--reel-space-4);
        align-items: center;
        padding: var(--reel-space-4);
        border: 1px solid var(--reel-color-border);
        border-radius: var(--reel-radius-lg);
        background: var(--reel-color-surface);
      }
      li.key[data-state='active'] {
        border-color: var(--reel-color-success);
      }
      li.key[data-state='retired'] {
        opacity: 0.75;
      }
      .kid {
        display: flex;
        flex-wrap: wrap;
        gap: var(--reel-space-2);
        align-items: center;
        font-family: var(--reel-font-family-mono);
        font-weight: var(--reel-font-weight-semibold);
        overflow-wrap: anywhere;
      }
      .times {
        display: flex;
        flex-wrap: wrap;
        gap: var(--reel-space-1) var(--reel-space-4);
        color: var(--reel-color-text-muted);
        font-size: var(--reel-font-size-sm);
        margin: var(--reel-space-1) 0 0;
      }
      .state-text {
        margin: var(--reel-space-1) 0 0;
        font-size: var(--reel-font-size-sm);
      }
      reel-skeleton.loading {
        block-size: 12rem;
      }
      @media (max-width: 40rem) {
        li.key {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @state() private data: AdminJwks | null = null;
  @state() private error = '';
  @state() private busy = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  private async reload(): Promise<void> {
    try {
      this.data = await this.client.call(adminJwksList, {});
      this.error = '';
    } catch (e) {
      this.error = problemOf(e).message;
    }
  }

  private async rotate(): Promise<void> {
    const ok = await this.confirm({
      heading: msg('Rotate the signing key?', { id: 'admin.jwks.rotate.heading' }),
      message: msg(
        'The published next key starts signing new tokens. The active key becomes retiring and keeps verifying the tokens it signed; a new next key is published.',
        { id: 'admin.jwks.rotate.text' },
      ),
      label: msg('Rotate', { id: 'admin.jwks.rotate' }),
      danger: false,
    });
    if (!ok) return;
    this.busy = 'rotate';
    try {
      this.data = await this.client.call(adminJwksRotate, {});
      this.notify(msg('Rotated: the new active key signs from now on', { id: 'admin.jwks.rotated' }));
    } catch (e) {
      this.error = problemOf(e).message;
    } finally {
      this.busy = '';
    }
  }

  private async retire(key: AdminSigningKey): Promise<void> {
    const ttl = this.data?.access_token_ttl_seconds ?? 900;
    const since = key.retiring_at ? (Date.now() - Date.parse(key.retiring_at)) / 1000 : ttl;
    const early = since < ttl;
    const ok = await this.confirm({
      heading: msg(str`Retire ${key.kid}?`, { id: 'admin.jwks.retire.heading' }),
      message: early
        ? msg(
            str`It stopped signing less than ${Math.round(ttl / 60)} minutes ago: people holding a token it signed are signed out of their current token and must refresh. Tokens it signed are refused from now on.`,
            { id: 'admin.jwks.retire.early' },
          )
        : msg('It is removed from the JWKS and tokens it signed are refused from now on.', {
            id: 'admin.jwks.retire.text',
          }),
      label: msg('Retire key', { id: 'admin.jwks.retire' }),
    });
    if (!ok) return;
    this.busy = key.kid;
    try {
      this.data = await this.client.call(adminJwksRetire, { params: { kid: key.kid } });
      this.notify(msg('Key retired', { id: 'admin.jwks.retired-toast' }));
    } catch (e) {
      this.error = problemOf(e).message;
    } finally {
      this.busy = '';
    }
  }

  private renderKey(k: AdminSigningKey) {
    return html`<li class="key" data-state=${k.state}>
      <div>
        <div class="kid">${badge(k.state)}<span>${k.kid}</span>${k.published ? html`<reel-badge variant="outline">${msg('In JWKS', { id: 'admin.jwks.published' })}</reel-badge>` : nothing}</div>
        <p class="state-text">${STATE[k.state].text()}</p>
        <p class="times">
          <span>${msg('Created', { id: 'admin.keys.created' })} ${when(k.created_at)}</span>
          ${k.activated_at ? html`<span>${msg('Signing since', { id: 'admin.jwks.activated' })} ${when(k.activated_at)}</span>` : nothing}
          ${k.retiring_at ? html`<span>${msg('Retiring since', { id: 'admin.jwks.retiring-at' })} ${ago(k.retiring_at)}</span>` : nothing}
          ${k.retired_at ? html`<span>${msg('Retired', { id: 'admin.jwks.retired' })} ${when(k.retired_at)}</span>` : nothing}
        </p>
      </div>
      ${
        k.state === 'retiring'
          ? html`<reel-button variant="danger" ?loading=${this.busy === k.kid} @click=${() => void this.retire(k)}>${msg('Retire', { id: 'admin.jwks.retire-short' })}</reel-button>`
          : nothing
      }
    </li>`;
  }

  protected override render() {
    const d = this.data;
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Signing keys (JWKS)', { id: 'admin.jwks.title' })}</h1>
          <p class="lede">${msg('The ES256 keys that sign access tokens. A new key is published before it signs; the old one verifies until you retire it.', { id: 'admin.jwks.lede' })}</p>
        </div>
        <reel-button variant="primary" ?loading=${this.busy === 'rotate'} ?disabled=${!d} @click=${() => void this.rotate()}><reel-icon slot="start" name="refresh"></reel-icon>${msg('Rotate', { id: 'admin.jwks.rotate' })}</reel-button>
      </header>
      ${this.error ? html`<p class="error-text" role="alert">${this.error}</p>` : nothing}
      ${
        d
          ? html`<section class="card" aria-labelledby="keys-heading">
              <div class="detail-head">
                <h2 id="keys-heading">${msg('Keys', { id: 'admin.jwks.keys' })}</h2>
                <span class="muted">${
                  d.last_rotated_at
                    ? msg(str`Last rotated ${ago(d.last_rotated_at)}`, { id: 'admin.jwks.last' })
                    : msg('Never rotated', { id: 'admin.jwks.never' })
                } · ${msg(str`Tokens live ${Math.round(d.access_token_ttl_seconds / 60)} min`, { id: 'admin.jwks.ttl' })}</span>
              </div>
              <ol class="keys">${d.items.map((k) => this.renderKey(k))}</ol>
            </section>`
          : this.error
            ? nothing
            : html`<reel-skeleton class="loading"></reel-skeleton>`
      }
      ${this.renderConfirm()}`;
  }
}

defineElement('reel-admin-jwks', ReelAdminJwks);

declare global {
  interface HTMLElementTagNameMap {
    'reel-admin-jwks': ReelAdminJwks;
  }
}
