// Staff plan editing (§6, §35, issue 15): billing.manage only, re-authenticated, audited; an edit
// shows on the public plans page at once, existing subscribers keep their price until renewal, and
// an archived plan leaves new checkouts while its subscribers keep it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { adminAudit } from '../../src/db/schema/index.js';
import { createStaff, type TestCaller } from '../fixtures.js';
import { buildTestApp, type TestApp } from '../helper.js';
import { caller } from './support.js';

// biome-ignore lint/suspicious/noExplicitAny: test-side reading of JSON answers
type Json = Record<string, any>;

const input = (code: string, over: Json = {}) => ({
  code,
  name: `Plan ${code}`,
  description: 'A plan made by a test',
  price: { amount: 1099, currency: 'EUR' },
  interval: 'month',
  trial_days: 0,
  entitlements: { max_quality: '1080p', concurrent_streams: 2, profiles: 3, downloads: 10, ad_free: true },
  features: ['No ads'],
  ...over,
});

describe('admin plans', () => {
  let t: TestApp;
  let api: ReturnType<typeof caller>;
  let admin: TestCaller;

  const send = async (who: TestCaller | null, method: string, url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as Json }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json, raw: res.body };
  };
  const publicPlans = async () => (await send(null, 'GET', '/billing/plans')).body.items as Json[];
  const auditOf = async (id: string) =>
    (await t.app.db.select().from(adminAudit).where(eq(adminAudit.targetId, id))).map((a) => a.action).sort();

  before(async () => {
    t = await buildTestApp();
    api = caller(t.app);
    admin = await createStaff(t.app, 'admin');
  });
  after(() => t.close());

  it('refuses staff without billing.manage, and needs a recent re-authentication to change', async () => {
    for (const role of ['content_editor', 'support', 'analyst'] as const) {
      const staff = await createStaff(t.app, role);
      const list = await send(staff, 'GET', '/admin/plans');
      assert.equal(list.status, 403, `${role} lists`);
      assert.equal(list.body.error.code, 'forbidden');
      assert.equal((await send(staff, 'POST', '/admin/plans', input(`no-${role.replace('_', '-')}`))).status, 403);
    }
    const basic = (await publicPlans()).find((p) => p.code === 'basic') as Json;
    const editor = await createStaff(t.app, 'content_editor');
    assert.equal((await send(editor, 'PATCH', `/admin/plans/${basic.id}`, { name: 'Cheap' })).status, 403);
    assert.equal((await send(editor, 'DELETE', `/admin/plans/${basic.id}`)).status, 403);
    assert.equal((await send(null, 'GET', '/admin/plans')).status, 401);

    const stale = await createStaff(t.app, 'admin', { reauth: false });
    assert.equal((await send(stale, 'GET', '/admin/plans')).status, 200, 'reading needs no re-authentication');
    const r = await send(stale, 'PATCH', `/admin/plans/${basic.id}`, { name: 'Cheap' });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'reauth_required');
    assert.equal((await publicPlans()).find((p) => p.code === 'basic')?.name, 'Basic', 'nothing changed');
  });

  it('lists every plan with subscriber counts, creates one, and refuses a taken code', async () => {
    const list = await send(admin, 'GET', '/admin/plans');
    assert.equal(list.status, 200, list.raw);
    assert.deepEqual(
      list.body.items.map((p: Json) => p.code),
      ['free', 'basic', 'standard', 'premium'],
    );
    assert.ok(list.body.items.every((p: Json) => p.active && p.subscriber_count === 0 && p.archived_at === null));

    const created = await send(admin, 'POST', '/admin/plans', input('family', { order: 4, trial_days: 14 }));
    assert.equal(created.status, 201, created.raw);
    assert.deepEqual(created.body.price, { amount: 1099, currency: 'EUR' });
    assert.equal(created.body.trial_days, 14);
    assert.equal(created.body.entitlements.max_quality, '1080p');
    assert.equal(created.body.active, true);
    const shown = (await publicPlans()).find((p) => p.code === 'family');
    assert.equal(shown?.price.amount, 1099);
    assert.deepEqual(await auditOf(created.body.id), ['plan.create']);
    assert.equal((await send(admin, 'GET', `/admin/plans/${created.body.id}`)).body.name, 'Plan family');

    const taken = await send(admin, 'POST', '/admin/plans', input('family'));
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.details.fields[0].field, 'code');
    assert.equal((await send(admin, 'GET', '/admin/plans/plan_nope')).status, 404);
  });

  it('validates prices, currencies and entitlements field by field', async () => {
    const bad = async (body: Json) => {
      const r = await send(admin, 'POST', '/admin/plans', body);
      assert.equal(r.status, 400, r.raw);
      return [
        ...new Set((r.body.error.details.fields as Json[]).map((f) => String(f.field).replace(/^body\./, ''))),
      ].sort();
    };
    assert.deepEqual(await bad(input('x1', { price: { amount: 9.99, currency: 'USD' } })), ['price.amount']);
    assert.deepEqual(await bad(input('x2', { price: { amount: 0, currency: 'USD' } })), ['price.amount']);
    assert.deepEqual(await bad(input('x3', { price: { amount: 500, currency: 'XYZ' } })), ['price.currency']);
    assert.deepEqual(
      await bad(
        input('x4', {
          entitlements: { max_quality: '8k', concurrent_streams: 0, profiles: 3, downloads: -1, ad_free: true },
        }),
      ),
      ['entitlements.concurrent_streams', 'entitlements.downloads', 'entitlements.max_quality'],
    );
    const free = (await publicPlans()).find((p) => p.code === 'free') as Json;
    const r = await send(admin, 'PATCH', `/admin/plans/${free.id}`, { price: { amount: 100, currency: 'USD' } });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.details.fields[0].field, 'price.amount');
    assert.equal((await send(admin, 'DELETE', `/admin/plans/${free.id}`)).status, 409, 'the free tier stays');
  });

  it('an edit shows on GET /billing/plans; subscribers keep their price until renewal', async () => {
    const { who } = await api.subscriber('standard');
    const standard = (await publicPlans()).find((p) => p.code === 'standard') as Json;
    const counted = await send(admin, 'GET', `/admin/plans/${standard.id}`);
    assert.equal(counted.body.subscriber_count, 1);

    const edited = await send(admin, 'PATCH', `/admin/plans/${standard.id}`, {
      name: 'Standard HD',
      price: { amount: 1599, currency: 'USD' },
      entitlements: { max_quality: '1080p', concurrent_streams: 3, profiles: 5, downloads: 30, ad_free: true },
    });
    assert.equal(edited.status, 200, edited.raw);
    assert.equal(edited.body.price.amount, 1599);
    const shown = (await publicPlans()).find((p) => p.code === 'standard') as Json;
    assert.equal(shown.name, 'Standard HD');
    assert.deepEqual(shown.price, { amount: 1599, currency: 'USD' });
    assert.equal(shown.entitlements.profiles, 5);
    // New entitlements apply at once to the account's state.
    const state = (await send(who, 'GET', '/billing/subscription')).body;
    assert.equal(state.entitlements.profiles, 5);

    const [audit] = await t.app.db.select().from(adminAudit).where(eq(adminAudit.action, 'plan.update'));
    assert.deepEqual(audit?.before, { name: 'Standard', price_amount: 1399, profiles: 4, downloads: 25 });
    assert.deepEqual(audit?.after, { name: 'Standard HD', price_amount: 1599, profiles: 5, downloads: 30 });

    // The current period was paid at the old price; the renewal charges the new one.
    const invoices = async () => (await send(who, 'GET', '/billing/invoices')).body.items as Json[];
    assert.deepEqual(
      (await invoices()).map((i) => i.subtotal?.amount ?? i.total.amount),
      [1399],
    );
    const sub = state.subscription;
    t.app.billing.clock.advance(Date.parse(sub.current_period_end) - t.app.billing.clock.now().getTime() + 3_600_000);
    await t.app.billing.drain();
    const after = await invoices();
    assert.equal(after.length, 2);
    assert.ok(
      after.some((i) => (i.subtotal?.amount ?? i.total.amount) === 1599),
      JSON.stringify(after),
    );
  });

  it('archive hides the plan from new checkouts; its subscribers keep it; an unused plan is deleted', async () => {
    const made = await send(admin, 'POST', '/admin/plans', input('sport', { price: { amount: 899, currency: 'USD' } }));
    assert.equal(made.status, 201, made.raw);
    const ids = await api.plans();
    assert.ok(ids.sport);
    const { who } = await api.subscriber('sport');
    const archived = await send(admin, 'DELETE', `/admin/plans/${made.body.id}`);
    assert.ok([200, 204].includes(archived.status), archived.raw);

    assert.equal((await api.plans()).sport, undefined, 'not on the plans page');
    const row = (await send(admin, 'GET', `/admin/plans/${made.body.id}`)).body;
    assert.equal(row.active, false);
    assert.ok(row.archived_at);
    assert.equal(row.subscriber_count, 1);
    assert.equal((await send(who, 'GET', '/billing/subscription')).body.plan_code, 'sport', 'the subscriber keeps it');

    const { who: other, card } = await api.subscriber();
    const refused = await api.money(other, '/billing/subscription', {
      plan_id: made.body.id,
      payment_method_id: card.id,
    });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'plan_not_available');
    assert.deepEqual(await auditOf(made.body.id), ['plan.archive', 'plan.create']);

    // Back on sale through an edit.
    const back = await send(admin, 'PATCH', `/admin/plans/${made.body.id}`, { active: true });
    assert.equal(back.body.archived_at, null);
    assert.ok((await api.plans()).sport);

    const unused = await send(admin, 'POST', '/admin/plans', input('unused'));
    const gone = await send(admin, 'DELETE', `/admin/plans/${unused.body.id}`);
    assert.ok([200, 204].includes(gone.status));
    assert.equal((await send(admin, 'GET', `/admin/plans/${unused.body.id}`)).status, 404);
    assert.deepEqual(await auditOf(unused.body.id), ['plan.create', 'plan.delete']);
  });
});
