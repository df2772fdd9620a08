// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'home.cta.signin': `تسجيل الدخول`,
  'home.cta.signup': `إنشاء حساب`,
  'home.cta.text': `سجّل لتتابع من حيث توقفت، وتنشئ قائمتك، وتحصل على اختيارات تناسبك.`,
  'home.cta.title': `أفلام ومسلسلات وأنمي. كلها في مكان واحد.`,
  'home.empty': `لا يوجد ما يُشاهَد هنا بعد`,
  'home.empty.text': `عُد قريبًا: تصل عناوين جديدة كل أسبوع.`,
  'home.join.lead': `جديد على Reel؟`,
  'home.join.link': `أنشئ حسابًا`,
  'home.list.add': `إضافة إلى قائمتي`,
  'home.list.remove': `إزالة من قائمتي`,
  'home.loading': `جارٍ تحميل صفحتك الرئيسية…`,
  'home.more': `مزيد من المعلومات`,
  'home.new': `جديد`,
  'home.play': `تشغيل`,
  'home.progress': str`تمت مشاهدة ${0}٪`,
  'home.resume': `استئناف`,
  'home.title': `الرئيسية`,
  'home.top10.rank': str`رقم ${0} في أفضل 10 اليوم`,
  'home.top10.top': `أفضل`,
  'home.type.anime': `أنمي`,
  'home.type.series': `مسلسل`,
};
