// The admin element and its building blocks, with no side effects: `@reel/admin/define` registers it.
export { type CrudConfig, type CrudField, ReelAdminCrud } from './crud.js';
export { errorUnder, validate } from './form.js';
export { type AdminGroup, GROUPS, groupOf } from './groups.js';
export { AdminPanel, problemOf } from './panel.js';
export { confirmLeave, lifecycles, ReelAdmin } from './reel-admin.js';
export {
  type BulkAction,
  downloadBlob,
  ReelAdminTable,
  type TableColumn,
  type TableFilter,
  type TablePage,
  type TableQuery,
} from './reel-admin-table.js';
