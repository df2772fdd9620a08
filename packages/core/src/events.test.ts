import { expect } from '@open-wc/testing';
import { emit } from './events.js';

describe('emit', () => {
  it('fires a CustomEvent that bubbles and is composed, not cancelable, by default', () => {
    const target = document.createElement('div');
    let received: CustomEvent | undefined;
    target.addEventListener('reel-retry', (e) => {
      received = e;
    });
    const event = emit(target, 'reel-retry', {});
    expect(received).to.equal(event);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);
  });

  it('crosses shadow roots and reports a cancelled request', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    document.body.append(host);
    try {
      host.addEventListener('reel-error', (e) => {
        expect(e.detail.source).to.equal('render');
        e.preventDefault();
      });
      const event = emit(
        inner,
        'reel-error',
        { error: new Error('x'), source: 'render', element: 'x' },
        { cancelable: true },
      );
      expect(event.defaultPrevented).to.equal(true);
    } finally {
      host.remove();
    }
  });

  it('honours bubbles: false and composed: false', () => {
    const parent = document.createElement('div');
    const child = document.createElement('div');
    parent.append(child);
    let reached = false;
    parent.addEventListener('reel-retry', () => {
      reached = true;
    });
    emit(child, 'reel-retry', {}, { bubbles: false, composed: false });
    expect(reached).to.equal(false);
  });
});
