import type { FastifyInstance } from 'fastify';
import { catalogPlugin } from '../services/catalog.js';
import { registerArtworkRoutes } from './artwork.js';
import { registerAuthRoutes } from './auth.js';
import { registerBatchRoutes } from './batch.js';
import { registerCatalogRoutes } from './catalog.js';
import { registerDeviceRoutes } from './devices.js';
import { registerHomeRoutes } from './home.js';
import { registerOpsRoutes } from './ops.js';
import { registerProfileRoutes } from './profiles.js';
import { registerSearchRoutes } from './search.js';
import { registerSessionRoutes } from './sessions.js';

/** Every route module, one per domain. A module serves endpoints of the contract with `handle()`. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  registerOpsRoutes(app);
  registerArtworkRoutes(app);
  registerAuthRoutes(app);
  registerSessionRoutes(app);
  registerDeviceRoutes(app);
  registerProfileRoutes(app);
  await app.register(catalogPlugin);
  registerCatalogRoutes(app);
  registerHomeRoutes(app);
  registerSearchRoutes(app);
  registerBatchRoutes(app);
}
