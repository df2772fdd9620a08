import type { Db } from '../db/client.js';

/** Creates the demo viewer (profiles "Alex" and kids "Sam") and the demo admin. */
export async function seedAccounts(
  _db: Db,
  _accounts: { viewer: { email: string; password: string }; admin: { email: string; password: string } },
  _options: { log: (line: string) => void },
): Promise<void> {
  throw new Error('seedAccounts: not written yet');
}
