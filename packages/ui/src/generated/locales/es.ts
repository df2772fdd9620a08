// Do not modify this file by hand!
// Re-generate this file by running lit-localize

import { str } from '@lit/localize';

/* eslint-disable no-irregular-whitespace */
/* eslint-disable @typescript-eslint/no-explicit-any */

export const templates = {
  'ui.chart.empty': `Aún no hay datos`,
  'ui.chart.label': `Etiqueta`,
  'ui.checkbox.required': `Marca esta casilla para continuar.`,
  'ui.confirm.cancel': `Cancelar`,
  'ui.confirm.confirm': `Confirmar`,
  'ui.confirm.type': str`Escribe “${0}” para confirmar`,
  'ui.dialog.close': `Cerrar`,
  'ui.empty.heading': `Aún no hay nada aquí`,
  'ui.select.required': `Elige una opción.`,
  'ui.spinner.label': `Cargando…`,
  'ui.text-field.left.few': str`Quedan ${0} caracteres`,
  'ui.text-field.left.many': str`Quedan ${0} caracteres`,
  'ui.text-field.left.one': `Queda 1 carácter`,
  'ui.text-field.left.other': str`Quedan ${0} caracteres`,
  'ui.text-field.left.two': `Quedan 2 caracteres`,
  'ui.text-field.left.zero': `No quedan caracteres`,
  'ui.text-field.reveal': `Mostrar contraseña`,
  'ui.toast.dismiss': `Descartar`,
};
