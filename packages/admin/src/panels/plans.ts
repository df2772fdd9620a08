import { msg, str } from '@lit/localize';
import {
  type AdminPlan,
  AdminPlanInput,
  AdminPlanUpdate,
  adminPlansArchive,
  adminPlansCreate,
  adminPlansList,
  adminPlansUpdate,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html } from 'lit';
import type { CrudConfig } from '../crud.js';
import { AdminPanel } from '../panel.js';
import '../define-crud.js';

/** A price in its currency's own minor units (JPY has none, USD two). */
export function formatPrice(p: AdminPlan['price']): string {
  try {
    const f = new Intl.NumberFormat(undefined, { style: 'currency', currency: p.currency });
    const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
    return f.format(p.amount / 10 ** digits);
  } catch {
    return `${p.amount} ${p.currency}`;
  }
}

/** Form keys are the request's field paths (`price.amount`), so the server's field errors land beside them. */
function nest(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const [head, tail] = key.split('.') as [string, string | undefined];
    if (!tail) out[head] = value;
    else out[head] = { ...((out[head] as Record<string, unknown>) ?? {}), [tail]: value };
  }
  return out;
}

const ENTITLEMENTS = [
  'entitlements.max_quality',
  'entitlements.concurrent_streams',
  'entitlements.profiles',
  'entitlements.downloads',
  'entitlements.ad_free',
];

/**
 * Billing plans (§6, §35, `billing.manage`): price in minor units and currency, interval, trial,
 * entitlements (quality, streams, profiles, downloads, ads). An archived plan leaves the plans page
 * and new checkouts; its subscribers keep it. A new price reaches existing subscribers at their
 * next renewal. Every change asks for a recent re-authentication and is audited.
 *
 * @summary Admin billing plans.
 */
export class ReelAdminPlans extends AdminPanel {
  private readonly config: CrudConfig<AdminPlan> = {
    label: msg('Plans', { id: 'admin.group.plans' }),
    noun: msg('plan', { id: 'admin.plans.noun' }),
    storageKey: 'plans',
    columns: [
      { id: 'name', label: msg('Name', { id: 'admin.titles.f.name' }), fixed: true, render: (p) => p.name },
      { id: 'code', label: msg('Code', { id: 'admin.plans.code' }), optional: true, render: (p) => p.code },
      {
        id: 'price',
        label: msg('Price', { id: 'admin.bundles.price' }),
        render: (p) =>
          p.interval === 'year'
            ? msg(str`${formatPrice(p.price)} / year`, { id: 'admin.plans.per-year' })
            : msg(str`${formatPrice(p.price)} / month`, { id: 'admin.plans.per-month' }),
      },
      {
        id: 'entitlements',
        label: msg('Entitlements', { id: 'admin.plans.entitlements' }),
        render: (p) =>
          msg(
            str`${p.entitlements.max_quality} · ${p.entitlements.concurrent_streams} streams · ${p.entitlements.profiles} profiles · ${p.entitlements.downloads} downloads`,
            { id: 'admin.plans.entitlements.summary' },
          ),
      },
      {
        id: 'trial',
        label: msg('Trial', { id: 'admin.plans.trial' }),
        optional: true,
        render: (p) => (p.trial_days ? msg(str`${p.trial_days} days`, { id: 'admin.plans.trial-days' }) : '—'),
      },
      {
        id: 'subscribers',
        label: msg('Subscribers', { id: 'admin.plans.subscribers' }),
        render: (p) => p.subscriber_count,
      },
      {
        id: 'state',
        label: msg('State', { id: 'admin.titles.col.state' }),
        render: (p) =>
          p.active
            ? html`<reel-badge variant="success" pill>${msg('On sale', { id: 'admin.plans.on-sale' })}</reel-badge>`
            : html`<reel-badge variant="neutral" pill>${msg('Archived', { id: 'admin.plans.archived' })}</reel-badge>`,
        text: (p) => (p.active ? 'on sale' : 'archived'),
      },
    ],
    load: async () => ({ ...(await this.client.call(adminPlansList, {})), next_cursor: null }),
    valuesOf: (p) => ({
      code: p.code,
      name: p.name,
      description: p.description,
      'price.amount': p.price.amount,
      'price.currency': p.price.currency,
      interval: p.interval,
      trial_days: p.trial_days,
      'entitlements.max_quality': p.entitlements.max_quality,
      'entitlements.concurrent_streams': p.entitlements.concurrent_streams,
      'entitlements.profiles': p.entitlements.profiles,
      'entitlements.downloads': p.entitlements.downloads,
      'entitlements.ad_free': p.entitlements.ad_free,
      features: p.features,
      order: p.order,
      highlighted: p.highlighted,
      active: p.active,
    }),
    toBody: (values, creating) => {
      const v = { ...values };
      if (typeof v['price.currency'] === 'string') v['price.currency'] = v['price.currency'].trim().toUpperCase();
      // An edit that leaves the price or entitlements alone still sends them whole (the schema wants both parts).
      if (creating) {
        v['price.currency'] ??= 'USD';
        v.interval ??= 'month';
        v.trial_days ??= 0;
        v['entitlements.max_quality'] ??= '1080p';
      }
      if (!ENTITLEMENTS.some((k) => k in v)) for (const k of ENTITLEMENTS) delete v[k];
      return nest(v);
    },
    fields: [
      { id: 'code', label: msg('Code', { id: 'admin.plans.code' }), createOnly: true, help: 'family, student' },
      { id: 'name', label: msg('Name', { id: 'admin.titles.f.name' }) },
      {
        id: 'price.amount',
        label: msg('Price (minor units)', { id: 'admin.plans.price' }),
        kind: 'number',
        help: msg('In cents for USD/EUR: 1399 is 13.99', { id: 'admin.plans.price.help' }),
      },
      {
        id: 'price.currency',
        label: msg('Currency', { id: 'admin.bundles.currency' }),
        help: msg('ISO 4217: USD, EUR, GBP', { id: 'admin.plans.currency.help' }),
      },
      {
        id: 'interval',
        label: msg('Billed every', { id: 'admin.plans.interval' }),
        kind: 'select',
        options: [
          { value: 'month', label: msg('Month', { id: 'admin.plans.month' }) },
          { value: 'year', label: msg('Year', { id: 'admin.plans.year' }) },
        ],
      },
      { id: 'trial_days', label: msg('Trial days', { id: 'admin.plans.trial-days-field' }), kind: 'number' },
      {
        id: 'entitlements.max_quality',
        label: msg('Maximum quality', { id: 'admin.plans.quality' }),
        kind: 'select',
        options: ['480p', '720p', '1080p', '2160p'].map((q) => ({ value: q, label: q })),
      },
      {
        id: 'entitlements.concurrent_streams',
        label: msg('Streams at once', { id: 'admin.plans.streams' }),
        kind: 'number',
      },
      { id: 'entitlements.profiles', label: msg('Profiles', { id: 'admin.plans.profiles' }), kind: 'number' },
      {
        id: 'entitlements.downloads',
        label: msg('Downloads (0: none)', { id: 'admin.plans.downloads' }),
        kind: 'number',
      },
      { id: 'entitlements.ad_free', label: msg('Ad-free', { id: 'admin.plans.ad-free' }), kind: 'checkbox' },
      {
        id: 'features',
        label: msg('Selling points (comma-separated)', { id: 'admin.plans.features' }),
        kind: 'list',
      },
      { id: 'order', label: msg('Position', { id: 'admin.plans.order' }), kind: 'number' },
      { id: 'highlighted', label: msg('Recommended', { id: 'admin.plans.highlighted' }), kind: 'checkbox' },
      { id: 'description', label: msg('Description', { id: 'admin.genres.description' }), kind: 'textarea' },
    ],
    createSchema: AdminPlanInput as never,
    updateSchema: AdminPlanUpdate as never,
    create: (body) => this.client.call(adminPlansCreate, { body: body as never }),
    update: (p, body) => this.client.call(adminPlansUpdate, { params: { id: p.id }, body: body as never }),
    remove: (p) => this.client.call(adminPlansArchive, { params: { id: p.id } }),
    removeLabel: msg('Archive', { id: 'admin.plans.archive' }),
    removable: (p) => p.code !== 'free' && p.active,
    confirmRemove: (p) => ({
      heading: msg(str`Archive ${p.name}?`, { id: 'admin.plans.archive.heading' }),
      message: p.subscriber_count
        ? msg(
            str`It leaves the plans page and new checkouts. Its ${p.subscriber_count} subscribers keep it and renew on it.`,
            { id: 'admin.plans.archive.kept' },
          )
        : msg('Nobody is subscribed to it: it is deleted.', { id: 'admin.plans.archive.deleted' }),
      confirmLabel: msg('Archive', { id: 'admin.plans.archive' }),
    }),
  };

  protected override render() {
    return html`<header class="panel-head">
        <div><h1>${msg('Plans', { id: 'admin.group.plans' })}</h1><p class="lede">${msg('Prices and entitlements of the plans on sale. A new price reaches existing subscribers at their next renewal.', { id: 'admin.plans.lede' })}</p></div>
        <reel-button variant="primary" @click=${() => (this.renderRoot.querySelector('reel-admin-crud') as { add(): void } | null)?.add()}><reel-icon slot="start" name="plus"></reel-icon>${msg('New plan', { id: 'admin.plans.new' })}</reel-button>
      </header>
      <reel-admin-crud .config=${this.config}></reel-admin-crud>`;
  }
}

defineElement('reel-admin-plans', ReelAdminPlans);

declare global {
  interface HTMLElementTagNameMap {
    'reel-admin-plans': ReelAdminPlans;
  }
}
