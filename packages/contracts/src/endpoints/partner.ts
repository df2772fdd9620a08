import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import { PartnerPlaybackToken, PartnerPlaybackTokenRequest } from '../schemas/partner.js';

export const partnerPlaybackToken = defineEndpoint({
  operation: 'partner.playbackToken',
  method: 'POST',
  path: '/partner/playback-tokens',
  summary:
    'Mint a short-lived playback token bound to a title (or episode), an origin and the API key ' +
    '(`X-Api-Key` header, `playback` scope). A revoked key, an origin the key does not allow or ' +
    'an unknown title is refused',
  body: PartnerPlaybackTokenRequest,
  status: 201,
  response: PartnerPlaybackToken,
  errors: [422],
  auth: Auth.apiKey,
  retry: Retry.safe,
  origin: 'added',
});

/** Partner embedding (issue 13): called by a partner's server, never by a browser. */
export const partner = {
  playbackToken: partnerPlaybackToken,
} as const;
