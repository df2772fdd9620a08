// Registers the shared admin table (panels import this; defining twice is harmless).
import { defineElement } from '@reel/core';
import { ReelAdminTable } from './reel-admin-table.js';

defineElement('reel-admin-table', ReelAdminTable);
