// Size probe, not shipped: what the contract and the client cost an element that calls five
// endpoints (the size table measures this entry's bundle). Mirrors a title-detail page.
import { catalogEpisodes, catalogGet, homeRails, watchlistAdd, watchlistList } from '@reel/contracts';
import { bindEndpoint } from './bind.js';
import { createTransport } from './transport.js';

const transport = createTransport({ baseUrl: '/api/v1' });
export const api = {
  rails: bindEndpoint(transport, homeRails),
  title: bindEndpoint(transport, catalogGet),
  episodes: bindEndpoint(transport, catalogEpisodes),
  watchlist: bindEndpoint(transport, watchlistList),
  add: bindEndpoint(transport, watchlistAdd),
};
