// The browser test run enforces the product's Content-Security-Policy and Trusted Types
// (web-test-runner.config.mjs). These tests prove that a slip is caught, not merely discouraged.
import { expect, fixture, html } from '@open-wc/testing';
import { defineElement } from './define-element.js';
import { ReelElement } from './reel-element.js';
import { expectViolation } from './testing.js';

describe('strict Content-Security-Policy in browser tests', () => {
  it('refuses an HTML string assigned to innerHTML (Trusted Types)', async () => {
    const div = document.createElement('div');
    let thrown: unknown;
    const violation = await expectViolation(() => {
      try {
        div.innerHTML = '<img src="x" alt="">';
      } catch (error) {
        thrown = error;
      }
    });
    expect(thrown).to.be.instanceOf(TypeError);
    expect(div.childElementCount).to.equal(0);
    expect(violation.effectiveDirective).to.equal('require-trusted-types-for');
  });

  it('refuses eval and new Function', async () => {
    const attempts: Array<() => unknown> = [
      // biome-ignore lint/security/noGlobalEval: proving that the policy blocks it is the point.
      () => globalThis.eval('1 + 1'),
      () => new Function('return 1')(),
    ];
    for (const attempt of attempts) {
      let thrown: unknown;
      const violation = await expectViolation(() => {
        try {
          attempt();
        } catch (error) {
          thrown = error;
        }
      });
      // Trusted Types refuses the string before script-src's 'unsafe-eval' check is reached.
      expect(thrown).to.be.instanceOf(Error);
      expect(violation.effectiveDirective).to.match(/^(require-trusted-types-for|script-src)$/);
    }
  });

  it('refuses an inline event handler attribute', async () => {
    const button = document.createElement('button');
    let thrown: unknown;
    await expectViolation(() => {
      try {
        button.setAttribute('onclick', 'window.__pwned = true');
      } catch (error) {
        thrown = error;
      }
    });
    expect(thrown).to.be.instanceOf(TypeError);
    expect(button.hasAttribute('onclick')).to.equal(false);
  });

  it('blocks a javascript: URL that slipped into a Lit binding', async () => {
    const url = 'javascript:window.__pwned=true';
    const link = await fixture<HTMLAnchorElement>(html`<a href=${url}>link</a>`);
    const violation = await expectViolation(() => link.click());
    expect(violation.effectiveDirective).to.match(/^script-src/);
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('turns a violation nobody claimed into an uncaught error, which fails the running test', async () => {
    const errors: string[] = [];
    const mochaHandler = window.onerror;
    // Stand in for mocha's uncaught-error handler for a moment, so this test can observe the
    // failure the guard raises instead of being failed by it.
    window.onerror = (message) => {
      errors.push(String(message));
      return true;
    };
    try {
      try {
        document.createElement('div').innerHTML = '<b>slip</b>';
      } catch {
        // The TypeError alone could be swallowed by the code that slipped (an error boundary):
        // the guard must fail the test anyway.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      window.onerror = mochaHandler;
    }
    expect(errors.join('\n')).to.contain('Content-Security-Policy violation: require-trusted-types-for');
  });

  it('renders Lit templates with user text as text, with no violation', async () => {
    const userText = '<img src=x onerror="window.__pwned=true">';
    const el = await fixture<HTMLParagraphElement>(html`<p>${userText}</p>`);
    expect(el.textContent).to.equal(userText);
    expect(el.querySelector('img')).to.equal(null);
  });

  it('still fails the test when the slip happens inside an element whose error boundary catches it', async () => {
    class Sloppy extends ReelElement {
      override render() {
        const div = document.createElement('div');
        div.innerHTML = '<b>bio</b>'; // the slip
        return html`${div}`;
      }
    }
    const tag = `reel-test-sloppy-${Math.random().toString(36).slice(2, 8)}`;
    defineElement(tag, Sloppy);
    const silence = (e: Event) => e.preventDefault();
    window.addEventListener('reel-error', silence);
    try {
      const el = document.createElement(tag) as Sloppy;
      const violation = await expectViolation(() => document.body.append(el));
      await el.updateComplete;
      expect(el.hasFailed).to.equal(true); // the page kept working…
      expect(violation.effectiveDirective).to.equal('require-trusted-types-for'); // …and the run saw it
      el.remove();
    } finally {
      window.removeEventListener('reel-error', silence);
    }
  });
});
