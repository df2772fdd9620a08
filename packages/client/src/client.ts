import { type Domains, domains } from '@reel/contracts/registry';
import { type Bound, bindDomains } from './bind.js';
import { type ClientOptions, createTransport, type Transport } from './transport.js';

/** The whole API, one method per operation, grouped by domain: `client.watchlist.reorder(…)`. */
export type ReelClient = Bound<Domains> & { transport: Transport };

/**
 * Creates a client with every operation of the contract. It carries every schema: an element
 * that wants a small bundle binds only its domains with `bindDomains(createTransport(…), { … })`.
 *
 * @example
 * const client = createClient({ baseUrl: '/api/v1', getAccessToken: () => token });
 * const { items } = await client.watchlist.list(profileId, { sort: 'added' });
 */
export function createClient(options: ClientOptions): ReelClient {
  const transport = createTransport(options);
  return Object.assign(bindDomains(transport, domains), { transport });
}
