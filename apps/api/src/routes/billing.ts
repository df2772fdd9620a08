import {
  billingAddPaymentMethod,
  billingCancel,
  billingChange,
  billingConfirm,
  billingInvoice,
  billingInvoicePdf,
  billingInvoices,
  billingPaymentMethods,
  billingPlans,
  billingPreviewChange,
  billingRemovePaymentMethod,
  billingResume,
  billingSetDefaultPaymentMethod,
  billingSubscribe,
  billingSubscription,
  integrationsPaymentWebhook,
  integrationsSandboxToken,
} from '@reel/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { users } from '../db/schema/index.js';
import { HttpError } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { handle } from '../http/route.js';
import { newSecret } from '../ids.js';
import { seedPlans } from '../seed/billing.js';
import { originOf } from '../services/audit.js';
import { MovableClock } from '../services/billing/clock.js';
import type { PaymentGateway } from '../services/billing/gateway.js';
import { idempotencyKeyOf, idempotent } from '../services/billing/idempotency.js';
import { invoicePdf } from '../services/billing/pdf.js';
import { SandboxGateway } from '../services/billing/sandbox-gateway.js';
import { BillingService, billingOptionsFromEnv, type Caller } from '../services/billing/service.js';
import { emailServices } from '../services/email-services.js';
import { clientOf } from './auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Billing (§6, §35): the service, its clock and the sandbox gateway (null with Stripe). */
    billing: { service: BillingService; clock: MovableClock; sandbox: SandboxGateway | null; drain(): Promise<void> };
  }
}

const WEBHOOK_URL = '/api/v1/integrations/webhooks/payment';
const SIGNATURE_HEADER = 'reel-signature';
/** The raw bytes of a webhook request, for the signature (kept only on that route). */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();
/** One webhook secret per process when REEL_PAYMENT_WEBHOOK_SECRET is not set. */
const processSecret = newSecret();

/**
 * Plans, subscription, payment methods, invoices (§6, §35), the payment gateway's webhook and the
 * sandbox gateway's tokenisation route. Every change needs a recent re-authentication (the
 * endpoints' `reauth` flag) and is audited; requests that move money take an Idempotency-Key.
 */
export async function registerBillingRoutes(app: FastifyInstance): Promise<void> {
  const clock = new MovableClock();
  const options = billingOptionsFromEnv(process.env, processSecret);
  const sandbox = new SandboxGateway(app.db, clock);
  let gateway: PaymentGateway = sandbox;
  if (process.env.REEL_STRIPE_SECRET_KEY) {
    const { StripeGateway } = await import('../services/billing/stripe-gateway.js');
    gateway = StripeGateway.fromEnv(process.env, app.db);
    if (process.env.REEL_STRIPE_WEBHOOK_SECRET) options.webhookSecret = process.env.REEL_STRIPE_WEBHOOK_SECRET;
  }
  const service = new BillingService(
    app.db,
    gateway,
    clock,
    emailServices(app).mailer,
    app.config.publicOrigin,
    options,
    app.log,
  );
  await seedPlans(app.db);
  await service.refreshPlans();

  /** Sends the sandbox's due events to the webhook route, signed, through the whole HTTP stack. */
  const deliver = async () => {
    if (gateway !== sandbox) return;
    await sandbox.deliverDue(async (body) => {
      const res = await app.inject({
        method: 'POST',
        url: WEBHOOK_URL,
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: service.sign(body) },
        payload: body,
      });
      return res.statusCode;
    });
  };
  const drain = async () => {
    await service.tick();
    await deliver();
  };
  app.decorate('billing', { service, clock, sandbox: gateway === sandbox ? sandbox : null, drain });

  // Renewals, dunning and webhook deliveries run on a timer (tests drive them through drain()).
  if (app.config.env !== 'test') {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      drain()
        .catch((error: unknown) => app.log.error({ err: error }, 'billing tick failed'))
        .finally(() => {
          running = false;
        });
    }, 15_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  const callerOf = (principal: Principal, request: FastifyRequest): Caller => ({
    userId: principal.userId,
    sessionId: principal.sessionId,
    origin: originOf(clientOf(request)),
  });
  const once = <T>(
    request: FastifyRequest,
    principal: Principal,
    operation: string,
    required: boolean,
    work: () => Promise<T>,
  ) =>
    idempotent(
      app.db,
      {
        userId: principal.userId,
        key: idempotencyKeyOf(request.headers, required),
        operation,
        rawBody: request.body,
        now: clock.now(),
      },
      work,
    );

  handle(app, billingPlans, async ({ principal, query }) =>
    service.plans(principal?.userId ?? null, query?.region ?? principal?.region ?? 'US'),
  );

  handle(app, billingSubscription, async ({ principal }) => service.state(principal.userId));

  handle(app, billingSubscribe, async ({ principal, body, request }) =>
    once(request, principal, 'billing.subscribe', true, () =>
      service.subscribe(callerOf(principal, request), body!.plan_id, body!.payment_method_id),
    ),
  );

  handle(app, billingConfirm, async ({ principal, body, request }) =>
    once(request, principal, 'billing.confirm', true, () =>
      service.confirm(callerOf(principal, request), body!.action_id, body!.outcome),
    ),
  );

  handle(app, billingPreviewChange, async ({ principal, body }) =>
    service.previewChange(principal.userId, body!.plan_id),
  );

  handle(app, billingChange, async ({ principal, body, request }) =>
    once(request, principal, 'billing.change', true, () =>
      service.change(callerOf(principal, request), body!.plan_id, body!.proration_date),
    ),
  );

  handle(app, billingCancel, async ({ principal, body, request }) =>
    service.cancel(callerOf(principal, request), body!.reason, body!.feedback),
  );

  handle(app, billingResume, async ({ principal, request }) => service.resume(callerOf(principal, request)));

  handle(app, billingPaymentMethods, async ({ principal }) => service.paymentMethods(principal.userId));

  // Saving a card takes a single-use token, so the key is optional here.
  handle(app, billingAddPaymentMethod, async ({ principal, body, request }) =>
    once(request, principal, 'billing.addPaymentMethod', false, () =>
      service.addPaymentMethod(callerOf(principal, request), body!.token, body!.make_default),
    ),
  );

  handle(app, billingRemovePaymentMethod, async ({ principal, params, request }) => {
    await service.removePaymentMethod(callerOf(principal, request), params!.id);
  });

  handle(app, billingSetDefaultPaymentMethod, async ({ principal, params, request }) =>
    service.setDefaultPaymentMethod(callerOf(principal, request), params!.id),
  );

  handle(app, billingInvoices, async ({ principal, query }) => service.invoices(principal.userId, query ?? {}));

  handle(app, billingInvoice, async ({ principal, params }) => service.invoice(principal.userId, params!.id));

  handle(app, billingInvoicePdf, async ({ principal, params, reply }) => {
    const invoice = await service.invoice(principal.userId, params!.id);
    if (!invoice.pdf_available) throw new HttpError(409, 'invoice_draft', 'A draft invoice has no PDF yet');
    const [u] = await app.db
      .select({ name: users.displayName, email: users.email })
      .from(users)
      .where(eq(users.id, principal.userId));
    const pdf = await invoicePdf(invoice, { name: u?.name ?? '', email: u?.email ?? '' });
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${invoice.number}.pdf"`)
      .header('cache-control', 'private, no-store');
    return pdf;
  });

  handle(app, integrationsSandboxToken, async ({ body }) => {
    if (gateway !== sandbox)
      throw new HttpError(404, 'not_found', 'The sandbox gateway is off: cards go to the payment provider');
    return sandbox.tokenize(body!);
  });

  // The webhook needs the exact bytes that were signed: a buffer parser in a scope of its own.
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      rawBodies.set(request, body as Buffer);
      try {
        done(null, (body as Buffer).length ? JSON.parse((body as Buffer).toString('utf8')) : undefined);
      } catch (error) {
        done(error as Error, undefined);
      }
    });
    handle(scope, integrationsPaymentWebhook, async ({ request, body }) => {
      const header = request.headers[SIGNATURE_HEADER] ?? request.headers['stripe-signature'];
      service.verify(rawBodies.get(request) ?? Buffer.alloc(0), Array.isArray(header) ? header[0] : header);
      return service.applyEvent(body!);
    });
  });

  // Tests (NODE_ENV=test only; outside /api, so not part of the contract): move billing's clock
  // forward and run what became due.
  if (app.config.env === 'test') {
    app.post('/__test/billing/clock', async (request) => {
      const seconds = Number((request.body as { advance_seconds?: unknown } | undefined)?.advance_seconds ?? 0);
      if (!Number.isFinite(seconds) || seconds < 0)
        throw new HttpError(400, 'validation_failed', 'advance_seconds ≥ 0');
      clock.advance(seconds * 1000);
      await drain();
      return { now: clock.now().toISOString() };
    });
  }
}
