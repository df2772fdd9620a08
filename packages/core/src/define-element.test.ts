import { expect } from '@open-wc/testing';
import { DefineResult, defineElement } from './define-element.js';

let n = 0;
const uniqueTag = () => `reel-test-define-${++n}-${Math.random().toString(36).slice(2, 8)}`;

function captureWarnings(run: () => void): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('defineElement', () => {
  it('registers a free tag so the element upgrades', () => {
    const tag = uniqueTag();
    class First extends HTMLElement {}
    expect(defineElement(tag, First)).to.equal(DefineResult.defined);
    expect(document.createElement(tag)).to.be.instanceOf(First);
  });

  it('is a silent no-op when the same class is defined twice', () => {
    const tag = uniqueTag();
    class Same extends HTMLElement {}
    defineElement(tag, Same);
    const warnings = captureWarnings(() => expect(defineElement(tag, Same)).to.equal(DefineResult.alreadyDefined));
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the first class and warns with both versions when a second bundle clashes', () => {
    const tag = uniqueTag();
    class V1 extends HTMLElement {
      static version = '1.2.0';
    }
    class V2 extends HTMLElement {
      static version = '2.0.0';
    }
    defineElement(tag, V1);
    let result: DefineResult | undefined;
    const warnings = captureWarnings(() => {
      result = defineElement(tag, V2);
    });
    expect(result).to.equal(DefineResult.clash);
    expect(customElements.get(tag)).to.equal(V1);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(`<${tag}>`).and.contain('1.2.0').and.contain('2.0.0');
  });

  it('never throws, even for a clash with a class that has no version', () => {
    const tag = uniqueTag();
    customElements.define(tag, class extends HTMLElement {});
    captureWarnings(() => {
      expect(() => defineElement(tag, class extends HTMLElement {})).not.to.throw();
    });
  });
});
