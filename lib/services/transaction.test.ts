import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, openDatabase } from '../../db/client';
import { accounts } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { createAccount } from './accounts';
import { mutate, read, savepoint } from './transaction';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditLog } from '../../db/schema';
import { eq } from 'drizzle-orm';

const { db } = throwawayDatabase();
const accountCount = async (from = db()) => (await from.select({ n: count() }).from(accounts).limit(1)).at(0)!.n;

describe('read() runs in one snapshot (issue 14)', () => {
  it('a write by another connection in the middle of a read is not seen by its later queries', async () => {
    const other = openDatabase(db().$client.name);
    try {
      const [before, after] = await read(async (d) => {
        const first = await accountCount(d);
        other.transaction((tx) => void tx.insert(accounts).values({ id: 'acct-other-connection', name: 'Other', createdAt: new Date() }).run());
        return [first, await accountCount(d)];
      });
      expect(after).toBe(before);
      expect(await accountCount()).toBe(before + 1);
    } finally {
      other.$client.close();
    }
  });

  it('a read inside a mutate sees the mutate’s own writes', async () => {
    const buyer = await newBuyer();
    const seen = await mutate(buyer, 'TestReadInsideMutate', async () => {
      await createAccount('Inside');
      return await read(async (d) => await accountCount(d));
    });
    expect(seen).toBe(await accountCount());
  });
});

describe('one change at a time on the primary connection, reads beside it, whatever awaits inside (issue 15)', () => {
  const insert = async (d: ReturnType<typeof db>, id: string) => await d.insert(accounts).values({ id, name: id, createdAt: new Date() });

  it('a read while another request’s change is open neither waits for it nor sees its uncommitted write', async () => {
    const buyer = await newBuyer();
    const before = await accountCount();
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    let changeEnded = false;
    const change = mutate(buyer, 'TestRolledBack', async (tx) => {
      await insert(tx as ReturnType<typeof db>, 'acct-uncommitted');
      wrote();
      await sleep(50); // a real wait (as a network call or a PostgreSQL query would be)
      throw new Error('refused after writing');
    }).finally(() => (changeEnded = true));
    await written;
    const seen = await read(async (d) => await accountCount(d));
    expect(changeEnded).toBe(false);
    expect(seen).toBe(before);
    await expect(change).rejects.toThrow('refused after writing');
    expect(await accountCount()).toBe(before);
  });

  it('a read sees what a change committed before it', async () => {
    const buyer = await newBuyer();
    await mutate(buyer, 'TestCommitted', async (tx) => await insert(tx as ReturnType<typeof db>, 'acct-committed'));
    expect(await read(async (d) => await d.select().from(accounts).where(eq(accounts.id, 'acct-committed')))).toHaveLength(1);
  });

  it('a change inside a read-only use case is a programming error, and nothing is written', async () => {
    const buyer = await newBuyer();
    await expect(read(async () => await mutate(buyer, 'TestInsideRead', async (tx) => await insert(tx as ReturnType<typeof db>, 'acct-inside-read')))).rejects.toThrow('a change inside a read-only use case');
    expect(await db().select().from(accounts).where(eq(accounts.id, 'acct-inside-read'))).toHaveLength(0);
  });

  it('changes started together run one after the other and all commit, each with its audit row', async () => {
    const buyer = await newBuyer();
    const before = await accountCount();
    await Promise.all(
      Array.from({ length: 5 }, async (_, i) =>
        await mutate(buyer, 'TestTogether', async (tx, note) => {
          note.target = `acct-together-${i}`;
          await sleep(1);
          await insert(tx as ReturnType<typeof db>, `acct-together-${i}`);
        }),
      ),
    );
    expect(await accountCount()).toBe(before + 5);
    expect((await db().select().from(auditLog).where(eq(auditLog.action, 'TestTogether'))).map((r) => r.outcome)).toEqual(Array(5).fill('ok'));
  });

  it('a savepoint that fails undoes only its own writes; the rest of the transaction commits', async () => {
    const buyer = await newBuyer();
    await mutate(buyer, 'TestSavepoint', async (tx) => {
      await insert(tx as ReturnType<typeof db>, 'acct-kept');
      await expect(savepoint(async () => {
        await insert(tx as ReturnType<typeof db>, 'acct-undone');
        await sleep(1);
        throw new Error('part refused');
      })).rejects.toThrow('part refused');
    });
    expect(await db().select().from(accounts).where(eq(accounts.id, 'acct-kept'))).toHaveLength(1);
    expect(await db().select().from(accounts).where(eq(accounts.id, 'acct-undone'))).toHaveLength(0);
  });

  it('work a transaction left running after it ended starts a transaction of its own, not a savepoint of the ended one', async () => {
    const buyer = await newBuyer();
    let late!: Promise<unknown>;
    await mutate(buyer, 'TestLeftRunning', () => {
      late = sleep(5).then(async () => await mutate(buyer, 'TestLate', async (tx) => await insert(tx as ReturnType<typeof db>, 'acct-late')));
    });
    await late;
    expect(db().$client.inTransaction).toBe(false);
    expect(await db().select().from(accounts).where(eq(accounts.id, 'acct-late'))).toHaveLength(1);
  });

  it('a query outside any transaction while another request’s change is open reads beside it: committed rows only, and a write there is refused, not joined', async () => {
    const buyer = await newBuyer();
    const before = await accountCount();
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const change = mutate(buyer, 'TestOpenMeanwhile', async (tx) => {
      await insert(tx as ReturnType<typeof db>, 'acct-open-meanwhile');
      wrote();
      await sleep(20);
      throw new Error('refused after writing');
    });
    await written;
    expect(await accountCount(getDb())).toBe(before);
    await expect(async () => await insert(getDb(), 'acct-bare-meanwhile')).rejects.toThrow(/readonly/);
    await expect(change).rejects.toThrow('refused after writing');
    expect(await accountCount()).toBe(before);
  });

  it('two parts of one transaction at once are refused (savepoints would release each other)', async () => {
    const buyer = await newBuyer();
    await expect(
      mutate(buyer, 'TestParallelParts', () => Promise.all([savepoint(() => sleep(5)), savepoint(() => sleep(5))])),
    ).rejects.toThrow('two parts of one transaction at once');
  });

  it('a savepoint outside a transaction is a programming error', async () => {
    await expect(savepoint(() => undefined)).rejects.toThrow('outside a transaction');
  });
});

// Compile-time check (tsc): an audit action is a PascalCase verb, as the API's are (issue 14).
export async function auditActionConvention(actor: Parameters<typeof mutate>[0]) {
  // @ts-expect-error a dotted lower-case name is not an audit action
  await mutate(actor, 'instance.boot', () => undefined);
}

describe('one turn per connection however often the module is loaded (issue 15)', () => {
  it('changes started through two copies of the transaction module (as Next loads it) still run one after the other', async () => {
    // @ts-expect-error a query string makes the module loader give a second copy of the module
    const copy = (await import('./transaction?second-copy')) as typeof import('./transaction');
    expect(copy.mutate).not.toBe(mutate);
    const buyer = await newBuyer();
    const before = await accountCount();
    const insertAfterAWait = (id: string) => async (tx: Parameters<Parameters<typeof mutate>[2]>[0]) => {
      await sleep(10);
      await (tx as ReturnType<typeof db>).insert(accounts).values({ id, name: id, createdAt: new Date() });
    };
    await Promise.all([mutate(buyer, 'TestFirstCopy', insertAfterAWait('acct-first-copy')), copy.mutate(buyer, 'TestSecondCopy', insertAfterAWait('acct-second-copy'))]);
    expect(await accountCount()).toBe(before + 2);
  });
});
