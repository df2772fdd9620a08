import { expect, html, waitUntil } from '@open-wc/testing';
import { type ReelAuthProvider, setLocale } from '@reel/core';
import '@reel/core/define';
import { themedFixture } from '@reel/core/testing';
import '@reel/ui/define';
import './define.js';
import type { ReelAppShell } from './reel-app-shell.js';

const mount = async (chrome = 'full') => {
  await fetch('/api/v1/auth/logout', { method: 'POST', credentials: 'include' }).catch(() => {});
  const provider = await themedFixture<ReelAuthProvider>(html`<reel-auth-provider api-base="/api/v1">
    <reel-app-shell chrome=${chrome} active="home"><main id="main" tabindex="-1"><h1>Page</h1></main></reel-app-shell>
  </reel-auth-provider>`);
  await waitUntil(() => provider.status !== 'loading', 'the session settles', { timeout: 8000 });
  const shell = provider.querySelector('reel-app-shell')!;
  await shell.updateComplete;
  return shell;
};
const root = (shell: ReelAppShell) => shell.shadowRoot!;

describe('<reel-app-shell>', () => {
  afterEach(() => setLocale('en'));

  it('has a skip link first, a primary navigation with the current page marked, and is accessible', async () => {
    const shell = await mount();
    const first = root(shell).querySelector('a');
    expect(first?.textContent).to.equal('Skip to content');
    expect(first?.getAttribute('href')).to.equal('#main');
    const links = [...root(shell).querySelectorAll('nav.primary a')].map((a) => [
      a.textContent,
      a.getAttribute('aria-current'),
    ]);
    expect(links).to.deep.equal([
      ['Home', 'page'],
      ['Series', null],
      ['Films', null],
      ['Anime', null],
      ['My List', null],
    ]);
    expect(root(shell).querySelector('reel-button[href="/sign-in"]'), 'signed out: a sign-in button').to.exist;
    await expect(shell).to.be.accessible();
  });

  it('moves focus to the main landmark from the skip link', async () => {
    const shell = await mount();
    root(shell).querySelector<HTMLAnchorElement>('.skip-link')!.click();
    expect(document.activeElement?.id).to.equal('main');
  });

  it('shows only the logo on sign-in pages (minimal chrome)', async () => {
    const shell = await mount('minimal');
    expect(root(shell).querySelector('nav.primary')).to.equal(null);
    expect(root(shell).querySelector('reel-search-box')).to.equal(null);
    expect(root(shell).querySelector('.logo')?.getAttribute('aria-label')).to.equal('Reel home');
  });

  it('switches the whole page to Arabic, right to left, from the language selector', async () => {
    const shell = await mount();
    const select = root(shell).querySelector('reel-select')!;
    select.value = 'ar';
    select.dispatchEvent(new CustomEvent('reel-change', { detail: { value: 'ar' }, bubbles: true, composed: true }));
    await waitUntil(() => shell.getAttribute('dir') === 'rtl', 'the shell turns right to left');
    await shell.updateComplete;
    expect(localStorage.getItem('reel.locale')).to.equal('ar');
    localStorage.removeItem('reel.locale');
  });
});
