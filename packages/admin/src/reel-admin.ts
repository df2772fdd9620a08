import { msg, str } from '@lit/localize';
import { createLifecycles, emit, ReelElement, SessionConsumer } from '@reel/core';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { confirmAction } from './confirm.js';
import { type AdminGroup, GROUPS, groupOf, SECTIONS } from './groups.js';

declare global {
  interface HTMLElementTagNameMap {
    'reel-admin': ReelAdmin;
  }
}

/**
 * The staff admin at `/admin/*`. A side navigation lists every admin group the signed-in staff
 * member's permissions allow (groups of a later release show as "coming"); the group of the path
 * is loaded on demand — each panel is its own chunk — and shown beside it. The server enforces
 * the same permissions on every `/admin/*` route. Needs a signed-in `<reel-auth-provider>` above
 * it (the shell's).
 *
 * @summary The admin: permission-gated navigation and lazily loaded content panels.
 * @fires reel-navigate - A group was chosen; `detail: { href: '/admin/<group>' }`.
 * @csspart nav - The group navigation.
 * @csspart main - The panel area.
 * @cssproperty --reel-admin-nav-width - Width of the navigation column (default 16rem).
 */
export class ReelAdmin extends ReelElement {
  static version = '1.0.0';
  static override styles = css`
    :host {
      display: block;
      color: var(--reel-color-text);
      min-block-size: 100%;
    }
    .layout {
      display: grid;
      grid-template-columns: var(--reel-admin-nav-width, 16rem) minmax(0, 1fr);
      min-block-size: calc(100dvh - 4rem);
    }
    nav {
      position: sticky;
      top: 0;
      align-self: start;
      max-block-size: 100dvh;
      overflow-y: auto;
      box-sizing: border-box;
      padding: var(--reel-space-6) var(--reel-space-3);
      border-inline-end: 1px solid var(--reel-color-border);
    }
    .brand {
      display: flex;
      align-items: center;
      gap: var(--reel-space-2);
      margin: 0 var(--reel-space-3) var(--reel-space-5);
      font-size: var(--reel-font-size-sm);
      font-weight: var(--reel-font-weight-bold);
      letter-spacing: 0.12em;
      text-transform: uppercase;
      color: color-mix(in srgb, var(--reel-color-accent) 62%, white);
    }
    h2 {
      margin: var(--reel-space-4) var(--reel-space-3) var(--reel-space-1);
      font-size: var(--reel-font-size-xs);
      font-weight: var(--reel-font-weight-semibold);
      color: var(--reel-color-text-subtle);
      text-transform: uppercase;
      letter-spacing: 0.08em;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    a {
      display: flex;
      align-items: center;
      gap: var(--reel-space-3);
      padding: var(--reel-space-2) var(--reel-space-3);
      border-radius: var(--reel-radius-md);
      color: var(--reel-color-text-muted);
      text-decoration: none;
      font-size: var(--reel-font-size-sm);
    }
    a:hover {
      background: var(--reel-color-surface-hover);
      color: var(--reel-color-text);
    }
    a:focus-visible {
      outline: 2px solid var(--reel-color-focus);
      outline-offset: 1px;
    }
    a[aria-current='page'] {
      background: var(--reel-color-accent-soft);
      color: var(--reel-color-text);
      font-weight: var(--reel-font-weight-semibold);
    }
    a .coming {
      margin-inline-start: auto;
    }
    main {
      box-sizing: border-box;
      padding: var(--reel-space-8) clamp(var(--reel-space-4), 3vw, var(--reel-space-10)) var(--reel-space-16);
      min-inline-size: 0;
    }
    .menu-toggle {
      display: none;
    }
    @media (max-width: 56rem) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
      nav {
        position: static;
        max-block-size: none;
        border-inline-end: 0;
        border-block-end: 1px solid var(--reel-color-border);
        padding: var(--reel-space-3) var(--reel-space-4);
      }
      .menu-toggle {
        display: inline-flex;
      }
      nav:not(.open) .groups {
        display: none;
      }
      .brand {
        margin: 0;
        justify-content: space-between;
      }
      main {
        padding-block-start: var(--reel-space-5);
      }
    }
  `;

  /** The path under /admin (the shell passes it): `titles`, `assets/video`, `titles/ttl_123`. */
  @property({ reflect: true }) section = '';
  /** API base for pages without a `<reel-auth-provider>`. */
  @property({ attribute: 'api-base' }) apiBase: string | null = null;

  @state() private loaded = new Set<string>();
  @state() private loadError: unknown = null;
  @state() private menuOpen = false;
  private readonly api = new SessionConsumer(this);

  private get permissions(): readonly string[] {
    return (this.api.session?.user?.permissions as readonly string[] | undefined) ?? [];
  }

  private allowed(group: AdminGroup): boolean {
    return this.permissions.includes(group.permission);
  }

  private readonly loading = new Set<string>();

  protected override willUpdate(): void {
    // Runs on every update: the permissions arrive with the session after the first render.
    const group = groupOf(this.section);
    const tag = group?.tag;
    if (!group?.load || !tag || this.loaded.has(tag) || this.loading.has(tag) || !this.allowed(group)) return;
    this.loading.add(tag);
    group
      .load()
      .then(() => {
        this.loaded = new Set([...this.loaded, tag]);
      })
      .catch((error: unknown) => {
        this.loadError = error;
      })
      .finally(() => this.loading.delete(tag));
  }

  private async choose(event: MouseEvent, group: AdminGroup): Promise<void> {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.menuOpen = false;
    const page = this.renderRoot.querySelector('main > *') as (HTMLElement & { dirty?: boolean }) | null;
    if (page?.dirty && !(await confirmLeave(this))) return;
    this.section = group.path;
    emit(this, 'reel-navigate', { href: `/admin${group.path ? `/${group.path}` : ''}` }, { cancelable: true });
    void this.updateComplete.then(() => (this.renderRoot.querySelector('main') as HTMLElement | null)?.focus());
  }

  protected override render() {
    const session = this.api.session;
    if (session?.status === 'signed-out') {
      return this.renderEmpty({
        heading: msg('Sign in with a staff account', { id: 'admin.signed-out' }),
        actions: html`<reel-button variant="primary" href="/sign-in?next=/admin">${msg('Sign in', { id: 'admin.sign-in' })}</reel-button>`,
      });
    }
    if (!session || session.status === 'loading') return this.renderLoading();
    const current = groupOf(this.section);
    const visible = GROUPS.filter((g) => this.allowed(g));
    return html`<div class="layout">
      <nav part="nav" class=${this.menuOpen ? 'open' : ''} aria-label=${msg('Admin', { id: 'admin.nav' })}>
        <p class="brand">
          <span>${msg('Reel admin', { id: 'admin.brand' })}</span>
          <reel-icon-button
            class="menu-toggle"
            name=${this.menuOpen ? 'close' : 'menu'}
            label=${msg('Admin menu', { id: 'admin.menu' })}
            aria-expanded=${this.menuOpen ? 'true' : 'false'}
            @click=${() => (this.menuOpen = !this.menuOpen)}
          ></reel-icon-button>
        </p>
        <div class="groups">
          ${SECTIONS.map((section) => {
            const groups = visible.filter((g) => g.section === section.id);
            if (!groups.length) return nothing;
            return html`<h2 id=${`s-${section.id}`}>${section.label()}</h2>
              <ul aria-labelledby=${`s-${section.id}`}>
                ${groups.map(
                  (g) => html`<li>
                    <a
                      href=${`/admin${g.path ? `/${g.path}` : ''}`}
                      aria-current=${current === g ? 'page' : 'false'}
                      @click=${(e: MouseEvent) => this.choose(e, g)}
                    >
                      <reel-icon name=${g.icon}></reel-icon><span>${g.label()}</span>
                      ${g.status === 'coming' ? html`<reel-badge class="coming" variant="outline" pill>${msg('Coming', { id: 'admin.coming' })}</reel-badge>` : nothing}
                    </a>
                  </li>`,
                )}
              </ul>`;
          })}
        </div>
      </nav>
      <main part="main" tabindex="-1">${this.renderPanel(current)}</main>
    </div>`;
  }

  private renderPanel(group: AdminGroup | undefined) {
    if (!group) {
      return this.renderEmpty({ heading: msg('There is no such admin page', { id: 'admin.not-found' }) });
    }
    if (!this.allowed(group)) {
      return this.renderEmpty({
        heading: msg('You don’t have access to this page', { id: 'admin.forbidden' }),
        text: msg(str`It needs the ${group.permission} permission. Ask an administrator.`, {
          id: 'admin.forbidden.why',
        }),
      });
    }
    if (group.status === 'coming' || !group.tag) {
      return this.renderEmpty({
        heading: msg(str`${group.label()} is coming`, { id: 'admin.coming.heading' }),
        text: msg('This part of the admin arrives with the next release.', { id: 'admin.coming.text' }),
      });
    }
    if (this.loadError) return this.renderError(this.loadError, () => location.reload());
    if (!this.loaded.has(group.tag)) return this.renderLoading();
    const rest = this.section
      .replace(/^\/+|\/+$/g, '')
      .slice(group.path.length)
      .replace(/^\//, '');
    const el = document.createElement(group.tag) as HTMLElement & { rest: string; apiBase: string | null };
    // One element per group, kept while its group is shown.
    const existing = this.renderRoot.querySelector(`main > ${group.tag}`) as typeof el | null;
    const node = existing ?? el;
    node.rest = rest;
    node.apiBase = this.apiBase;
    return node;
  }
}

/** Asks (a @reel/ui confirmation dialog in `host`) before leaving a form with unsaved changes. */
export function confirmLeave(host: HTMLElement = document.body): Promise<boolean> {
  return confirmAction(host, {
    heading: msg('Leave without saving your changes?', { id: 'admin.leave' }),
    confirmLabel: msg('Leave', { id: 'admin.leave.confirm' }),
  });
}

/** single-spa lifecycles: the shell mounts the admin at `/admin`. */
export const lifecycles = createLifecycles('reel-admin');
