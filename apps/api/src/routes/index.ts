import type { FastifyInstance } from 'fastify';
import { registerOpsRoutes } from './ops.js';

/** Every route module, one per domain. A module serves endpoints of the contract with `handle()`. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  registerOpsRoutes(app);
}
