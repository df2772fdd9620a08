import type { Db } from '../db/client.js';
import { profiles, userRoles, users } from '../db/schema/index.js';
import { newId } from '../ids.js';
import { KIDS_AVATAR } from '../services/avatars.js';
import { PasswordHasher } from '../services/passwords.js';
import { KIDS_DEFAULT_MATURITY } from '../services/profiles.js';

/** A demo account's credentials. */
export interface DemoCredentials {
  email: string;
  password: string;
}

/**
 * Creates the demo viewer (profiles "Alex", adult, and "Sam", a kids profile with the kids
 * maturity ceiling) and the demo admin (built-in `admin` role). Both emails are verified, the
 * passwords hashed with the server's argon2id parameters. Development and demo data only.
 */
export async function seedAccounts(
  db: Db,
  accounts: { viewer: DemoCredentials; admin: DemoCredentials },
  options: { log: (line: string) => void },
): Promise<{ viewerId: string; adminId: string; profileIds: { alex: string; sam: string } }> {
  const hasher = new PasswordHasher();
  const now = new Date();
  const [viewerHash, adminHash] = await Promise.all([
    hasher.hash(accounts.viewer.password),
    hasher.hash(accounts.admin.password),
  ]);
  const viewerId = newId('usr');
  const adminId = newId('usr');
  const alex = newId('prf');
  const sam = newId('prf');
  await db.transaction(async (tx) => {
    await tx.insert(users).values([
      {
        id: viewerId,
        email: accounts.viewer.email.toLowerCase(),
        passwordHash: viewerHash,
        displayName: 'Alex Viewer',
        emailVerifiedAt: now,
        termsAcceptedAt: now,
        passwordChangedAt: now,
        region: 'US',
      },
      {
        id: adminId,
        email: accounts.admin.email.toLowerCase(),
        passwordHash: adminHash,
        displayName: 'Reel Admin',
        emailVerifiedAt: now,
        termsAcceptedAt: now,
        passwordChangedAt: now,
        region: 'US',
      },
    ]);
    await tx.insert(userRoles).values({ userId: adminId, role: 'admin' });
    await tx.insert(profiles).values([
      { id: alex, userId: viewerId, name: 'Alex', avatar: 'fox', isKids: false, maturityLevel: 18, position: 0 },
      {
        id: sam,
        userId: viewerId,
        name: 'Sam',
        avatar: KIDS_AVATAR,
        isKids: true,
        maturityLevel: KIDS_DEFAULT_MATURITY,
        position: 1,
      },
      {
        id: newId('prf'),
        userId: adminId,
        name: 'Admin',
        avatar: 'robot',
        isKids: false,
        maturityLevel: 18,
        position: 0,
      },
    ]);
  });
  options.log(`demo viewer ${accounts.viewer.email} (profiles Alex and kids Sam), admin ${accounts.admin.email}`);
  return { viewerId, adminId, profileIds: { alex, sam } };
}
