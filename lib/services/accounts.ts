// Accounts (tenants), who is signed in as what, wallet balance, console preferences.
import { eq } from 'drizzle-orm';
import { accounts, users } from '../../db/schema';
import { clock } from '../clock';
import { rolesOf, type Actor } from '../domain/actor';
import { newAccountId, newRequestId } from '../domain/ids';
import { authorize } from '../domain/permissions';
import { requireRegion } from './catalogue';
import { ensureBook } from './ledger';
import { infrastructure, mutate, read } from './transaction';

/** A new tenant with its wallet, for a person signing up (called by the auth library's hook). */
export async function createAccount(name: string): Promise<string> {
  return await infrastructure(async (tx) => {
    let id = newAccountId();
    while ((await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, id)).limit(1)).at(0)) id = newAccountId();
    await tx.insert(accounts).values({ id, name, createdAt: clock.now() });
    await ensureBook(tx, 'wallet', id);
    return id;
  });
}

export type SignedInUser = { id: string; name: string; email: string; regionId: string; accountName: string };

/** The actor for a signed-in user, or null when the user no longer exists. */
export async function loadActor(userId: string, requestId = newRequestId()): Promise<{ actor: Actor; user: SignedInUser } | null> {
  return await read(async (db) => {
    const row = (await db
      .select({ user: users, account: accounts })
      .from(users)
      .innerJoin(accounts, eq(accounts.id, users.accountId))
      .where(eq(users.id, userId)).limit(1)).at(0);
    if (!row) return null;
    return {
      actor: { userId: row.user.id, accountId: row.account.id, roles: rolesOf({ sellerStatus: row.account.sellerStatus, isAdmin: row.user.isAdmin }), requestId },
      user: { id: row.user.id, name: row.user.name, email: row.user.email, regionId: row.user.regionId, accountName: row.account.name },
    };
  });
}

export async function setPreferredRegion(actor: Actor, regionId: string): Promise<void> {
  authorize(actor, 'account.preferences');
  await mutate(actor, 'SetPreferredRegion', async (tx, note) => {
    note.target = regionId;
    await requireRegion(tx, regionId);
    if (actor.userId) await tx.update(users).set({ regionId }).where(eq(users.id, actor.userId));
  });
}
