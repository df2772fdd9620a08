import { boolean, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { roles, users } from './auth.js';

const at = () => timestamp({ withTimezone: true, mode: 'date' });

/**
 * Staff membership (§21) beyond the roles in `user_roles`: the invitation (its link's token stored
 * hashed, single-use, expiring), whether MFA is required, and deactivation. While a member is
 * invited (not accepted), deactivated, or must have MFA and has none, their roles grant nothing
 * (see http/principal.ts). Accounts with roles and no row here (the seeded admin) are active.
 */
export const staffMembers = pgTable(
  'staff_members',
  {
    userId: text()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedAt: at(),
    invitedBy: text(),
    invitationTokenHash: text(),
    invitationExpiresAt: at(),
    acceptedAt: at(),
    /** Invited members must enrol MFA before any staff route answers them. */
    mfaRequired: boolean().notNull().default(true),
    deactivatedAt: at(),
    deactivatedReason: text(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_members_invitation_key').on(t.invitationTokenHash)],
);

/** What a custom role (`roles`) shows in the admin: its label, and when it last changed. */
export const staffRoleMeta = pgTable('staff_role_meta', {
  name: text()
    .primaryKey()
    .references(() => roles.name, { onDelete: 'cascade', onUpdate: 'cascade' }),
  label: text().notNull(),
  updatedAt: at().notNull().defaultNow(),
});

/** When a signing key stopped signing (became `retiring`), for the JWKS panel. */
export const signingKeyTimes = pgTable('signing_key_times', {
  kid: text().primaryKey(),
  retiringAt: at(),
});
