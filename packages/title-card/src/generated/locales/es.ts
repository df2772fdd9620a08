// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'title-card.badge.dub': `Dob`,
  'title-card.badge.new': `Nuevo`,
  'title-card.badge.simulcast': `Simulcast`,
  'title-card.badge.soon': `Próximamente`,
  'title-card.badge.sub': `Sub`,
  'title-card.left': str`Quedan ${0}`,
  'title-card.more': `Más información`,
  'title-card.play': `Reproducir`,
  'title-card.progress': str`${0} % visto`,
  'title-card.rank.name': str`Número ${0}: ${1}`,
  'title-card.remove': str`Quitar ${0} de Seguir viendo`,
  'title-card.remove.failed': str`No se pudo quitar ${0}. Inténtalo de nuevo.`,
  'title-card.remove.short': `Quitar de la fila`,
  'title-card.removed': str`Se quitó ${0} de Seguir viendo`,
  'title-card.resume': `Reanudar`,
  'title-card.top10.rank': str`Top 10 de hoy, número ${0}`,
  'title-card.top10.short': `en el Top 10`,
  'title-card.top10.top': `TOP`,
  'title-card.type.anime': `Anime`,
  'title-card.type.series': `Serie`,
  'title-card.undo': `Deshacer`,
  'title-card.undo.failed': `No se pudo deshacer.`,
  'title-card.watchlist.add': str`Añadir ${0} a Mi lista`,
  'title-card.watchlist.add.short': `Añadir a Mi lista`,
  'title-card.watchlist.added': str`Se añadió ${0} a Mi lista`,
  'title-card.watchlist.failed': str`No se pudo actualizar Mi lista con ${0}. Inténtalo de nuevo.`,
  'title-card.watchlist.remove': str`Quitar ${0} de Mi lista`,
  'title-card.watchlist.remove.short': `Quitar de Mi lista`,
  'title-card.watchlist.removed': str`Se quitó ${0} de Mi lista`,
};
