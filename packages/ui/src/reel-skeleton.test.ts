import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { emulateMedia } from '@web/test-runner-commands';
import './define.js';
import type { ReelSkeleton } from './reel-skeleton.js';

describe('reel-skeleton', () => {
  afterEach(async () => {
    await setLocale('en');
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('draws the requested shape, hidden from assistive technology', async () => {
    const wrapper = await themedFixture<HTMLDivElement>(html`<div aria-busy="true">
      <reel-skeleton lines="3"></reel-skeleton><reel-skeleton shape="rect"></reel-skeleton><reel-skeleton shape="circle"></reel-skeleton>
    </div>`);
    const [text, rect, circle] = [...wrapper.querySelectorAll('reel-skeleton')] as [
      ReelSkeleton,
      ReelSkeleton,
      ReelSkeleton,
    ];
    expect(text.getAttribute('aria-hidden')).to.equal('true');
    expect(text.shadowRoot!.querySelectorAll('.bone')).to.have.length(3);
    expect(rect.shadowRoot!.querySelectorAll('.bone')).to.have.length(1);
    const bone = circle.shadowRoot!.querySelector('.bone')!.getBoundingClientRect();
    expect(Math.round(bone.width)).to.equal(Math.round(bone.height));
    await expect(wrapper).to.be.accessible();
  });

  it('shimmers unless reduced motion is asked for, and shimmers the other way in Arabic', async () => {
    const el = await themedFixture<ReelSkeleton>(html`<reel-skeleton></reel-skeleton>`);
    const bone = el.shadowRoot!.querySelector('.bone')!;
    expect(getComputedStyle(bone).animationName).to.equal('shimmer');
    await setLocale('ar');
    await el.updateComplete;
    expect(getComputedStyle(bone).animationDirection).to.equal('reverse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(bone).animationName).to.equal('none');
  });

  it('leaves nothing behind when mounted and removed many times', async () => {
    expect([...(await mountMany(() => document.createElement('reel-skeleton')))]).to.deep.equal([]);
  });
});
