// Do not modify this file by hand!
// Re-generate this file by running lit-localize

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'core.cancel': `إلغاء`,
  'core.continue': `متابعة`,
  'core.empty.heading': `لا يوجد شيء هنا بعد`,
  'core.error.details': `التفاصيل`,
  'core.error.heading': `حدث خطأ ما`,
  'core.error.retry': `إعادة المحاولة`,
  'core.error.text': `تعذّر تحميل هذا الجزء من الصفحة. بقية الصفحة تعمل كالمعتاد.`,
  'core.loading': `جارٍ التحميل…`,
  'core.reauth.failed': `تعذّر علينا التحقق من كلمة المرور. حاول مرة أخرى.`,
  'core.reauth.password': `كلمة المرور`,
  'core.reauth.text': `حفاظًا على أمانك، أدخل كلمة المرور للمتابعة.`,
  'core.reauth.title': `أكّد هويتك`,
  'core.reauth.wrong': `كلمة المرور هذه غير صحيحة. حاول مرة أخرى.`,
};
