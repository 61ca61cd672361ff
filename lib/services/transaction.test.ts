import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { accounts } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { createAccount } from './accounts';
import { mutate, read } from './transaction';

const { db } = throwawayDatabase();
const accountCount = (from = db()) => from.select({ n: count() }).from(accounts).get()!.n;

describe('read() runs in one snapshot (issue 14)', () => {
  it('a write by another connection in the middle of a read is not seen by its later queries', () => {
    const other = openDatabase(db().$client.name);
    try {
      const [before, after] = read((d) => {
        const first = accountCount(d);
        other.transaction((tx) => void tx.insert(accounts).values({ id: 'acct-other-connection', name: 'Other', createdAt: new Date() }).run());
        return [first, accountCount(d)];
      });
      expect(after).toBe(before);
      expect(accountCount()).toBe(before + 1);
    } finally {
      other.$client.close();
    }
  });

  it('a read inside a mutate sees the mutate’s own writes', () => {
    const buyer = newBuyer();
    const seen = mutate(buyer, 'TestReadInsideMutate', () => {
      createAccount('Inside');
      return read((d) => accountCount(d));
    });
    expect(seen).toBe(accountCount());
  });
});

// Compile-time check (tsc): an audit action is a PascalCase verb, as the API's are (issue 14).
export function auditActionConvention(actor: Parameters<typeof mutate>[0]) {
  // @ts-expect-error a dotted lower-case name is not an audit action
  mutate(actor, 'instance.boot', () => undefined);
}
