import { msg } from '@lit/localize';
import {
  type AdminDownloadPolicy,
  AdminDownloadPolicyInput,
  type AdminDownloadRule,
  AdminDownloadRuleInput,
  AdminDownloadRuleUpdate,
  adminDownloadsCreate,
  adminDownloadsDelete,
  adminDownloadsList,
  adminDownloadsPolicies,
  adminDownloadsUpdate,
  adminDownloadsUpdatePolicy,
} from '@reel/contracts';
import { defineElement } from '@reel/core';
import { html } from 'lit';
import type { CrudConfig } from '../crud.js';
import { localPage } from '../local-page.js';
import { AdminPanel } from '../panel.js';
import '../define-crud.js';

const QUALITIES = ['480p', '720p', '1080p', '2160p'].map((q) => ({ value: q, label: q }));

/**
 * Downloads: the offline rules of each plan (devices, quality, licence days, playback hours,
 * renewals) and per-title rules (allowed or not, plans, regions, overrides).
 *
 * @summary Admin download policies and per-title rules.
 */
export class ReelAdminDownloads extends AdminPanel {
  private readonly policies: CrudConfig<AdminDownloadPolicy> = {
    label: msg('Plan policies', { id: 'admin.downloads.policies' }),
    noun: msg('policy', { id: 'admin.downloads.policy' }),
    storageKey: 'download-policies',
    rowKey: (p) => p.plan_id,
    columns: [
      { id: 'plan', label: msg('Plan', { id: 'admin.downloads.plan' }), fixed: true, render: (p) => p.plan_name },
      { id: 'max', label: msg('Downloads', { id: 'admin.group.downloads' }), render: (p) => p.max_downloads },
      { id: 'devices', label: msg('Devices', { id: 'admin.downloads.devices' }), render: (p) => p.max_devices },
      { id: 'quality', label: msg('Quality', { id: 'admin.downloads.quality' }), render: (p) => p.max_quality },
      { id: 'licence', label: msg('Licence (days)', { id: 'admin.downloads.licence' }), render: (p) => p.licence_days },
      {
        id: 'playback',
        label: msg('After play (hours)', { id: 'admin.downloads.playback' }),
        render: (p) => p.playback_hours,
      },
      {
        id: 'renewals',
        label: msg('Renewals', { id: 'admin.downloads.renewals' }),
        render: (p) => p.max_renewals ?? '∞',
      },
    ],
    load: async (q) =>
      localPage(
        (await this.client.call(adminDownloadsPolicies, {})).items,
        q,
        (p) => p.plan_name,
        () => 0,
      ),
    fields: [
      { id: 'max_devices', label: msg('Devices', { id: 'admin.downloads.devices' }), kind: 'number' },
      {
        id: 'max_quality',
        label: msg('Quality', { id: 'admin.downloads.quality' }),
        kind: 'select',
        options: QUALITIES,
      },
      { id: 'licence_days', label: msg('Licence (days)', { id: 'admin.downloads.licence' }), kind: 'number' },
      { id: 'playback_hours', label: msg('After play (hours)', { id: 'admin.downloads.playback' }), kind: 'number' },
      {
        id: 'max_renewals',
        label: msg('Renewals (empty: unlimited)', { id: 'admin.downloads.renewals-help' }),
        kind: 'number',
        nullable: true,
      },
    ],
    toBody: (v) => ({ ...v, max_renewals: v.max_renewals ?? null }),
    updateSchema: AdminDownloadPolicyInput as never,
    update: (p, body) =>
      this.client.call(adminDownloadsUpdatePolicy, { params: { plan_id: p.plan_id }, body: body as never }),
  };

  private readonly rules: CrudConfig<AdminDownloadRule> = {
    label: msg('Title rules', { id: 'admin.downloads.rules' }),
    noun: msg('rule', { id: 'admin.downloads.rule' }),
    storageKey: 'download-rules',
    defaultSort: 'title',
    columns: [
      {
        id: 'title',
        label: msg('Title', { id: 'admin.titles.col.title' }),
        sort: 'title',
        fixed: true,
        render: (r) => r.title.name,
      },
      {
        id: 'allowed',
        label: msg('Allowed', { id: 'admin.downloads.allowed' }),
        render: (r) =>
          html`<reel-badge variant=${r.allowed ? 'success' : 'danger'}>${r.allowed ? msg('Yes', { id: 'admin.yes' }) : msg('No', { id: 'admin.no' })}</reel-badge>`,
        text: (r) => String(r.allowed),
      },
      {
        id: 'regions',
        label: msg('Regions', { id: 'admin.downloads.regions' }),
        render: (r) => r.regions.join(', ') || msg('All', { id: 'admin.table.all' }),
      },
      { id: 'note', label: msg('Note', { id: 'admin.downloads.note' }), render: (r) => r.note ?? '' },
    ],
    load: (q) =>
      this.client.call(adminDownloadsList, {
        query: {
          limit: q.limit,
          ...(q.cursor ? { cursor: q.cursor } : {}),
          ...(q.q ? { q: q.q } : {}),
          ...(q.sort ? { sort: q.sort as 'title', order: q.order } : {}),
        },
      }),
    valuesOf: (r) => ({
      title_id: r.title.id,
      allowed: r.allowed,
      regions: r.regions.join(', '),
      licence_days: r.licence_days ?? '',
      note: r.note ?? '',
    }),
    fields: [
      { id: 'title_id', label: msg('Title id', { id: 'admin.downloads.title-id' }), createOnly: true },
      { id: 'allowed', label: msg('Downloads allowed', { id: 'admin.downloads.allowed-label' }), kind: 'checkbox' },
      { id: 'regions', label: msg('Regions (empty: all)', { id: 'admin.downloads.regions-help' }), kind: 'list' },
      {
        id: 'licence_days',
        label: msg('Licence days override', { id: 'admin.downloads.licence-override' }),
        kind: 'number',
        nullable: true,
      },
      { id: 'note', label: msg('Note', { id: 'admin.downloads.note' }), nullable: true },
    ],
    createSchema: AdminDownloadRuleInput as never,
    updateSchema: AdminDownloadRuleUpdate as never,
    create: (body) => this.client.call(adminDownloadsCreate, { body: body as never }),
    update: (r, body) => this.client.call(adminDownloadsUpdate, { params: { id: r.id }, body: body as never }),
    remove: (r) => this.client.call(adminDownloadsDelete, { params: { id: r.id } }),
  };

  protected override render() {
    return html`<header class="panel-head">
        <div><h1>${msg('Downloads', { id: 'admin.group.downloads' })}</h1><p class="lede">${msg('What may be watched offline, on which plans, and for how long.', { id: 'admin.downloads.lede' })}</p></div>
      </header>
      <section class="card"><h2>${msg('Plan policies', { id: 'admin.downloads.policies' })}</h2><reel-admin-crud .config=${this.policies}></reel-admin-crud></section>
      <section class="card">
        <div class="panel-head" style="margin-block-end: var(--reel-space-3)"><h2>${msg('Title rules', { id: 'admin.downloads.rules' })}</h2>
        <reel-button size="sm" variant="primary" @click=${() => (this.renderRoot.querySelectorAll('reel-admin-crud')[1] as unknown as { add(): void } | undefined)?.add()}><reel-icon slot="start" name="plus"></reel-icon>${msg('New rule', { id: 'admin.downloads.new' })}</reel-button></div>
        <reel-admin-crud .config=${this.rules}></reel-admin-crud>
      </section>`;
  }
}

defineElement('reel-admin-downloads', ReelAdminDownloads);
