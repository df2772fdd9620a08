// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'rail.heading.because': str`لأنك شاهدت ${0}`,
  'rail.heading.because.plain': `لأنك شاهدت`,
  'rail.heading.continue': `متابعة المشاهدة`,
  'rail.heading.default': `العناوين`,
  'rail.heading.new': `جديد هذا الأسبوع`,
  'rail.heading.recommended': `مقترح لك`,
  'rail.heading.soon': `قريبًا`,
  'rail.heading.top10': `أفضل 10 اليوم`,
  'rail.heading.top10.region': str`أفضل 10 اليوم في ${0}`,
  'rail.heading.trending': `الأكثر رواجًا الآن`,
  'rail.heading.watchlist': `قائمتي`,
  'rail.loading': `جارٍ تحميل العناوين…`,
  'rail.next': str`مزيد من العناوين في ${0}`,
  'rail.previous': str`العناوين السابقة في ${0}`,
  'rail.see-all': `عرض الكل`,
};
