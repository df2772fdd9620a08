import { msg, str } from '@lit/localize';
import { ApiError, createTransport, NetworkError, type Transport } from '@reel/client';
import { emit, type Session } from '@reel/core';
import type { ReelTextField } from '@reel/ui';
import { html } from 'lit';

/**
 * A same-site path for a `next` (return) URL, or null: only `/…` paths are followed, so a link
 * cannot send the user to another site after signing in (`//evil.example`, `https:…`, `javascript:`).
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next) return null;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  try {
    const url = new URL(next, 'https://reel.invalid');
    if (url.origin !== 'https://reel.invalid') return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** `path?next=…` when there is a return URL to carry along. */
export function withNext(path: string, next: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  const safe = safeNext(next);
  if (safe) params.set('next', safe);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Asks the host to go to `href` (`reel-navigate`, cancelable). When nobody takes it and `follow` is
 * set, the browser goes there itself. Answers whether the host took it.
 */
export function navigate(from: HTMLElement, href: string, follow = true): boolean {
  const event = emit(from, 'reel-navigate', { href }, { cancelable: true });
  if (!event.defaultPrevented && follow) window.location.assign(href);
  return event.defaultPrevented;
}

/** A click on an in-flow link: fires `reel-navigate`; the browser follows only if nobody took it. */
export function onLinkClick(event: MouseEvent): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.currentTarget as HTMLAnchorElement;
  if (navigate(link, link.getAttribute('href') ?? '/', false)) event.preventDefault();
}

/** The first value of a query parameter of the page's URL. */
export function pageParam(name: string): string | null {
  return typeof location === 'undefined' ? null : new URLSearchParams(location.search).get(name);
}

/**
 * A client for the public sign-in routes when there is no `<reel-auth-provider>` (with the
 * cookies, so the refresh cookie is set for the provider the page will have next).
 */
export function publicClient(apiBase: string | null): Transport {
  return createTransport({ baseUrl: apiBase || '/api/v1', credentials: 'include' });
}

/** What a failed request means to the person at the form. */
export interface Problem {
  /** A message for the whole form (shown above it), if any. */
  message: string | null;
  /** Messages for fields, keyed by the server's field name. */
  fields: Record<string, string>;
  /** Seconds to wait (429, 423), when the server said. */
  retryAfter: number | null;
}

/** Seconds to wait from a 429/423 answer (`Retry-After` or `details.hint.retry_after`). */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const hinted = error.hint?.retry_after;
  if (typeof hinted === 'number' && hinted > 0) return Math.ceil(hinted);
  return error.retryAfter !== undefined ? Math.ceil(error.retryAfter) : null;
}

/** Turns a failed call into form and field messages; server field messages go to their field. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) {
    const fields = { ...error.fields };
    const wait = retryAfterOf(error);
    if (error.status === 429 || error.status === 423) {
      return {
        message:
          wait !== null
            ? msg(str`Too many attempts. Try again in ${formatWait(wait)}.`, { id: 'auth.error.wait' })
            : msg('Too many attempts. Try again in a few minutes.', { id: 'auth.error.too-many' }),
        fields,
        retryAfter: wait,
      };
    }
    if (error.status >= 500)
      return {
        message: msg('Something went wrong on our side. Try again in a moment.', { id: 'auth.error.server' }),
        fields: {},
        retryAfter: null,
      };
    return { message: Object.keys(fields).length ? null : error.message, fields, retryAfter: wait };
  }
  if (error instanceof NetworkError)
    return {
      message: msg('We could not reach Reel. Check your connection and try again.', { id: 'auth.error.network' }),
      fields: {},
      retryAfter: null,
    };
  return {
    message: msg('Something went wrong. Try again.', { id: 'auth.error.unknown' }),
    fields: {},
    retryAfter: null,
  };
}

/** `1:05` for 65 seconds, `45 s` under a minute. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return msg(str`${s} s`, { id: 'auth.wait.seconds' });
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** The text fields of a form, in order. */
export function textFields(root: ParentNode): ReelTextField[] {
  return [...root.querySelectorAll<ReelTextField>('reel-text-field')];
}

/**
 * Checks required and typed fields the way the server would, setting each field's `error`
 * (`messages` by field name), and focuses the first invalid one. Answers whether all are valid.
 */
export function validateFields(root: ParentNode, check: (field: ReelTextField) => string): boolean {
  let first: ReelTextField | null = null;
  for (const field of textFields(root)) {
    const problem = check(field);
    field.error = problem;
    if (problem && !first) first = field;
  }
  if (first) first.focus();
  return first === null;
}

/** Focuses the first field with an error (after the fields have rendered it). */
export async function focusFirstInvalid(root: ParentNode): Promise<void> {
  const fields = textFields(root);
  await Promise.all(fields.map((f) => f.updateComplete));
  fields.find((f) => f.error)?.focus();
}

/** The standard checks: required, email shape, minimum length. */
export function basicProblem(field: ReelTextField): string {
  const value = field.value.trim();
  if (field.required && !value) return msg('Fill in this field.', { id: 'auth.field.required' });
  if (field.type === 'email' && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    return msg('Enter an email address like name@example.com.', { id: 'auth.field.email' });
  if (field.minlength !== undefined && value && [...field.value].length < field.minlength)
    return msg(str`Use at least ${field.minlength} characters.`, { id: 'auth.field.min' });
  return '';
}

/**
 * Enter in a text field submits its form: the inputs live in the fields' shadow roots, where the
 * browser's implicit submission does not reach.
 */
export function submitOnEnter(event: KeyboardEvent): void {
  if (event.key !== 'Enter' || event.isComposing || event.defaultPrevented) return;
  const origin = event.composedPath()[0];
  if (!(origin instanceof HTMLInputElement)) return;
  const form = event.currentTarget as HTMLFormElement;
  event.preventDefault();
  form.requestSubmit();
}

/** Whether Caps Lock is on, from a key event (null when the event cannot tell). */
export function capsLockOf(event: KeyboardEvent): boolean | null {
  return typeof event.getModifierState === 'function' ? event.getModifierState('CapsLock') : null;
}

/** The provider's session when it is a signed-in-capable site session. */
export function siteSession(session: Session | undefined): Session | null {
  return session && session.mode === 'site' ? session : null;
}

/** The email field every flow asks for: one label, autocomplete and keyboard for all of them. */
export function emailField(value: string, onInput: (value: string) => void) {
  return html`<reel-text-field
    name="email"
    type="email"
    label=${msg('Email address', { id: 'auth.field.email-label' })}
    autocomplete="email"
    inputmode="email"
    required
    .value=${value}
    @reel-input=${(e: CustomEvent<{ value: string }>) => onInput(e.detail.value)}
  ></reel-text-field>`;
}
