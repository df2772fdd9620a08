// Every domain of the contract, for the server, the OpenAPI generator, the typed client and the
// tests. Browser code that wants a small bundle imports single domains from the index instead.
import type { AnyEndpoint } from './endpoint.js';
import { admin } from './endpoints/admin.js';
import { account, auth, devices, mfa, sessions } from './endpoints/auth.js';
import { billing, integrations } from './endpoints/billing.js';
import { bundles } from './endpoints/bundles.js';
import { anime, catalog, home } from './endpoints/catalog.js';
import { batch, delivery } from './endpoints/delivery.js';
import { history } from './endpoints/history.js';
import { insights } from './endpoints/insights.js';
import { notifications } from './endpoints/notifications.js';
import { ops } from './endpoints/ops.js';
import { partner } from './endpoints/partner.js';
import { player } from './endpoints/player.js';
import { profiles } from './endpoints/profiles.js';
import { reviews } from './endpoints/reviews.js';
import { schedule } from './endpoints/schedule.js';
import { search } from './endpoints/search.js';
import { settings } from './endpoints/settings.js';
import { staffInvitation } from './endpoints/staff-invitation.js';
import { watchlist } from './endpoints/watchlist.js';

/** Domains by name; a domain maps verbs to endpoints, or to nested groups (admin). */
export const domains = {
  auth,
  mfa,
  sessions,
  devices,
  account,
  profiles,
  catalog,
  home,
  anime,
  search,
  schedule,
  bundles,
  history,
  watchlist,
  insights,
  reviews,
  notifications,
  settings,
  player,
  delivery,
  batch,
  ops,
  partner,
  billing,
  integrations,
  admin,
  staffInvitation,
} as const;
export type Domains = typeof domains;

/** True for an endpoint definition (as opposed to a group of them). */
export function isEndpoint(value: unknown): value is AnyEndpoint {
  return typeof value === 'object' && value !== null && 'operation' in value && 'method' in value && 'path' in value;
}

/** Every endpoint of every domain, flattened, in a stable order. */
export function allEndpoints(): AnyEndpoint[] {
  const out: AnyEndpoint[] = [];
  const walk = (group: object) => {
    for (const value of Object.values(group)) {
      if (isEndpoint(value)) out.push(value);
      else if (typeof value === 'object' && value !== null) walk(value);
    }
  };
  walk(domains);
  return out;
}
