// Production has no demo admin: the operator grants the role from the shell (npm run admin),
// and the change is audited like any other.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { loadActor } from './accounts';
import { setAdmin } from './operators';

const { db } = throwawayDatabase();

async function signedUp(email: string): Promise<string> {
  const { accountId } = await newBuyer();
  await db().insert(users).values({ id: `u-${accountId}`, name: 'Ops', email, accountId, createdAt: new Date(), updatedAt: new Date() });
  return `u-${accountId}`;
}

describe('npm run admin (ADM-1 … ADM-4 need an admin in production)', () => {
  it('grants the admin role to a signed-up user by email, and revokes it; both audited', async () => {
    const userId = await signedUp('ops@example.test');
    expect((await loadActor(userId))?.actor.roles).toEqual(['buyer']);
    await setAdmin(' OPS@example.test ', true);
    expect((await loadActor(userId))?.actor.roles).toContain('admin');
    await setAdmin('ops@example.test', false);
    expect((await loadActor(userId))?.actor.roles).not.toContain('admin');
    const audited = (await db().select().from(auditLog).where(and(eq(auditLog.target, userId), eq(auditLog.outcome, 'ok')))).map((r) => r.action);
    expect(audited).toEqual(['GrantAdmin', 'RevokeAdmin']);
  });

  it('refuses an email nobody signed up with', async () => {
    await expect(async () => await setAdmin('nobody@example.test', true)).rejects.toThrow(expect.objectContaining({ code: 'InvalidAccount.NotFound' }));
  });
});
