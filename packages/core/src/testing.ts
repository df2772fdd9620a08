/**
 * Test helpers for Reel element packages (browser tests only: `@reel/core/testing` resolves to
 * this source through the `reel-source` condition and is not part of any bundle).
 */
import { fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { Secret, TOTP } from 'otpauth';
import type { ThemeMode } from './theme.js';

/**
 * Mounts `template` inside a themed wrapper (`data-reel-theme`, painted in the theme's background),
 * as a real page would, so that axe's colour-contrast checks judge what a user sees.
 * Resolves with the template's first element.
 */
export async function themedFixture<T extends Element>(
  template: TemplateResult,
  { theme = 'dark', dir }: { theme?: ThemeMode; dir?: 'ltr' | 'rtl' } = {},
): Promise<T> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div data-reel-theme=${theme} dir=${dir ?? 'ltr'} class="reel-test-page">${template}</div>`,
  );
  const first = wrapper.firstElementChild as T;
  await (first as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return first;
}

/** Net count of listeners added (minus removed) on `window` and `document` while `run` runs. */
export async function countGlobalListeners(run: () => Promise<void> | void): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const targets: EventTarget[] = [window, document];
  const originals = targets.map((t) => [t.addEventListener, t.removeEventListener] as const);
  targets.forEach((target, i) => {
    const [add, remove] = originals[i]!;
    target.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
      counts.set(args[0], (counts.get(args[0]) ?? 0) + 1);
      return add.apply(this, args);
    };
    target.removeEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['removeEventListener']>) {
      counts.set(args[0], (counts.get(args[0]) ?? 0) - 1);
      return remove.apply(this, args);
    };
  });
  try {
    await run();
  } finally {
    targets.forEach((target, i) => {
      [target.addEventListener, target.removeEventListener] = originals[i]!;
    });
  }
  for (const [type, count] of counts) if (count === 0) counts.delete(type);
  return counts;
}

/**
 * Mounts `create()` into `container`, waits for it to render, and removes it, `times` times, and
 * returns the listeners that stayed behind on window and document (empty when nothing leaks).
 *
 * @example
 * expect(await mountMany(() => document.createElement('reel-dialog'))).to.be.empty;
 */
export async function mountMany(
  create: () => Element,
  { times = 100, container }: { times?: number; container?: Element } = {},
): Promise<Map<string, number>> {
  const parent = container ?? (await fixture<HTMLDivElement>(html`<div></div>`));
  return countGlobalListeners(async () => {
    for (let i = 0; i < times; i++) {
      const el = create();
      parent.append(el);
      await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      el.remove();
    }
  });
}

/**
 * Runs `provoke` and resolves with the Content-Security-Policy violation it causes. The browser
 * test page fails any test whose violation reaches `window`; this claims the expected one.
 */
export function expectViolation(provoke: () => void, timeout = 2000): Promise<SecurityPolicyViolationEvent> {
  return new Promise((resolve, reject) => {
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      event.stopPropagation();
      clearTimeout(timer);
      resolve(event);
    };
    const timer = setTimeout(() => {
      document.removeEventListener('securitypolicyviolation', onViolation);
      reject(new Error('no securitypolicyviolation event'));
    }, timeout);
    document.addEventListener('securitypolicyviolation', onViolation, { once: true });
    provoke();
  });
}

/**
 * The RFC 6238 code (SHA-1, 30-second steps, 6 digits) of a base32 key, `offset` steps from now:
 * what an authenticator app shows. The server refuses a step already used (enrolment spends the
 * current one) and accepts one step of drift, so sign in with `offset` 1 right after enrolling.
 */
export function totp(secret: string, offset = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/[\s=]/g, '')) }).generate({
    timestamp: Date.now() + offset * 30_000,
  });
}
