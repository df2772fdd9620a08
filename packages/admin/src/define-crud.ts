// Registers the shared records table + form (panels import this; defining twice is harmless).
import { defineElement } from '@reel/core';
import { ReelAdminCrud } from './crud.js';

defineElement('reel-admin-crud', ReelAdminCrud);
