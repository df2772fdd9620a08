import { msg, str } from '@lit/localize';
import { ReelElement } from '@reel/core';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { styles } from './reel-status-page.styles.js';

/** What the page says. */
export type StatusKind = 'coming-soon' | 'not-found' | 'forbidden';

/**
 * The shell's own full pages: "coming soon" for a route whose element is not deployed yet, "not
 * found" for an unknown address, and "forbidden" for a route the user may not open.
 *
 * @summary A full-page status message with a way back.
 * @tagname reel-status-page
 * @csspart content - The centred message.
 */
export class ReelStatusPage extends ReelElement {
  static override styles = styles;

  @property({ reflect: true }) kind: StatusKind = 'coming-soon';

  /** The name of the page that is coming (`My List`). */
  @property({ attribute: 'page-title' }) pageTitle = '';

  override render() {
    const home = msg('Back to Home', { id: 'shell.status.home' });
    const browse = msg('Browse titles', { id: 'shell.status.browse' });
    let icon = 'film';
    let eyebrow: string = msg('Coming soon', { id: 'shell.status.soon' });
    let heading: string;
    let text: string;
    let code: string | null = null;
    switch (this.kind) {
      case 'not-found':
        code = '404';
        eyebrow = msg('Page not found', { id: 'shell.status.not-found' });
        heading = msg('Lost your way?', { id: 'shell.status.not-found-heading' });
        text = msg('We can’t find that page. There’s plenty to explore on the home page.', {
          id: 'shell.status.not-found-text',
        });
        break;
      case 'forbidden':
        icon = 'lock';
        eyebrow = msg('Staff only', { id: 'shell.status.forbidden' });
        heading = msg('You don’t have access to this page', { id: 'shell.status.forbidden-heading' });
        text = msg('This area is for Reel staff. If you think you should have access, ask an administrator.', {
          id: 'shell.status.forbidden-text',
        });
        break;
      default:
        heading = this.pageTitle
          ? msg(str`${this.pageTitle} is coming soon`, { id: 'shell.status.soon-heading' })
          : msg('This page is coming soon', { id: 'shell.status.soon-heading-generic' });
        text = msg('We’re putting the finishing touches on this part of Reel. Everything else is ready to watch.', {
          id: 'shell.status.soon-text',
        });
    }
    return html`<div class="backdrop" aria-hidden="true"></div>
      <div class="content" part="content">
        ${code ? html`<div class="code" aria-hidden="true">${code}</div>` : html`<div class="mark" aria-hidden="true"><reel-icon name=${icon}></reel-icon></div>`}
        <p class="eyebrow">${eyebrow}</p>
        <h1 tabindex="-1">${heading}</h1>
        <p>${text}</p>
        <div class="actions">
          <reel-button variant="primary" size="lg" href="/">${home}</reel-button>
          ${this.kind === 'forbidden' ? nothing : html`<reel-button variant="secondary" size="lg" href="/browse">${browse}</reel-button>`}
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reel-status-page': ReelStatusPage;
  }
}
