import { expect, fixture, html, unsafeStatic } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { css } from 'lit';
import { defineElement } from './define-element.js';
import { ReelElement } from './reel-element.js';
import { adoptTheme, applyTheme, getTheme, tokens } from './theme.js';

class ThemedBox extends ReelElement {
  static override styles = css`
    :host {
      display: block;
      background: var(--reel-color-bg);
      border-radius: var(--reel-radius-md);
      transition-property: opacity;
      transition-duration: var(--reel-duration-normal);
    }
  `;
}
const tag = `reel-test-themed-${Math.random().toString(36).slice(2, 8)}`;
defineElement(tag, ThemedBox);

const mount = () => fixture<ThemedBox>(html`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);
const background = (el: Element) => getComputedStyle(el).backgroundColor;

describe('theme', () => {
  afterEach(async () => {
    document.documentElement.removeAttribute('data-reel-theme');
    document.documentElement.style.removeProperty('--reel-color-bg');
    await emulateMedia({ colorScheme: 'dark', reducedMotion: 'no-preference' });
  });

  it('is dark by default, with the tokens adopted into the document once', async () => {
    const el = await mount();
    expect(background(el)).to.equal('rgb(8, 8, 10)');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    adoptTheme(document);
    expect(document.adoptedStyleSheets.filter((s) => s === tokens.styleSheet)).to.have.length(1);
    expect(getTheme()).to.equal('dark');
  });

  it('switches to light and back without touching the elements', async () => {
    const el = await mount();
    applyTheme('light');
    expect(getTheme()).to.equal('light');
    expect(background(el)).to.equal('rgb(245, 245, 247)');
    applyTheme('dark');
    expect(background(el)).to.equal('rgb(8, 8, 10)');
  });

  it('follows prefers-color-scheme in system mode', async () => {
    const el = await mount();
    applyTheme('system');
    await emulateMedia({ colorScheme: 'light' });
    expect(background(el)).to.equal('rgb(245, 245, 247)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(background(el)).to.equal('rgb(8, 8, 10)');
  });

  it('themes a subtree independently', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div data-reel-theme="light"></div>`);
    const el = document.createElement(tag);
    wrapper.append(el);
    await (el as ThemedBox).updateComplete;
    expect(background(el)).to.equal('rgb(245, 245, 247)');
  });

  it('lets the host page override any token, at the root or on the element', async () => {
    const el = await mount();
    document.documentElement.style.setProperty('--reel-color-bg', 'rgb(1, 2, 3)');
    expect(background(el)).to.equal('rgb(1, 2, 3)');
    const pageSheet = new CSSStyleSheet();
    pageSheet.replaceSync(`${tag} { --reel-radius-md: 13px; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
    try {
      expect(getComputedStyle(el).borderTopLeftRadius).to.equal('13px');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
    }
  });

  it('collapses motion under prefers-reduced-motion', async () => {
    const el = await mount();
    expect(getComputedStyle(el).transitionDuration).to.equal('0.2s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(el).transitionDuration).to.equal('0s');
  });
});
