// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'title-card.badge.dub': `مدبلج`,
  'title-card.badge.new': `جديد`,
  'title-card.badge.simulcast': `عرض متزامن`,
  'title-card.badge.soon': `قريبًا`,
  'title-card.badge.sub': `مترجم`,
  'title-card.left': str`متبقٍ ${0}`,
  'title-card.more': `مزيد من المعلومات`,
  'title-card.play': `تشغيل`,
  'title-card.progress': str`تمت مشاهدة ${0}٪`,
  'title-card.rank.name': str`المرتبة ${0}: ${1}`,
  'title-card.remove': str`إزالة ${0} من متابعة المشاهدة`,
  'title-card.remove.failed': str`تعذّرت إزالة ${0}. حاول مرة أخرى.`,
  'title-card.remove.short': `إزالة من الصف`,
  'title-card.removed': str`تمت إزالة ${0} من متابعة المشاهدة`,
  'title-card.resume': `استئناف`,
  'title-card.top10.rank': str`أفضل 10 اليوم، المرتبة ${0}`,
  'title-card.top10.short': `في أفضل 10`,
  'title-card.top10.top': `أفضل`,
  'title-card.type.anime': `أنمي`,
  'title-card.type.series': `مسلسل`,
  'title-card.undo': `تراجع`,
  'title-card.undo.failed': `تعذّر التراجع.`,
  'title-card.watchlist.add': str`إضافة ${0} إلى قائمتي`,
  'title-card.watchlist.add.short': `إضافة إلى قائمتي`,
  'title-card.watchlist.added': str`تمت إضافة ${0} إلى قائمتي`,
  'title-card.watchlist.failed': str`تعذّر تحديث قائمتي لـ ${0}. حاول مرة أخرى.`,
  'title-card.watchlist.remove': str`إزالة ${0} من قائمتي`,
  'title-card.watchlist.remove.short': `إزالة من قائمتي`,
  'title-card.watchlist.removed': str`تمت إزالة ${0} من قائمتي`,
};
