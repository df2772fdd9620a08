// Filled in by the contract work for this domain; see catalog.ts for the model.
import { defineEndpoint as _defineEndpoint } from '../endpoint.js';

void _defineEndpoint;
export const auth = {} as const;
export const mfa = {} as const;
export const sessions = {} as const;
export const devices = {} as const;
export const account = {} as const;
