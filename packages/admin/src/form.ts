import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';

/** A zod (mini) schema as far as the forms need it. */
interface Checkable {
  safeParse(value: unknown): {
    success: boolean;
    error?: {
      issues: {
        path: PropertyKey[];
        code: string;
        message: string;
        minimum?: unknown;
        maximum?: unknown;
        expected?: string;
      }[];
    };
  };
}

/** Field path as the server names it: `availability[0].region`. */
export function pathOf(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/**
 * Checks a form value with the contract's schema: the field errors, keyed by field path, in
 * words a person reads (zod/mini carries no messages of its own).
 */
export function validate(schema: Checkable, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) {
    const key = pathOf(issue.path);
    if (errors[key]) continue;
    const { code, minimum, maximum } = issue;
    errors[key] =
      code === 'too_small'
        ? minimum === 1
          ? msg('Required', { id: 'admin.form.required' })
          : msg(str`At least ${String(minimum)}`, { id: 'admin.form.min' })
        : code === 'too_big'
          ? msg(str`At most ${String(maximum)}`, { id: 'admin.form.max' })
          : code === 'invalid_format'
            ? msg('Not in the expected format', { id: 'admin.form.format' })
            : code === 'invalid_value'
              ? msg('Choose one of the options', { id: 'admin.form.choice' })
              : code === 'invalid_type' && issue.expected === 'number'
                ? msg('A number', { id: 'admin.form.number' })
                : code === 'invalid_type'
                  ? msg('Required', { id: 'admin.form.required' })
                  : msg('Not valid', { id: 'admin.form.invalid' });
  }
  return errors;
}

/** The first error under a path (`availability` shows errors of `availability[2].available_until`). */
export function errorUnder(errors: Record<string, string>, path: string): string {
  if (errors[path]) return errors[path] as string;
  const hit = Object.keys(errors).find((k) => k.startsWith(`${path}[`) || k.startsWith(`${path}.`));
  return hit ? (errors[hit] as string) : '';
}

/** Comma-separated text ↔ list. */
export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `2026-12-01T10:00` (datetime-local) ↔ ISO. */
export const toLocalInput = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
export const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

/**
 * Keeps a page from being left with unsaved changes: the browser's own prompt on unload, and
 * `confirmLeave()` for navigation inside the admin.
 */
export class UnsavedGuard {
  dirty = false;
  private readonly onUnload = (event: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    event.preventDefault();
    event.returnValue = '';
  };
  attach(): void {
    window.addEventListener('beforeunload', this.onUnload);
  }
  detach(): void {
    window.removeEventListener('beforeunload', this.onUnload);
  }
}

/** Publish state and availability windows: the editorial part shared by titles and bundles. */
export function publishBadge(state: string) {
  const variant = state === 'published' ? 'success' : state === 'scheduled' ? 'info' : 'neutral';
  const label =
    state === 'published'
      ? msg('Published', { id: 'admin.state.published' })
      : state === 'scheduled'
        ? msg('Scheduled', { id: 'admin.state.scheduled' })
        : msg('Draft', { id: 'admin.state.draft' });
  return html`<reel-badge variant=${variant} pill>${label}</reel-badge>`;
}

export function sourceBadge(status: string) {
  if (status === 'none') return html`<span class="muted">${msg('No source', { id: 'admin.source.none' })}</span>`;
  const variant = status === 'ready' ? 'success' : status === 'failed' ? 'danger' : 'warning';
  const label =
    status === 'ready'
      ? msg('Ready', { id: 'admin.source.ready' })
      : status === 'failed'
        ? msg('Failed', { id: 'admin.source.failed' })
        : status === 'processing'
          ? msg('Processing', { id: 'admin.source.processing' })
          : msg('Uploading', { id: 'admin.source.uploading' });
  return html`<reel-badge variant=${variant}>${label}</reel-badge>`;
}

export const when = (cond: unknown, tpl: () => unknown) => (cond ? tpl() : nothing);
