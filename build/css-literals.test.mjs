import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { squeezeCssLiterals } from './css-literals.mjs';

describe('squeezeCssLiterals', () => {
  it('drops comments and indentation and the spaces around braces and semicolons, keeping line breaks', () => {
    const source = 'const s = css`\n  /* the host */\n  :host {\n    display: block ;\n  }\n`;';
    assert.equal(squeezeCssLiterals(source), 'const s = css`\n\n:host{\ndisplay: block;\n}\n`;');
  });

  it('copies interpolations through and leaves parts holding quotes as they are', () => {
    const source = "css`\n  a {\n    color: ${unsafeCSS('x  y')};\n  }\n  b::after {\n    content: '  ';\n  }\n`";
    const out = squeezeCssLiterals(source);
    assert.ok(out.includes("${unsafeCSS('x  y')}"), out);
    assert.ok(out.includes("content: '  ';"), out);
    assert.ok(out.startsWith('css`\na{\ncolor: ${'), out);
  });

  it('touches only css tagged literals', () => {
    const source = 'html`\n  <p>  a  </p>\n`; mycss`\n  a { }\n`; x.css`\n  a { }\n`;';
    assert.equal(squeezeCssLiterals(source), source);
  });
});
