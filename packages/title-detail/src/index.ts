// The detail pages and their single-spa lifecycles, with no side effects:
// `@reel/title-detail/define` registers the elements (the lifecycles load it on first mount).
import { createLifecycles } from '@reel/core';

export { ReelCollectionDetail } from './reel-collection-detail.js';
export { ReelPersonDetail } from './reel-person-detail.js';
export { ReelTitleDetail } from './reel-title-detail.js';
export { languageName, regionName } from './title-sections.js';

const load = () => import('./define.js');

/** single-spa lifecycles for `/title/:id`: `<reel-title-detail title-id>`. */
export const titleDetailLifecycles = createLifecycles('reel-title-detail', {
  load,
  propsFromRoute: (props) => ({ titleId: String(props.id ?? '') }),
});

/** single-spa lifecycles for `/person/:id`: `<reel-person-detail person-id>`. */
export const personDetailLifecycles = createLifecycles('reel-person-detail', {
  load,
  propsFromRoute: (props) => ({ personId: String(props.id ?? '') }),
});

/** single-spa lifecycles for `/collections/:slug`: `<reel-collection-detail slug>`. */
export const collectionDetailLifecycles = createLifecycles('reel-collection-detail', {
  load,
  propsFromRoute: (props) => ({ slug: String(props.slug ?? '') }),
});
