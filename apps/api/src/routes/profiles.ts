import { profiles } from '@reel/contracts';
import type { FastifyInstance } from 'fastify';
import { handle, REAUTH_WINDOW_MS } from '../http/route.js';
import { accountServices } from '../services/auth.js';
import { listAvatars } from '../services/avatars.js';

/**
 * Profiles of the signed-in account (§1): list with the plan's limit, create, edit, delete,
 * switch (a new access token acting for the profile), and the avatars to pick from.
 */
export function registerProfileRoutes(app: FastifyInstance): void {
  const service = () => accountServices(app);

  handle(app, profiles.list, async ({ principal }) =>
    service().profiles.list(principal.userId, principal.plan, principal.profileId),
  );

  handle(app, profiles.create, async ({ principal, body }) => {
    const defaultLanguage = await service().userLanguage(principal.userId);
    return service().profiles.create(principal.userId, principal.plan, body, {
      defaultLanguage,
      activeProfileId: principal.profileId,
    });
  });

  handle(app, profiles.update, async ({ principal, params, body }) => {
    const reauthFresh = principal.reauthAt !== null && Date.now() - principal.reauthAt.getTime() <= REAUTH_WINDOW_MS;
    return service().profiles.update(principal.userId, params.profile_id, body, {
      reauthFresh,
      activeProfileId: principal.profileId,
    });
  });

  handle(app, profiles.delete, async ({ principal, params }) => {
    await service().profiles.delete(principal.userId, params.profile_id, principal.profileId);
  });

  handle(app, profiles.switch, async ({ principal, params, body, reply }) => {
    const s = service();
    const profile = await s.profiles.get(principal.userId, params.profile_id);
    await s.profiles.unlock(profile, body.pin);
    await s.sessions.setProfile(principal.sessionId, profile.id);
    await s.profiles.markUsed(profile.id);
    reply.header('cache-control', 'no-store');
    return s.tokenResponse({ userId: principal.userId, sessionId: principal.sessionId, profileId: profile.id });
  });

  handle(app, profiles.avatars, async ({ reply }) => {
    reply.header('cache-control', 'public, max-age=3600');
    return { items: listAvatars() };
  });
}
