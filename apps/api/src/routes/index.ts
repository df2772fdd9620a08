import type { FastifyInstance } from 'fastify';
import { catalogPlugin } from '../services/catalog.js';
import { mediaPlugin } from '../services/media/index.js';
import { playerPlugin } from '../services/media/player.js';
import { registerAccountRoutes } from './account.js';
import { registerAdminAssetRoutes } from './admin-assets.js';
import { registerArtworkRoutes } from './artwork.js';
import { registerAuthRoutes } from './auth.js';
import { registerBatchRoutes } from './batch.js';
import { registerCatalogRoutes } from './catalog.js';
import { registerDeliveryRoutes } from './delivery.js';
import { registerDevMailboxRoutes } from './dev-mailbox.js';
import { registerDeviceRoutes } from './devices.js';
import { registerEmailRoutes } from './email.js';
import { registerHomeRoutes } from './home.js';
import { registerMediaRoutes } from './media.js';
import { registerMfaRoutes } from './mfa.js';
import { registerOpsRoutes } from './ops.js';
import { registerPasswordResetRoutes } from './password-reset.js';
import { registerPlayerRoutes } from './player.js';
import { registerProfileRoutes } from './profiles.js';
import { registerSearchRoutes } from './search.js';
import { registerSessionRoutes } from './sessions.js';

/** Every route module, one per domain. A module serves endpoints of the contract with `handle()`. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  registerOpsRoutes(app);
  registerArtworkRoutes(app);
  registerAuthRoutes(app);
  registerPasswordResetRoutes(app);
  registerEmailRoutes(app);
  registerDevMailboxRoutes(app);
  registerSessionRoutes(app);
  registerDeviceRoutes(app);
  registerMfaRoutes(app);
  registerAccountRoutes(app);
  registerProfileRoutes(app);
  await app.register(catalogPlugin);
  registerCatalogRoutes(app);
  registerHomeRoutes(app);
  registerSearchRoutes(app);
  registerBatchRoutes(app);
  await app.register(mediaPlugin);
  await app.register(playerPlugin);
  registerMediaRoutes(app);
  registerDeliveryRoutes(app);
  await registerPlayerRoutes(app);
  registerAdminAssetRoutes(app);
}
