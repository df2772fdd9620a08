import { msg, str } from '@lit/localize';
import {
  type AdminDeliverySettings,
  adminCdnDeliveryGet,
  adminCdnDeliveryRotateSecret,
  adminCdnDeliveryUpdate,
} from '@reel/contracts';
import { defineElement, formatDate, formatRelativeTime } from '@reel/core';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminPanel, problemOf } from '../panel.js';
import { panelStyles } from '../styles.js';
import { opsStyles } from './ops-common.js';

type Policy = AdminDeliverySettings['cache_policies'][number];
type Lifetimes = AdminDeliverySettings['token_lifetimes'];

interface Draft {
  lifetimes: Record<keyof Lifetimes, string>;
  origins: string;
  policies: { asset_kind: Policy['asset_kind']; max_age: string; s_maxage: string; swr: string; immutable: boolean }[];
}

const GRACES: { value: string; label: () => string }[] = [
  { value: '0', label: () => msg('None: old URLs stop at once', { id: 'admin.delivery.grace.0' }) },
  { value: '300', label: () => msg('5 minutes', { id: 'admin.delivery.grace.5m' }) },
  { value: '3600', label: () => msg('1 hour', { id: 'admin.delivery.grace.1h' }) },
  { value: '21600', label: () => msg('6 hours (longest token)', { id: 'admin.delivery.grace.6h' }) },
  { value: '86400', label: () => msg('24 hours', { id: 'admin.delivery.grace.24h' }) },
];

const LIFETIMES: { key: keyof Lifetimes; label: () => string; min: number; max: number }[] = [
  {
    key: 'playback_token_seconds',
    label: () => msg('Partner playback tokens', { id: 'admin.delivery.life.playback' }),
    min: 60,
    max: 86_400,
  },
  {
    key: 'signed_url_seconds',
    label: () => msg('Signed URLs', { id: 'admin.delivery.life.signed-url' }),
    min: 30,
    max: 86_400,
  },
  {
    key: 'delivery_token_seconds',
    label: () => msg('Delivery tokens', { id: 'admin.delivery.life.token' }),
    min: 30,
    max: 86_400,
  },
  {
    key: 'cookie_seconds',
    label: () => msg('Delivery cookies', { id: 'admin.delivery.life.cookie' }),
    min: 60,
    max: 604_800,
  },
];

const draftOf = (s: AdminDeliverySettings): Draft => ({
  lifetimes: Object.fromEntries(
    Object.entries(s.token_lifetimes).map(([k, v]) => [k, String(v)]),
  ) as Draft['lifetimes'],
  origins: s.allowed_origins.join('\n'),
  policies: s.cache_policies.map((p) => ({
    asset_kind: p.asset_kind,
    max_age: String(p.max_age_seconds),
    s_maxage: p.s_maxage_seconds === null ? '' : String(p.s_maxage_seconds),
    swr: String(p.stale_while_revalidate_seconds),
    immutable: p.immutable,
  })),
});

/**
 * CDN delivery settings: the URL-signing secret (rotate with a grace period), token lifetimes,
 * allowed origins and cache policy per asset kind. Changes apply without a restart.
 *
 * @summary Admin delivery settings.
 */
export class ReelAdminDelivery extends AdminPanel {
  static override styles = [
    panelStyles,
    opsStyles,
    css`
      table.policies input {
        inline-size: 7rem;
      }
      .key {
        display: grid;
        gap: var(--reel-space-1);
        margin-block-end: var(--reel-space-4);
      }
      td reel-text-field {
        min-inline-size: 7rem;
      }
    `,
  ];

  @state() private settings: AdminDeliverySettings | null = null;
  @state() private draft: Draft | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private problem = '';
  @state() private saving = false;
  @state() private grace = '21600';
  @state() private confirming = false;
  @state() private rotating = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.settings = await this.client.call(adminCdnDeliveryGet);
      this.draft = draftOf(this.settings);
      this.problem = '';
    } catch (error) {
      this.problem = problemOf(error).message;
    }
  }

  private async save(): Promise<void> {
    const d = this.draft;
    const s = this.settings;
    if (!d || !s || this.saving) return;
    const errors: Record<string, string> = {};
    const int = (v: string, field: string, min: number, max: number) => {
      const n = Number(v);
      if (!/^\d+$/.test(v.trim()) || n < min || n > max)
        errors[field] = msg(str`A whole number of seconds, ${min}–${max}`, { id: 'admin.delivery.int-error' });
      return n;
    };
    const lifetimes = Object.fromEntries(
      LIFETIMES.map((l) => [l.key, int(d.lifetimes[l.key], `token_lifetimes.${l.key}`, l.min, l.max)]),
    ) as Lifetimes;
    const origins = d.origins.split(/[\s,]+/).filter(Boolean);
    const bad = origins.find((o) => !/^https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/.test(o));
    if (bad)
      errors.allowed_origins = msg(str`Not an origin: “${bad}” (https://host[:port])`, {
        id: 'admin.delivery.origin-error',
      });
    const policies = d.policies.map((p, i) => ({
      asset_kind: p.asset_kind,
      max_age_seconds: int(p.max_age, `cache_policies.${i}.max_age_seconds`, 0, 31_536_000),
      s_maxage_seconds:
        p.s_maxage.trim() === '' ? null : int(p.s_maxage, `cache_policies.${i}.s_maxage_seconds`, 0, 31_536_000),
      stale_while_revalidate_seconds: int(p.swr, `cache_policies.${i}.stale_while_revalidate_seconds`, 0, 86_400),
      immutable: p.immutable,
    }));
    this.errors = errors;
    if (Object.keys(errors).length) return;
    this.saving = true;
    try {
      this.settings = await this.client.call(adminCdnDeliveryUpdate, {
        body: { token_lifetimes: lifetimes, allowed_origins: origins, cache_policies: policies, version: s.version },
      });
      this.draft = draftOf(this.settings);
      this.notify(msg('Delivery settings saved: they apply to the next request', { id: 'admin.delivery.saved' }));
    } catch (error) {
      const p = problemOf(error);
      this.errors = { ...p.fields, form: p.message };
    } finally {
      this.saving = false;
    }
  }

  private async rotate(): Promise<void> {
    if (this.rotating) return;
    this.rotating = true;
    try {
      this.settings = await this.client.call(adminCdnDeliveryRotateSecret, {
        body: { grace_seconds: Number(this.grace) },
      });
      this.confirming = false;
      this.notify(msg('A new signing secret is in use', { id: 'admin.delivery.rotated' }));
    } catch (error) {
      this.notify(problemOf(error).message, 'danger');
    } finally {
      this.rotating = false;
    }
  }

  private renderSigning(s: AdminDeliverySettings) {
    const k = s.signing;
    return html`<section class="card" aria-labelledby="signing">
      <h2 id="signing">${msg('URL-signing secret', { id: 'admin.delivery.signing' })}</h2>
      <div class="key">
        <span>${msg('In use', { id: 'admin.delivery.in-use' })}: <span class="mono key-id">${k.key_id}</span>
          <span class="muted">· ${msg(str`since ${formatDate(k.created_at, { dateStyle: 'medium', timeStyle: 'short' })}`, { id: 'admin.delivery.since' })}</span></span>
        ${
          k.previous_key_id && k.previous_valid_until
            ? html`<span>${msg('Previous', { id: 'admin.delivery.previous' })}: <span class="mono">${k.previous_key_id}</span>
                <span class="muted">· ${msg(str`verifies until ${formatDate(k.previous_valid_until, { dateStyle: 'medium', timeStyle: 'short' })} (${formatRelativeTime(k.previous_valid_until)})`, { id: 'admin.delivery.until' })}</span></span>`
            : html`<span class="muted">${msg('No previous secret verifies now.', { id: 'admin.delivery.no-previous' })}</span>`
        }
      </div>
      <div class="toolbar">
        <reel-select name="grace" label=${msg('Grace period for the old secret', { id: 'admin.delivery.grace' })} .value=${this.grace}
          .options=${GRACES.map((g) => ({ value: g.value, label: g.label() }))}
          @reel-change=${(e: CustomEvent<{ value: string }>) => {
            this.grace = e.detail.value;
          }}></reel-select>
        <reel-button variant="danger" class="rotate" @click=${() => {
          this.confirming = true;
        }}>${msg('Rotate secret', { id: 'admin.delivery.rotate' })}</reel-button>
      </div>
    </section>`;
  }

  private renderForm(d: Draft) {
    const field = (key: string, value: string, label: string, set: (v: string) => void, help = '') =>
      html`<reel-text-field name=${key} label=${label} help-text=${help} inputmode="numeric" .value=${value} error=${this.errors[key] ?? ''}
        @reel-input=${(e: CustomEvent<{ value: string }>) => set(e.detail.value)}></reel-text-field>`;
    const setPolicy = (i: number, patch: Partial<Draft['policies'][number]>) => {
      const policies = d.policies.map((p, j) => (j === i ? { ...p, ...patch } : p));
      this.draft = { ...d, policies };
    };
    return html`<section class="card" aria-labelledby="lifetimes">
        <h2 id="lifetimes">${msg('Token lifetimes (seconds)', { id: 'admin.delivery.lifetimes' })}</h2>
        <div class="form-row">
          ${LIFETIMES.map((l) =>
            field(`token_lifetimes.${l.key}`, d.lifetimes[l.key], l.label(), (v) => {
              this.draft = { ...d, lifetimes: { ...d.lifetimes, [l.key]: v } };
            }),
          )}
        </div>
      </section>
      <section class="card" aria-labelledby="origins">
        <h2 id="origins">${msg('Allowed origins', { id: 'admin.delivery.origins' })}</h2>
        <reel-text-field name="allowed_origins" multiline rows="3" label=${msg('Origins that may load media', { id: 'admin.delivery.origins.label' })}
          help-text=${msg('One per line, besides the partner keys’ own origins: https://tv.example.com', { id: 'admin.delivery.origins.help' })}
          .value=${d.origins} error=${this.errors.allowed_origins ?? ''}
          @reel-input=${(e: CustomEvent<{ value: string }>) => {
            this.draft = { ...d, origins: e.detail.value };
          }}></reel-text-field>
      </section>
      <section class="card" aria-labelledby="cache">
        <h2 id="cache">${msg('Cache policy per asset kind', { id: 'admin.delivery.cache' })}</h2>
        <div class="scroll" tabindex="0" role="region" aria-label=${msg('Cache policies table', { id: 'admin.delivery.cache-table' })}><table class="simple policies">
          <thead><tr><th scope="col">${msg('Kind', { id: 'admin.costs.kind' })}</th><th scope="col">max-age</th><th scope="col">s-maxage</th><th scope="col">stale-while-revalidate</th><th scope="col">immutable</th></tr></thead>
          <tbody>${d.policies.map(
            (p, i) => html`<tr>
              <th scope="row">${p.asset_kind}</th>
              <td>${field(`cache_policies.${i}.max_age_seconds`, p.max_age, msg(str`${p.asset_kind}: max-age`, { id: 'admin.delivery.max-age' }), (v) => setPolicy(i, { max_age: v }))}</td>
              <td>${field(`cache_policies.${i}.s_maxage_seconds`, p.s_maxage, msg(str`${p.asset_kind}: s-maxage`, { id: 'admin.delivery.s-maxage' }), (v) => setPolicy(i, { s_maxage: v }), msg('Blank: as max-age', { id: 'admin.delivery.s-maxage.help' }))}</td>
              <td>${field(`cache_policies.${i}.stale_while_revalidate_seconds`, p.swr, msg(str`${p.asset_kind}: stale-while-revalidate`, { id: 'admin.delivery.swr' }), (v) => setPolicy(i, { swr: v }))}</td>
              <td><reel-checkbox .checked=${p.immutable} @reel-change=${(e: CustomEvent<{ checked: boolean }>) => setPolicy(i, { immutable: e.detail.checked })}><span class="sr-only">${msg(str`${p.asset_kind}: immutable`, { id: 'admin.delivery.immutable' })}</span></reel-checkbox></td>
            </tr>`,
          )}</tbody></table></div>
        ${this.errors.form ? html`<p class="error-text" role="alert">${this.errors.form}</p>` : nothing}
        <div class="form-foot">
          <reel-button variant="primary" class="save" ?loading=${this.saving} @click=${() => void this.save()}>${msg('Save delivery settings', { id: 'admin.delivery.save' })}</reel-button>
        </div>
      </section>`;
  }

  protected override render() {
    const s = this.settings;
    return html`<header class="panel-head">
        <div>
          <h1>${msg('Delivery', { id: 'admin.group.delivery' })}</h1>
          <p class="lede">${msg('How media URLs are signed and cached. Changes apply to the next request, without a restart.', { id: 'admin.delivery.lede' })}</p>
        </div>
        ${s ? html`<p class="muted">${msg(str`Version ${s.version}`, { id: 'admin.delivery.version' })}${s.updated_by ? ` · ${s.updated_by.display_name}` : ''}</p>` : nothing}
      </header>
      <p class="error-text" role="alert">${this.problem}</p>
      ${s && this.draft ? html`${this.renderSigning(s)}${this.renderForm(this.draft)}` : this.problem ? nothing : html`<reel-skeleton></reel-skeleton>`}
      <reel-dialog size="sm" .open=${this.confirming} label=${msg('Rotate the signing secret?', { id: 'admin.delivery.confirm' })}
        @reel-dialog-close=${() => {
          this.confirming = false;
        }}>
        <p>${
          this.grace === '0'
            ? msg('Every media URL and token signed so far stops working at once: players renew theirs.', {
                id: 'admin.delivery.confirm.now',
              })
            : msg(
                str`URLs signed with the current secret keep working for ${GRACES.find((g) => g.value === this.grace)?.label() ?? ''}.`,
                { id: 'admin.delivery.confirm.grace' },
              )
        }</p>
        <reel-button slot="footer" @click=${() => {
          this.confirming = false;
        }}>${msg('Cancel', { id: 'admin.form.cancel' })}</reel-button>
        <reel-button slot="footer" variant="danger" class="confirm-rotate" ?loading=${this.rotating} @click=${() => void this.rotate()}>${msg('Rotate secret', { id: 'admin.delivery.rotate' })}</reel-button>
      </reel-dialog>`;
  }
}

defineElement('reel-admin-delivery', ReelAdminDelivery);
