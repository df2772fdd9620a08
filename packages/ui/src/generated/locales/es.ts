// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'ui.text-field.left.one': str`${0} character left`,
  'ui.text-field.left.other': str`${0} characters left`,
  'ui.text-field.left.zero': str`${0} characters left`,
  'ui.text-field.left.two': str`${0} characters left`,
  'ui.text-field.left.few': str`${0} characters left`,
  'ui.text-field.left.many': str`${0} characters left`,
  'ui.text-field.reveal': `Show password`,
};
