// Do not modify this file by hand!
// Re-generate this file by running lit-localize

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'core.cancel': `Cancelar`,
  'core.continue': `Continuar`,
  'core.empty.heading': `Aún no hay nada aquí`,
  'core.error.details': `Detalles`,
  'core.error.heading': `Algo salió mal`,
  'core.error.retry': `Reintentar`,
  'core.error.text': `Esta parte de la página no se pudo cargar. El resto sigue funcionando.`,
  'core.loading': `Cargando…`,
  'core.reauth.failed': `No pudimos comprobar tu contraseña. Inténtalo de nuevo.`,
  'core.reauth.password': `Contraseña`,
  'core.reauth.text': `Por tu seguridad, escribe tu contraseña para continuar.`,
  'core.reauth.title': `Confirma que eres tú`,
  'core.reauth.wrong': `Esa contraseña no es correcta. Inténtalo de nuevo.`,
};
