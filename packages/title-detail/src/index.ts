// The detail pages, with no side effects: `@reel/title-detail/define` registers them.
export { ReelCollectionDetail } from './reel-collection-detail.js';
export { ReelPersonDetail } from './reel-person-detail.js';
export { ReelTitleDetail } from './reel-title-detail.js';
export { languageName, regionName } from './title-sections.js';
