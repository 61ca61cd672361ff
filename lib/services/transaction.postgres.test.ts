// Issue 15: the transaction helper on PostgreSQL (run by the postgres project only): each
// transaction on a pooled connection of its own, a read one REPEATABLE READ snapshot, a change
// that loses a deadlock run again, a part undone alone. SQLite's one-writer turn has its own
// tests (transaction.test.ts).
import { count, eq, inArray } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { accounts, auditLog } from '../../db/schema';
import { lockForCount } from '../../db/portable';
import { closeDatabase } from '../../db/client';
import { anotherHandle, newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { createAccount } from './accounts';
import { mutate, read, savepoint, type Tx } from './transaction';

const { db } = throwawayDatabase();
const accountCount = async (from: Tx = db()) => (await from.select({ n: count() }).from(accounts).limit(1)).at(0)!.n;
const insert = async (tx: Tx, id: string) => await tx.insert(accounts).values({ id, name: id, createdAt: new Date() });
const ofAccount = (accountId: string) => eq(auditLog.accountId, accountId);
const exists = async (id: string) => (await db().select().from(accounts).where(eq(accounts.id, id))).length === 1;

describe('transactions on PostgreSQL (issue 15)', () => {
  it('a read while a change is open neither waits for it nor sees it; after the commit it is there', async () => {
    const buyer = await newBuyer();
    const before = await accountCount();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const change = mutate(buyer, 'TestOpenChange', async (tx) => {
      await insert(tx, 'pg-open-change');
      wrote();
      await held;
    });
    await written;
    expect(await read(async (d) => await accountCount(d))).toBe(before);
    release();
    await change;
    expect(await read(async (d) => await accountCount(d))).toBe(before + 1);
  });

  it('a read is one snapshot: a change committed between its queries (another process) is not seen by the later one', async () => {
    const other = anotherHandle();
    try {
      const [first, second] = await read(async (d) => {
        const first = await accountCount(d);
        await insert(other, 'pg-committed-meanwhile');
        return [first, await accountCount(d)];
      });
      expect(second).toBe(first);
      expect(await accountCount()).toBe(first + 1);
    } finally {
      await closeDatabase(other);
    }
  });

  it('two changes that lock two accounts in opposite orders deadlock: the loser runs again and both commit, audited once each', async () => {
    const buyer = await newBuyer();
    const [a, b] = [await createAccount('A'), await createAccount('B')];
    const attempts = { ab: 0, ba: 0 };
    const lockBoth = (order: 'ab' | 'ba', first: string, second: string) =>
      mutate(buyer, 'TestDeadlock', async (tx, note) => {
        attempts[order]++;
        note.target = order;
        await lockForCount(tx, accounts, first);
        await sleep(100); // both hold their first lock before either asks for its second
        await lockForCount(tx, accounts, second);
      });
    await Promise.all([lockBoth('ab', a, b), lockBoth('ba', b, a)]);
    // PostgreSQL aborts one of the two (40P01); only that one ran twice.
    expect(attempts.ab + attempts.ba).toBe(3);
    const audited = await db().select().from(auditLog).where(ofAccount(buyer.accountId));
    expect(audited.map((row) => row.outcome)).toEqual(['ok', 'ok']);
  });

  it('a change that keeps losing is answered ServiceUnavailable after 3 attempts, and audited as that', async () => {
    const buyer = await newBuyer();
    let attempts = 0;
    const losing = Object.assign(new Error('could not serialize access'), { code: '40001' });
    await expect(
      mutate(buyer, 'TestAlwaysLoses', async (tx) => {
        attempts++;
        await insert(tx, `pg-loses-${attempts}`);
        throw losing;
      }),
    ).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(attempts).toBe(3);
    expect(await exists('pg-loses-1')).toBe(false);
    const audited = await db().select().from(auditLog).where(ofAccount(buyer.accountId));
    expect(audited.map((row) => [row.action, row.errorCode])).toEqual([['TestAlwaysLoses', 'ServiceUnavailable']]);
  });

  it('a part that fails is undone alone; the rest of the change commits', async () => {
    const buyer = await newBuyer();
    await mutate(buyer, 'TestParts', async (tx) => {
      await insert(tx, 'pg-part-before');
      await expect(
        savepoint(async () => {
          await insert(tx, 'pg-part-failed');
          throw new Error('this part fails');
        }),
      ).rejects.toThrow('this part fails');
      await insert(tx, 'pg-part-after');
    });
    expect(await db().select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, ['pg-part-before', 'pg-part-failed', 'pg-part-after']))).toHaveLength(2);
    expect(await exists('pg-part-failed')).toBe(false);
  });

  it('a text with a NUL character (which PostgreSQL cannot store) is refused as InvalidParameter, not a fault of ours', async () => {
    const buyer = await newBuyer();
    await expect(mutate(buyer, 'TestNul', async (tx) => await insert(tx, 'pg-nul-\u0000'))).rejects.toMatchObject({ code: 'InvalidParameter' });
    const audited = await db().select().from(auditLog).where(ofAccount(buyer.accountId));
    expect(audited.map((row) => [row.action, row.errorCode])).toEqual([['TestNul', 'InvalidParameter']]);
  });

  it('a change inside a read-only use case is refused', async () => {
    const buyer = await newBuyer();
    await expect(read(async () => await mutate(buyer, 'TestInsideRead', async (tx) => await insert(tx, 'pg-inside-read')))).rejects.toThrow(/read-only/);
    expect(await exists('pg-inside-read')).toBe(false);
  });
});
