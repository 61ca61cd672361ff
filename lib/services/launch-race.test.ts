// Issue 3: 50 simultaneous launches competing for 10 licenses → exactly 10 instances and 40
// QuotaExceed.BuyImage. Each launch runs on its own SQLite connection in its own thread, the
// way separate server processes would share the database.
import { execFileSync } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { instances, licenses } from '../../db/schema';
import { skuCode } from '../seed/marketplace';
import { bundled } from '../../tests/helpers/bundle';
import { databaseLocation, newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { fund, productImage } from '../../tests/helpers/marketplace';
import { purchaseLicenses } from './orders';

const { db } = throwawayDatabase();
const script = bundled('tests/concurrency/launch-race.ts');
beforeAll(async () => await seedTestMarketplace(db()));

describe('MKT-4 under concurrency', () => {
  it('50 simultaneous launches for 10 licenses: exactly 10 instances, 40 QuotaExceed.BuyImage', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 200_000);
    await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: skuCode('lnmp000101', 'per_instance'), regionId: 'cn-hangzhou', quantity: 10 });
    const out = execFileSync(process.execPath, [script, databaseLocation(), buyer.accountId, await productImage('lnmp000101'), '50'], { encoding: 'utf8', timeout: 120_000 });
    const outcomes: string[] = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(outcomes).toHaveLength(50);
    expect(outcomes.filter((o) => o === 'launched')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'QuotaExceed.BuyImage')).toHaveLength(40);

    const launched = await db().select().from(instances).where(eq(instances.accountId, buyer.accountId));
    expect(launched).toHaveLength(10);
    expect(new Set(launched.map((i) => i.licenseId)).size).toBe(10);
    expect(await db().select().from(licenses).where(and(eq(licenses.accountId, buyer.accountId), eq(licenses.status, 'in_use')))).toHaveLength(10);
  }, 120_000);
});
