// The machine's operator makes and unmakes admins from the shell (`npm run admin`): in
// production nobody is an admin until then, and no page or API can make one.
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { platformActor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { newRequestId } from '../domain/ids';
import { mutate, read } from './transaction';

/** Grants or revokes the admin role of the user with this email; audited as the platform's act on that account. */
export async function setAdmin(email: string, isAdmin: boolean): Promise<{ userId: string; accountId: string }> {
  const normalised = email.trim().toLowerCase();
  const user = await read(async (db) => (await db.select({ id: users.id, accountId: users.accountId }).from(users).where(eq(users.email, normalised)).limit(1)).at(0));
  if (!user?.accountId) throw new CloudError('InvalidAccount.NotFound', {}, 'email');
  const { id: userId, accountId } = user;
  await mutate(platformActor(accountId, newRequestId()), isAdmin ? 'GrantAdmin' : 'RevokeAdmin', async (tx, note) => {
    await tx.update(users).set({ isAdmin }).where(eq(users.id, userId));
    note.target = userId;
    note.detail = { email: normalised };
  });
  return { userId, accountId };
}
