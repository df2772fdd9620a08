import { msg, str } from '@lit/localize';
import { allLocales, emit, getLocale, localeInfo, ReelElement, SessionConsumer, setLocale } from '@reel/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { logo } from './logo.js';
import { styles } from './reel-app-shell.styles.js';
import type { Chrome } from './routes.js';

/** The sections of the primary navigation (what `active` names). */
export type Section = 'home' | 'series' | 'films' | 'anime' | 'my-list' | 'search' | 'downloads' | 'account' | '';

declare global {
  interface HTMLElementTagNameMap {
    'reel-app-shell': ReelAppShell;
  }
  interface GlobalEventHandlersEventMap {
    /** The user chose a language in the shell (it is applied already). */
    'reel-language-select': CustomEvent<{ locale: string }>;
  }
}

/** Where the user's explicit language choice is kept. */
export const LOCALE_KEY = 'reel.locale';

/**
 * The site's layout around the page: a skip link, the top bar (logo, primary navigation, search,
 * notifications, profile menu) that is transparent over a hero and turns solid as the page
 * scrolls, the footer with the language selector, a tab bar on phones, and a live region that
 * announces page changes. The page itself (`<main>`) is its light-DOM child.
 *
 * @summary The site layout: top bar, tab bar, footer.
 * @tagname reel-app-shell
 * @slot - The `<main>` landmark with the route's view.
 * @slot banner - Account notices pinned to the bottom of the window (the verify-your-email bar).
 * @slot notifications - The notification centre (a bell that opens the notifications page when absent).
 * @cssproperty --reel-shell-bar-height - Height of the top bar.
 * @cssproperty --reel-shell-gutter - Side padding of the bar and footer.
 * @fires reel-navigate - From the bell fallback.
 * @fires reel-language-select - The user chose a language.
 */
export class ReelAppShell extends ReelElement {
  static override styles = styles;

  @property({ reflect: true }) chrome: Chrome = 'full';

  /** The page starts under the transparent bar (a hero). */
  @property({ type: Boolean, reflect: true }) overlay = false;

  /** The section of the current page, highlighted in the navigation. */
  @property() active: Section = '';

  /** The search query of the current page (`/search?q=`). */
  @property() query = '';

  /** The page is a sign-in page (no "Sign in" button in the bar). */
  @property({ type: Boolean, attribute: 'sign-in-page' }) signInPage = false;

  /** The session is being restored (a thin progress bar shows). */
  @property({ type: Boolean, reflect: true }) waiting = false;

  /** Import-map overrides in force (development): shown as a warning badge. */
  @property({ attribute: false }) overrides: readonly string[] = [];

  @state() private scrolled = false;
  @state() private announcement = '';

  private readonly api = new SessionConsumer(this);
  private readonly onScroll = () => {
    const scrolled = window.scrollY > 8;
    if (scrolled !== this.scrolled) this.scrolled = scrolled;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this.onScroll, { passive: true });
    this.onScroll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.onScroll);
  }

  /** Says `text` to screen readers (the page that just opened). */
  announce(text: string): void {
    // Clear first, so the same text twice is announced twice.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  private focusMain(event: Event) {
    event.preventDefault();
    const main = this.querySelector('main');
    main?.focus();
    main?.scrollIntoView();
  }

  private link(section: Section, href: string, label: string) {
    return html`<a href=${href} aria-current=${ifDefined(this.active === section ? 'page' : undefined)}>${label}</a>`;
  }

  private renderTabs() {
    const tab = (section: Section, href: string, icon: string, label: string) =>
      html`<a href=${href} aria-current=${ifDefined(this.active === section ? 'page' : undefined)}><reel-icon name=${icon}></reel-icon>${label}</a>`;
    return html`<nav class="tabs" aria-label=${msg('Sections', { id: 'shell.nav.sections' })}>
      ${tab('home', '/', 'home', msg('Home', { id: 'shell.route.home' }))}
      ${tab('search', '/search', 'search', msg('Search', { id: 'shell.search.label' }))}
      ${tab('my-list', '/my-list', 'bookmark', msg('My List', { id: 'shell.route.my-list' }))}
      ${tab('downloads', '/downloads', 'download', msg('Downloads', { id: 'shell.route.downloads' }))}
      ${tab('account', '/account', 'user', msg('Account', { id: 'shell.menu.account' }))}
    </nav>`;
  }

  override render() {
    const signedIn = this.api.session?.status === 'signed-in';
    const full = this.chrome === 'full';
    const sections: [Section, string, string][] = [
      ['home', '/', msg('Home', { id: 'shell.route.home' })],
      ['series', '/browse?type=series', msg('Series', { id: 'shell.nav.series' })],
      ['films', '/browse?type=film', msg('Films', { id: 'shell.nav.films' })],
      ['anime', '/anime', msg('Anime', { id: 'shell.route.anime' })],
      ['my-list', '/my-list', msg('My List', { id: 'shell.route.my-list' })],
    ];
    const locale = getLocale();
    return html`<a class="skip-link" href="#main" @click=${this.focusMain}>${msg('Skip to content', { id: 'shell.skip' })}</a>
      <header class="bar" part="bar" ?data-solid=${this.scrolled && this.chrome !== 'minimal'}>
        <div class="bar-inner">
          <a class="logo" href="/" aria-label=${msg('Reel home', { id: 'shell.logo' })}>${logo}</a>
          ${
            full
              ? html`<nav class="primary" aria-label=${msg('Primary', { id: 'shell.nav.primary' })}>
                    <ul>
                      ${sections.map(([section, href, label]) => html`<li>${this.link(section, href, label)}</li>`)}
                    </ul>
                  </nav>
                  <reel-menu
                    class="browse-menu"
                    variant="ghost"
                    size="sm"
                    label=${msg('Browse', { id: 'shell.route.browse' })}
                    @reel-select=${(event: CustomEvent<{ value: string }>) => emit(this, 'reel-navigate', { href: event.detail.value })}
                  >
                    ${sections.map(([, href, label]) => html`<reel-menu-item value=${href}>${label}</reel-menu-item>`)}
                  </reel-menu>`
              : nothing
          }
          <div class="actions">
            ${
              this.overrides.length > 0
                ? html`<reel-badge
                    class="overrides"
                    variant="warning"
                    title=${this.overrides.join('\n')}
                    >${msg(str`${this.overrides.length} override(s)`, { id: 'shell.overrides' })}</reel-badge
                  >`
                : nothing
            }
            ${full ? html`<reel-search-box .value=${this.query} ?open=${this.active === 'search' || this.query !== ''}></reel-search-box>` : nothing}
            ${
              full && signedIn
                ? html`<slot name="notifications"
                    ><reel-icon-button
                      name="bell"
                      tooltip="below"
                      label=${msg('Notifications', { id: 'shell.route.account-notifications' })}
                      @click=${() => emit(this, 'reel-navigate', { href: '/account/notifications' })}
                    ></reel-icon-button
                  ></slot>`
                : nothing
            }
            ${
              signedIn
                ? full
                  ? html`<reel-profile-menu></reel-profile-menu>`
                  : nothing
                : this.api.session?.status === 'signed-out' && !this.signInPage
                  ? html`<reel-button variant="primary" size="sm" href="/sign-in">${msg('Sign in', { id: 'shell.route.sign-in' })}</reel-button>`
                  : nothing
            }
          </div>
        </div>
        ${
          full
            ? html`<nav class="chips" aria-label=${msg('Categories', { id: 'shell.nav.categories' })}>
                ${sections.slice(1, 4).map(([section, href, label]) => this.link(section, href, label))}
              </nav>`
            : nothing
        }
      </header>
      ${this.waiting ? html`<reel-progress-bar class="waiting" indeterminate size="sm" label=${msg('Loading', { id: 'shell.view.loading' })}></reel-progress-bar>` : nothing}
      <div class="page"><slot></slot></div>
      <footer>
        <div class="footer-row">
          <ul class="footer-links">
            <li><a href="/account">${msg('Account', { id: 'shell.menu.account' })}</a></li>
            <li><a href="/browse">${msg('Browse', { id: 'shell.route.browse' })}</a></li>
            <li><a href="/schedule">${msg('Schedule', { id: 'shell.route.schedule' })}</a></li>
            <li><a href="/downloads">${msg('Downloads', { id: 'shell.route.downloads' })}</a></li>
          </ul>
          <reel-select
            class="language"
            label=${msg('Language', { id: 'shell.language' })}
            .value=${locale}
            .options=${allLocales.map((code) => ({ value: code, label: localeInfo[code].name }))}
            @reel-change=${async (event: CustomEvent<{ value: string }>) => {
              const chosen = event.detail.value;
              try {
                localStorage.setItem(LOCALE_KEY, chosen);
              } catch {
                // Not remembered across visits; applied all the same.
              }
              await setLocale(chosen);
              emit(this, 'reel-language-select', { locale: chosen });
            }}
          ></reel-select>
        </div>
        <p class="fine-print">${msg('Reel is a demonstration streaming service. No real payments are taken.', { id: 'shell.footer.fine-print' })}</p>
      </footer>
      <div class="banner"><slot name="banner"></slot></div>
      ${full ? this.renderTabs() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }
}
