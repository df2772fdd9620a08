export { DefineResult, defineElement, type ElementConstructor } from './define-element.js';
