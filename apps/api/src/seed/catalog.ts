import type { Db } from '../db/client.js';

/** Creates the demo catalog: titles, seasons, episodes, people, genres, collections, schedule. */
export async function seedCatalog(_db: Db, _options: { seed: number; log: (line: string) => void }): Promise<void> {
  throw new Error('seedCatalog: not written yet');
}
