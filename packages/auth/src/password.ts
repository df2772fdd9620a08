import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { estimateStrength, type StrengthScore, type StrengthWarning } from './strength.js';

/** The meter's word for a score. */
export function strengthLabel(score: StrengthScore): string {
  switch (score) {
    case 0:
      return msg('Too short', { id: 'auth.strength.short' });
    case 1:
      return msg('Weak', { id: 'auth.strength.weak' });
    case 2:
      return msg('Fair', { id: 'auth.strength.fair' });
    case 3:
      return msg('Good', { id: 'auth.strength.good' });
    default:
      return msg('Strong', { id: 'auth.strength.strong' });
  }
}

function warningText(warning: StrengthWarning): string {
  switch (warning) {
    case 'short':
      return msg('Use at least 10 characters — a few unrelated words work well.', { id: 'auth.strength.tip.short' });
    case 'common':
      return msg('Avoid common words and passwords.', { id: 'auth.strength.tip.common' });
    case 'sequence':
      return msg('Avoid runs like “abcd” or “1234”.', { id: 'auth.strength.tip.sequence' });
    case 'repeat':
      return msg('Avoid repeated characters.', { id: 'auth.strength.tip.repeat' });
    case 'personal':
      return msg('Don’t use your name or email address.', { id: 'auth.strength.tip.personal' });
    default:
      return msg('Add another word, a number or a symbol.', { id: 'auth.strength.tip.variety' });
  }
}

/**
 * The strength meter under a new-password field: four segments and the level in words, with a
 * tip; `id` is for the field's `aria-describedby`-like help. Nothing while the field is empty.
 */
export function renderStrength(password: string, personal: string[]) {
  if (!password) return nothing;
  const { score, warning } = estimateStrength(password, personal);
  return html`<div class="strength" data-score=${score} part="strength">
    <div class="meter" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
    <p aria-live="polite">
      ${msg('Password strength:', { id: 'auth.strength.label' })} <strong>${strengthLabel(score)}</strong>${
        warning ? html` · ${warningText(warning)}` : nothing
      }
    </p>
  </div>`;
}

/** The hint a password field shows while Caps Lock is on. */
export function capsLockText(): string {
  return msg('Caps Lock is on.', { id: 'auth.caps-lock' });
}
