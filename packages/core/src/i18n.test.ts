import { msg, str } from '@lit/localize';
import { expect, fixture, html, oneEvent, unsafeStatic } from '@open-wc/testing';
import { defineElement } from './define-element.js';
import {
  formatDate,
  formatDuration,
  formatList,
  formatNumber,
  formatRelativeTime,
  plural,
  pluralCategory,
} from './i18n/format.js';
import { localeDirection, matchLocale } from './i18n/locales.js';
import { bindDocumentLocale, getLocale, registerTranslations, setLocale } from './i18n/localization.js';
import { ReelElement } from './reel-element.js';

const suffix = Math.random().toString(36).slice(2, 8);

class Greeting extends ReelElement {
  name = 'Ana';
  override render() {
    return html`<p>${msg('Try again', { id: 'core.error.retry' })}</p>
      <p id="late">${msg(str`Hello, ${this.name}`, { id: 'test.hello' })}</p>`;
  }
}
const tag = `reel-test-greeting-${suffix}`;
defineElement(tag, Greeting);
const mount = () => fixture<Greeting>(html`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);
const text = (el: Greeting, selector = 'p') => el.shadowRoot!.querySelector(selector)!.textContent!.trim();

describe('i18n', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('matches BCP 47 tags to the supported locales', () => {
    expect(matchLocale('es-MX')).to.equal('es');
    expect(matchLocale(['fr-FR', 'ar-EG'])).to.equal('ar');
    expect(matchLocale('AR')).to.equal('ar');
    expect(matchLocale('fr')).to.equal(undefined);
    expect(localeDirection('ar')).to.equal('rtl');
    expect(localeDirection('es')).to.equal('ltr');
  });

  it('switches locale without a reload, re-rendering elements with lang and dir', async () => {
    const el = await mount();
    expect(text(el)).to.equal('Try again');
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.getAttribute('dir')).to.equal('ltr');

    const changed = oneEvent(window, 'reel-locale-change');
    await setLocale('es-ES');
    expect((await changed).detail).to.deep.equal({ locale: 'es', dir: 'ltr' });
    await el.updateComplete;
    expect(getLocale()).to.equal('es');
    expect(text(el)).to.equal('Reintentar');
    expect(el.getAttribute('lang')).to.equal('es');

    await setLocale('ar');
    await el.updateComplete;
    expect(text(el)).to.equal('إعادة المحاولة');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(el).direction).to.equal('rtl');
  });

  it('refuses a locale it cannot serve', async () => {
    let error: unknown;
    try {
      await setLocale('fr');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(RangeError);
    expect(getLocale()).to.equal('en');
  });

  it('leaves lang and dir alone when the page set them', async () => {
    const el = await fixture<Greeting>(html`<${unsafeStatic(tag)} dir="ltr" lang="ar"></${unsafeStatic(tag)}>`);
    await setLocale('ar');
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(el.getAttribute('lang')).to.equal('ar');
  });

  it('merges a package registered after the switch, and re-renders in the active locale', async () => {
    const el = await mount();
    await setLocale('es');
    await el.updateComplete;
    expect(text(el, '#late')).to.equal('Hello, Ana');
    const arrived = oneEvent(window, 'reel-locale-change');
    registerTranslations(`@reel/test-late-${suffix}`, async (locale) => ({
      templates: { 'test.hello': locale === 'es' ? str`Hola, ${0}` : str`مرحبًا، ${0}` },
    }));
    await arrived;
    await el.updateComplete;
    expect(text(el, '#late')).to.equal('Hola, Ana');
    await setLocale('ar');
    await el.updateComplete;
    expect(text(el, '#late')).to.equal('مرحبًا، Ana');
  });

  it('shows English for a package whose translations fail to load, and keeps the others', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      registerTranslations(`@reel/test-broken-${suffix}`, (locale) =>
        locale === 'es' ? Promise.reject(new Error('chunk failed')) : Promise.resolve({ templates: {} }),
      );
      const el = await mount();
      await setLocale('es');
      await el.updateComplete;
      expect(text(el)).to.equal('Reintentar');
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).to.contain(`@reel/test-broken-${suffix}`);
  });

  it('follows a switch requested by another copy of the kit on the page', async () => {
    const el = await mount();
    const changed = oneEvent(window, 'reel-locale-change');
    window.dispatchEvent(new CustomEvent('reel-locale-request', { detail: { locale: 'ar' } }));
    await changed;
    await el.updateComplete;
    expect(getLocale()).to.equal('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
  });

  it('keeps <html lang dir> in step when the page asks for it', async () => {
    const root = document.createElement('div');
    const stop = bindDocumentLocale(root);
    await setLocale('ar');
    expect(root.lang).to.equal('ar');
    expect(root.dir).to.equal('rtl');
    stop();
    await setLocale('en');
    expect(root.lang).to.equal('ar');
  });

  it('formats numbers, dates, lists, durations and plurals for the active locale', async () => {
    expect(formatNumber(1234567.5)).to.equal('1,234,567.5');
    expect(formatList(['Drama', 'Comedy', 'Anime'])).to.equal('Drama, Comedy, and Anime');
    expect(formatDuration(5520)).to.equal('1 hr, 32 min');
    expect(formatRelativeTime(Date.now() - 3 * 24 * 3600 * 1000)).to.equal('3 days ago');
    expect(formatDate(Date.UTC(2025, 0, 15, 12), { dateStyle: 'long', timeZone: 'UTC' })).to.equal('January 15, 2025');
    await setLocale('es');
    expect(formatNumber(1234567.5)).to.equal('1.234.567,5');
    expect(formatList(['Drama', 'Comedia', 'Anime'])).to.equal('Drama, Comedia y Anime');
    expect(formatRelativeTime(Date.now() - 3 * 24 * 3600 * 1000)).to.equal('hace 3 días');
    await setLocale('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralCategory(n))).to.deep.equal([
      'zero',
      'one',
      'two',
      'few',
      'many',
      'other',
    ]);
    expect(plural(2, { two: 'حلقتان', other: 'حلقات' })).to.equal('حلقتان');
    expect(plural(7, { one: 'x', other: 'y' })).to.equal('y');
  });
});
