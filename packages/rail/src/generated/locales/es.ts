// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'rail.heading.because': str`Porque viste ${0}`,
  'rail.heading.because.plain': `Porque viste`,
  'rail.heading.continue': `Seguir viendo`,
  'rail.heading.default': `Títulos`,
  'rail.heading.new': `Nuevo esta semana`,
  'rail.heading.recommended': `Recomendado para ti`,
  'rail.heading.soon': `Próximamente`,
  'rail.heading.top10': `Top 10 de hoy`,
  'rail.heading.top10.region': str`Top 10 de hoy en ${0}`,
  'rail.heading.trending': `Tendencias`,
  'rail.heading.watchlist': `Mi lista`,
  'rail.loading': `Cargando títulos…`,
  'rail.next': str`Más títulos de ${0}`,
  'rail.previous': str`Títulos anteriores de ${0}`,
  'rail.see-all': `Ver todo`,
};
