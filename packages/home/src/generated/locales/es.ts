// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'home.cta.signin': `Iniciar sesión`,
  'home.cta.signup': `Registrarse`,
  'home.cta.text': `Regístrate para seguir donde lo dejaste, crear tu lista y recibir recomendaciones para ti.`,
  'home.cta.title': `Películas, series y anime. Todo en un solo lugar.`,
  'home.empty': `Todavía no hay nada que ver aquí`,
  'home.empty.text': `Vuelve pronto: cada semana llegan títulos nuevos.`,
  'home.join.lead': `¿Eres nuevo en Reel?`,
  'home.join.link': `Crea una cuenta`,
  'home.list.add': `Añadir a Mi lista`,
  'home.list.remove': `Quitar de Mi lista`,
  'home.loading': `Cargando tu página de inicio…`,
  'home.more': `Más información`,
  'home.new': `Nuevo`,
  'home.play': `Reproducir`,
  'home.progress': str`${0} % visto`,
  'home.resume': `Reanudar`,
  'home.title': `Inicio`,
  'home.top10.rank': str`N.º ${0} en el Top 10 de hoy`,
  'home.top10.top': `TOP`,
  'home.type.anime': `Anime`,
  'home.type.series': `Serie`,
};
