import { msg, str } from '@lit/localize';
import {
  type AdminApiKey,
  type AdminApiKeyCreated,
  AdminApiKeyInput,
  adminApiKeysCreate,
  adminApiKeysGet,
  adminApiKeysList,
  adminApiKeysRevoke,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { errorUnder, validate } from '../form.js';
import { problemOf } from '../panel.js';
import type { ReelAdminTable, TableColumn, TableQuery } from '../reel-admin-table.js';
import { ago, PlatformPanel, platformStyles, when } from './staff-common.js';
import '../define-table.js';

/** The contract's `AdminApiKeyDetail`. */
type Detail = AdminApiKey & {
  usage_daily: { date: string; requests: number; tokens_minted: number; refused: number }[];
};
type Scope = AdminApiKey['scopes'][number];

const SCOPES: { value: Scope; label: () => string; hint: () => string }[] = [
  {
    value: 'playback',
    label: () => msg('Playback', { id: 'admin.keys.scope.playback' }),
    hint: () => msg('Mint playback tokens for the embedded player', { id: 'admin.keys.scope.playback.hint' }),
  },
  {
    value: 'catalog',
    label: () => msg('Catalog', { id: 'admin.keys.scope.catalog' }),
    hint: () => msg('Read the public catalog', { id: 'admin.keys.scope.catalog.hint' }),
  },
];

const n = (v: number) => new Intl.NumberFormat().format(v);

const statusBadge = (k: AdminApiKey) =>
  k.status === 'active'
    ? html`<reel-badge variant="success" pill>${msg('Active', { id: 'admin.staff.active' })}</reel-badge>`
    : html`<reel-badge variant="neutral" pill>${msg('Revoked', { id: 'admin.keys.revoked' })}</reel-badge>`;

/**
 * Partner API keys: create with scopes and allowed origins (the secret is shown once, with a copy
 * button), see last use and usage per key (requests, tokens minted, refusals, by day), revoke
 * (confirmed; the key's next token request fails).
 *
 * @summary Admin partner API keys.
 */
export class ReelAdminApiKeys extends PlatformPanel {
  static override styles = [
    ...PlatformPanel.styles,
    platformStyles,
    css`
      .secret {
        display: flex;
        flex-wrap: wrap;
        gap: var(--reel-space-2);
        align-items: center;
        padding: var(--reel-space-3);
        border-radius: var(--reel-radius-md);
        border: 1px dashed var(--reel-color-border-strong);
        background: var(--reel-color-field);
      }
      .secret code {
        flex: 1 1 16rem;
        font-family: var(--reel-font-family-mono);
        font-size: var(--reel-font-size-sm);
        overflow-wrap: anywhere;
      }
      ul.origins {
        margin: 0;
        padding-inline-start: var(--reel-space-4);
      }
    `,
  ];

  @state() private selected: Detail | null = null;
  @state() private creating = false;
  @state() private draft = { name: '', scopes: ['playback'] as Scope[], origins: '' };
  @state() private created: AdminApiKeyCreated | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private busy = false;
  @state() private copied = false;

  private readonly columns: TableColumn<AdminApiKey>[] = [
    {
      id: 'name',
      label: msg('Key', { id: 'admin.keys.key' }),
      fixed: true,
      render: (k) => html`<strong>${k.name}</strong><br /><small>${k.prefix}…</small>`,
      text: (k) => k.name,
    },
    { id: 'scopes', label: msg('Scopes', { id: 'admin.keys.scopes' }), render: (k) => k.scopes.join(', ') },
    {
      id: 'origins',
      label: msg('Origins', { id: 'admin.keys.origins' }),
      render: (k) =>
        k.allowed_origins.length === 1
          ? k.allowed_origins[0]
          : msg(str`${k.allowed_origins.length} origins`, { id: 'admin.keys.n-origins' }),
      text: (k) => k.allowed_origins.join(' '),
    },
    { id: 'status', label: msg('Status', { id: 'admin.staff.status' }), render: statusBadge, text: (k) => k.status },
    {
      id: 'last_used',
      label: msg('Last used', { id: 'admin.keys.last-used' }),
      render: (k) => ago(k.last_used_at),
      text: (k) => k.last_used_at,
    },
    {
      id: 'usage',
      label: msg('Requests (24 h / 30 d)', { id: 'admin.keys.usage' }),
      render: (k) => `${n(k.usage.requests_24h)} / ${n(k.usage.requests_30d)}`,
    },
    {
      id: 'refused',
      label: msg('Refused (24 h)', { id: 'admin.keys.refused' }),
      optional: true,
      render: (k) => n(k.usage.refused_24h),
    },
  ];

  private readonly load = (q: TableQuery) =>
    this.client.call(adminApiKeysList, {
      query: {
        limit: q.limit,
        ...(q.cursor ? { cursor: q.cursor } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.filters as Record<string, never>),
      },
    });

  private async open(id: string): Promise<void> {
    try {
      this.selected = (await this.client.call(adminApiKeysGet, { params: { id } })) as Detail;
      this.formError = '';
      await this.updateComplete;
      const h = this.renderRoot.querySelector('#key-heading') as HTMLElement | null;
      h?.focus();
      h?.scrollIntoView?.({ block: 'nearest' });
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    }
  }

  private startCreate(): void {
    this.draft = { name: '', scopes: ['playback'], origins: '' };
    this.errors = {};
    this.formError = '';
    this.creating = true;
  }

  private async create(event?: Event): Promise<void> {
    event?.preventDefault();
    const body = {
      name: this.draft.name.trim(),
      scopes: this.draft.scopes,
      allowed_origins: this.draft.origins
        .split(/[\s,]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    };
    this.errors = validate(AdminApiKeyInput as never, body);
    if (Object.keys(this.errors).length) {
      const origins = errorUnder(this.errors, 'allowed_origins');
      if (origins)
        this.errors = {
          ...this.errors,
          allowed_origins: msg('One or more origins such as https://news.example.com', {
            id: 'admin.keys.origins.rule',
          }),
        };
      this.formError = msg('Check the highlighted fields.', { id: 'admin.form.check' });
      return;
    }
    this.busy = true;
    this.formError = '';
    try {
      this.created = await this.client.call(adminApiKeysCreate, { body });
      this.copied = false;
      this.creating = false;
      await (this.renderRoot.querySelector('reel-admin-table') as ReelAdminTable | null)?.reload();
    } catch (error) {
      const p = problemOf(error);
      this.formError = p.message;
      this.errors = p.fields;
    } finally {
      this.busy = false;
    }
  }

  private async copySecret(): Promise<void> {
    if (!this.created) return;
    try {
      await navigator.clipboard.writeText(this.created.secret);
      this.copied = true;
      this.notify(msg('Secret copied', { id: 'admin.keys.copied' }));
    } catch {
      // Clipboard refused (permissions): select the text so it can be copied by hand.
      const code = this.renderRoot.querySelector('.secret code');
      if (code) getSelection()?.selectAllChildren(code);
      this.notify(msg('Copy the selected secret by hand', { id: 'admin.keys.copy-by-hand' }), 'info');
    }
  }

  private async revoke(): Promise<void> {
    const k = this.selected;
    if (!k) return;
    const ok = await this.confirm({
      heading: msg(str`Revoke ${k.name}?`, { id: 'admin.keys.revoke.heading' }),
      message: msg(
        'At once: its next token request is refused and the tokens it minted stop working. This cannot be undone.',
        { id: 'admin.keys.revoke.text' },
      ),
      label: msg('Revoke key', { id: 'admin.keys.revoke' }),
    });
    if (!ok) return;
    this.busy = true;
    try {
      await this.client.call(adminApiKeysRevoke, { params: { id: k.id } });
      this.notify(msg('Key revoked', { id: 'admin.keys.revoked-toast' }));
      await this.open(k.id);
      await (this.renderRoot.querySelector('reel-admin-table') as ReelAdminTable | null)?.reload();
    } catch (error) {
      this.formError = problemOf(error).message;
    } finally {
      this.busy = false;
    }
  }

  private renderDetail(k: Detail) {
    const days = k.usage_daily;
    return html`<section class="card" aria-labelledby="key-heading">
      <div class="detail-head">
        <div class="who">
          <h2 id="key-heading" tabindex="-1">${k.name}</h2>
          <span class="mono">${k.prefix}…</span>
        </div>
        <div class="actions">
          ${statusBadge(k)}
          <reel-icon-button name="close" label=${msg('Close', { id: 'admin.crud.close' })} @click=${() => {
            this.selected = null;
          }}></reel-icon-button>
        </div>
      </div>
      <dl class="facts">
        <div><dt>${msg('Scopes', { id: 'admin.keys.scopes' })}</dt><dd>${k.scopes.join(', ')}</dd></div>
        <div><dt>${msg('Allowed origins', { id: 'admin.keys.allowed' })}</dt><dd><ul class="origins">${k.allowed_origins.map((o) => html`<li>${o}</li>`)}</ul></dd></div>
        <div><dt>${msg('Created', { id: 'admin.keys.created' })}</dt><dd>${when(k.created_at)}${k.created_by ? html`<span class="hint">${k.created_by.display_name}</span>` : nothing}</dd></div>
        <div><dt>${msg('Last used', { id: 'admin.keys.last-used' })}</dt><dd>${ago(k.last_used_at)}${k.last_used_origin ? html`<span class="hint">${k.last_used_origin}</span>` : nothing}</dd></div>
        <div><dt>${msg('Tokens minted (24 h / 30 d)', { id: 'admin.keys.minted' })}</dt><dd>${n(k.usage.tokens_minted_24h)} / ${n(k.usage.tokens_minted_30d)}</dd></div>
        <div><dt>${msg('Refused (24 h)', { id: 'admin.keys.refused' })}</dt><dd>${n(k.usage.refused_24h)}</dd></div>
        ${k.revoked_at ? html`<div><dt>${msg('Revoked', { id: 'admin.keys.revoked' })}</dt><dd>${when(k.revoked_at)}</dd></div>` : nothing}
      </dl>
      ${
        days.length
          ? html`<reel-chart
              type="bar"
              label=${msg('Usage over 30 days', { id: 'admin.keys.chart' })}
              .labels=${days.map((d) => d.date.slice(5))}
              .series=${[
                { name: msg('Requests', { id: 'admin.keys.requests' }), values: days.map((d) => d.requests) },
                { name: msg('Tokens minted', { id: 'admin.keys.tokens' }), values: days.map((d) => d.tokens_minted) },
                { name: msg('Refused', { id: 'admin.keys.refused-short' }), values: days.map((d) => d.refused) },
              ]}
              height="180"
            ></reel-chart>`
          : nothing
      }
      <div class="form-foot">
        <p class="error-text" role="alert">${this.formError}</p>
        ${k.status === 'active' ? html`<reel-button variant="danger" ?loading=${this.busy} @click=${() => void this.revoke()}>${msg('Revoke', { id: 'admin.keys.revoke-short' })}</reel-button>` : nothing}
      </div>
    </section>`;
  }

  private renderCreate() {
    return html`<reel-dialog
      size="md"
      .open=${this.creating}
      label=${msg('New API key', { id: 'admin.keys.new' })}
      @reel-dialog-close=${() => {
        this.creating = false;
      }}
    >
      <form class="dialog-form" novalidate @submit=${(e: Event) => void this.create(e)}>
        <reel-text-field
          name="name"
          required
          autocomplete="off"
          label=${msg('Name', { id: 'admin.titles.f.name' })}
          help-text=${msg('Who uses it: “News site”', { id: 'admin.keys.name.help' })}
          error=${errorUnder(this.errors, 'name')}
          .value=${this.draft.name}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.draft = { ...this.draft, name: e.detail.value };
          }}
        ></reel-text-field>
        <fieldset class="choices">
          <legend>${msg('Scopes', { id: 'admin.keys.scopes' })}</legend>
          <div class="choice-grid">
            ${SCOPES.map(
              (s) => html`<reel-checkbox
                value=${s.value}
                .checked=${this.draft.scopes.includes(s.value)}
                @reel-change=${(e: CustomEvent<{ checked: boolean }>) => {
                  const scopes = e.detail.checked
                    ? [...new Set([...this.draft.scopes, s.value])]
                    : this.draft.scopes.filter((x) => x !== s.value);
                  this.draft = { ...this.draft, scopes };
                }}
                >${s.label()}<span class="hint">${s.hint()}</span></reel-checkbox
              >`,
            )}
          </div>
          ${errorUnder(this.errors, 'scopes') ? html`<p class="error-text">${msg('Choose at least one scope', { id: 'admin.keys.pick-scope' })}</p>` : nothing}
        </fieldset>
        <reel-text-field
          name="allowed_origins"
          multiline
          rows="3"
          required
          label=${msg('Allowed origins', { id: 'admin.keys.allowed' })}
          help-text=${msg('One per line: https://news.example.com, https://*.example.com', { id: 'admin.keys.allowed.help' })}
          error=${errorUnder(this.errors, 'allowed_origins')}
          .value=${this.draft.origins}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.draft = { ...this.draft, origins: e.detail.value };
          }}
        ></reel-text-field>
        ${this.formError && this.creating ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
      </form>
      <reel-button slot="footer" @click=${() => {
        this.creating = false;
      }}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>
      <reel-button slot="footer" variant="primary" ?loading=${this.busy} @click=${() => void this.create()}>${msg('Create key', { id: 'admin.keys.create' })}</reel-button>
    </reel-dialog>`;
  }

  private renderSecret() {
    const k = this.created;
    return html`<reel-dialog
      size="md"
      alert
      .open=${!!k}
      label=${msg('Copy the secret now', { id: 'admin.keys.secret.heading' })}
      @reel-dialog-close=${() => {
        this.created = null;
      }}
    >
      ${
        k
          ? html`<div class="dialog-form">
              <p>${msg(str`This is the only time the secret of ${k.name} is shown. It is stored hashed: if it is lost, create a new key.`, { id: 'admin.keys.secret.text' })}</p>
              <div class="secret">
                <code>${k.secret}</code>
                <reel-button @click=${() => void this.copySecret()}><reel-icon slot="start" name=${this.copied ? 'check' : 'copy'}></reel-icon>${this.copied ? msg('Copied', { id: 'admin.keys.copied-short' }) : msg('Copy', { id: 'admin.keys.copy' })}</reel-button>
              </div>
            </div>`
          : nothing
      }
      <reel-button slot="footer" variant="primary" @click=${() => {
        this.created = null;
      }}>${msg('Done', { id: 'admin.keys.done' })}</reel-button>
    </reel-dialog>`;
  }

  protected override render() {
    return html`<header class="panel-head">
        <div>
          <h1>${msg('API keys', { id: 'admin.group.api-keys' })}</h1>
          <p class="lede">${msg('Keys partners use to embed the player and read the catalog, limited to their scopes and origins.', { id: 'admin.keys.lede' })}</p>
        </div>
        <reel-button variant="primary" @click=${() => this.startCreate()}><reel-icon slot="start" name="plus"></reel-icon>${msg('New API key', { id: 'admin.keys.new' })}</reel-button>
      </header>
      <div class="stack">
        ${this.selected ? this.renderDetail(this.selected) : nothing}
        <reel-admin-table
          label=${msg('API keys', { id: 'admin.group.api-keys' })}
          storage-key="api-keys"
          user-id=${this.api.session?.user?.id ?? ''}
          no-export
          .columns=${this.columns}
          .filters=${[
            {
              id: 'status',
              label: msg('Status', { id: 'admin.staff.status' }),
              options: [
                { value: 'active', label: msg('Active', { id: 'admin.staff.active' }) },
                { value: 'revoked', label: msg('Revoked', { id: 'admin.keys.revoked' }) },
              ],
            },
          ]}
          .load=${this.load}
          @reel-admin-open=${(e: CustomEvent<{ row: AdminApiKey }>) => void this.open(e.detail.row.id)}
        ></reel-admin-table>
      </div>
      ${this.renderCreate()} ${this.renderSecret()} ${this.renderConfirm()}`;
  }
}

defineElement('reel-admin-api-keys', ReelAdminApiKeys);

declare global {
  interface HTMLElementTagNameMap {
    'reel-admin-api-keys': ReelAdminApiKeys;
  }
}
