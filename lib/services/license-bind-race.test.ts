// Issue 15, MKT-3/MKT-4: a launch binds the licenses it counted with a guarded update, and looks at
// what that update did. On SQLite one writer at a time keeps a second launch out of the gap
// between the count and the bind; on PostgreSQL's READ COMMITTED another connection can take a
// license in it. These tests open that gap (tests/helpers/interleave.ts): a second connection
// takes the oldest license just before the bind. The launch must then take the next license, or
// be refused: never share one.
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { licenses } from '../../db/schema';
import { CloudError } from '../domain/errors';
import { skuCode } from '../seed/marketplace';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { fund } from '../../tests/helpers/marketplace';
import { onAnotherConnection, withWriteInterleaved } from '../../tests/helpers/interleave';
import type { Actor } from '../domain/actor';
import { consumeLicenses } from './licenses';
import { purchaseLicenses } from './orders';

const { db } = throwawayDatabase();
beforeAll(async () => await seedTestMarketplace(db()));

const product = 'lnmp000101';
const region = 'cn-hangzhou';

async function buyerWith(quantity: number): Promise<Actor> {
  const buyer = await newBuyer();
  await fund(buyer, 200_000);
  await purchaseLicenses(buyer, { productCode: product, skuCode: skuCode(product, 'per_instance'), regionId: region, quantity });
  return buyer;
}

const pool = async (accountId: string) => await db().select({ id: licenses.id, status: licenses.status, instanceId: licenses.instanceId }).from(licenses).where(eq(licenses.accountId, accountId)).orderBy(asc(licenses.createdAt), asc(licenses.id));

describe('MKT-3, MKT-4: a license taken by another connection between the count and the bind (issue 15)', () => {
  it('the launch binds the next usable license instead, and no license is held by two instances', async () => {
    const buyer = await buyerWith(2);
    const [oldest, next] = await pool(buyer.accountId);
    const held = await withWriteInterleaved(
      'licenses',
      () => onAnotherConnection((other) => other.update(licenses).set({ status: 'in_use', instanceId: 'i-other-launch' }).where(and(eq(licenses.id, oldest.id), eq(licenses.status, 'available'))).run()),
      async (own) => await consumeLicenses(own, buyer.accountId, product, region, ['i-this-launch']),
    );
    expect(held.map((l) => l.id)).toEqual([next.id]);
    expect(await pool(buyer.accountId)).toEqual([
      { id: oldest.id, status: 'in_use', instanceId: 'i-other-launch' },
      { id: next.id, status: 'in_use', instanceId: 'i-this-launch' },
    ]);
  });

  it('when the other connection took the last license, the launch is refused with QuotaExceed.BuyImage', async () => {
    const buyer = await buyerWith(1);
    const [only] = await pool(buyer.accountId);
    let refusal: unknown;
    await withWriteInterleaved(
      'licenses',
      () => onAnotherConnection((other) => other.update(licenses).set({ status: 'in_use', instanceId: 'i-other-launch-2' }).where(eq(licenses.id, only.id)).run()),
      async (own) => {
        try {
          await consumeLicenses(own, buyer.accountId, product, region, ['i-this-launch-2']);
        } catch (error) {
          refusal = error;
        }
      },
    );
    expect(refusal).toBeInstanceOf(CloudError);
    expect((refusal as CloudError).code).toBe('QuotaExceed.BuyImage');
    expect((refusal as CloudError).params).toMatchObject({ productCode: product, regionId: region, needed: 1, available: 0 });
    expect(await pool(buyer.accountId)).toEqual([{ id: only.id, status: 'in_use', instanceId: 'i-other-launch-2' }]);
  });
});
