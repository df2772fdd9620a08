// Runs against the real reference API (the test runner passes /api to it).
import { expect, html, waitUntil } from '@open-wc/testing';
import { themedFixture } from '@reel/core/testing';
import './define.js';
import type { ReelMfaReset } from './reel-mfa-reset.js';
import { button, press } from './test-support.js';

describe('<reel-mfa-reset> with the real API', () => {
  it('asks before acting, and explains a link that does not work', async () => {
    const el = await themedFixture<ReelMfaReset>(
      html`<reel-mfa-reset token=${'x'.repeat(43)} action="cancel"></reel-mfa-reset>`,
    );
    expect(el.shadowRoot?.textContent).to.contain('Stop the reset');
    await expect(el).to.be.accessible();
    press(button(el, 'Stop the reset'));
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'the problem is said', { timeout: 8000 });
    expect(el.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain('not valid');
    await expect(el).to.be.accessible();
  });
});
