// Filled in by the contract work for this domain; see catalog.ts for the model.
import { defineEndpoint as _defineEndpoint } from '../endpoint.js';

void _defineEndpoint;
export const admin = {} as const;
