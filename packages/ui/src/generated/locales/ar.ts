// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'ui.chart.empty': `لا توجد بيانات بعد`,
  'ui.chart.label': `التسمية`,
  'ui.checkbox.required': `حدّد هذا المربع للمتابعة.`,
  'ui.confirm.cancel': `إلغاء`,
  'ui.confirm.confirm': `تأكيد`,
  'ui.confirm.type': str`اكتب «${0}» للتأكيد`,
  'ui.dialog.close': `إغلاق`,
  'ui.empty.heading': `لا يوجد شيء هنا بعد`,
  'ui.select.required': `اختر خيارًا.`,
  'ui.spinner.label': `جارٍ التحميل…`,
  'ui.text-field.left.few': str`بقيت ${0} أحرف`,
  'ui.text-field.left.many': str`بقي ${0} حرفًا`,
  'ui.text-field.left.one': `بقي حرف واحد`,
  'ui.text-field.left.other': str`بقي ${0} حرف`,
  'ui.text-field.left.two': `بقي حرفان`,
  'ui.text-field.left.zero': `لم يبقَ أي حرف`,
  'ui.text-field.reveal': `إظهار كلمة المرور`,
  'ui.toast.dismiss': `إغلاق الإشعار`,
};
