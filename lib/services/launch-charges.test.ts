// Issue 16 "the launch summary's price is wrong": for every pricing model (MKT-2) the amounts the
// launch preview shows are what the ledger then records — the purchase at launch, and compute
// plus the hourly image fee for one metered hour (MKT-10). The old summary showed compute only.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { images, meteredHours, orders } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { fund, productImage } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { LaunchCharges } from '../domain/launch-charges';
import type { PricingModel } from '../domain/marketplace';
import { completeBoot, runInstances } from './instances';
import { previewLaunch } from './launch-preview';
import { settleHours } from './metering';
import { walletBalance } from './wallet';

const { db } = throwawayDatabase();
beforeAll(async () => {
  await seedTestMarketplace(db());
  await withoutLaunchMinimum(db());
});
afterEach(() => clock.reset());

const REGION = 'cn-hangzhou';
const TYPE = 'ecs.t6-c1m1.large'; // ¥0.12 an hour
const T0 = new Date('2026-03-02T00:00:00Z');
const AMOUNT = 2;

const cases: { model: PricingModel | null; productCode: string | null }[] = [
  { model: null, productCode: null },
  { model: 'free', productCode: 'lamp000103' },
  { model: 'per_instance', productCode: 'lnmp000101' },
  { model: 'hourly', productCode: 'lnmp000101' },
  { model: 'monthly', productCode: 'mysq000201' },
  { model: 'yearly', productCode: 'mysq000201' },
];

async function systemImage(): Promise<string> {
  return (await db().select().from(images).where(and(eq(images.regionId, REGION), eq(images.kind, 'system'))).limit(1)).at(0)!.id;
}

describe('the launch preview charges what the launch charges (issue 16, MKT-2, MKT-10)', () => {
  it.each(cases)('$model: the previewed lines equal the ledger after the launch and after one metered hour', async ({ model, productCode }) => {
    const buyer = await newBuyer();
    await fund(buyer, 10_000_000);
    const imageId = productCode ? await productImage(productCode, REGION) : await systemImage();
    clock.set(new Date(T0.getTime() - 10_000));
    const preview = await previewLaunch(buyer, { regionId: REGION, imageId, instanceTypeId: TYPE, amount: AMOUNT });
    const option = model ? preview.options.find((o) => o.pricingModel === model) : undefined;
    const charges: LaunchCharges = option ? option.charges : preview.charges!;
    expect(charges).toBeTruthy();

    const before = await walletBalance(buyer);
    const { instanceIds } = await runInstances(buyer, { regionId: REGION, imageId, instanceTypeId: TYPE, amount: AMOUNT, ...(option && { skuCode: option.skuCode, buyShortfall: option.covers === 'shortfall' }) });
    const paid = await db().select().from(orders).where(eq(orders.accountId, buyer.accountId));
    const licenseLine = charges.lines.find((l) => l.kind === 'licenses');
    expect(before - await walletBalance(buyer)).toBe(charges.dueNowFen);
    expect(await walletBalance(buyer)).toBe(charges.balanceAfterFen);
    expect(paid.filter((o) => o.pricingModel !== 'hourly').map((o) => [o.quantity, o.unitPriceFen, o.amountFen])).toEqual(licenseLine ? [[licenseLine.quantity, licenseLine.unitFen, licenseLine.totalFen]] : []);

    clock.set(T0);
    await completeBoot({ ...buyer, roles: [] }, instanceIds);
    clock.set(new Date(T0.getTime() + 3_600_000));
    const afterLaunch = await walletBalance(buyer);
    await settleHours();
    const hours = await db().select().from(meteredHours).where(eq(meteredHours.accountId, buyer.accountId));
    expect(hours).toHaveLength(AMOUNT);
    expect(afterLaunch - await walletBalance(buyer)).toBe(charges.perHourFen);
    const lineTotal = (kind: string) => charges.lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.totalFen, 0);
    expect(hours.reduce((sum, h) => sum + h.computeFen, 0)).toBe(lineTotal('compute'));
    expect(hours.reduce((sum, h) => sum + h.imageFen, 0)).toBe(lineTotal('imageFee'));
  });

  it('the shared LNMP image by the hour: ¥0.32 an hour per instance, not the ¥0.12 of compute alone', async () => {
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    const preview = await previewLaunch(buyer, { regionId: REGION, imageId: await productImage('lnmp000101', REGION), instanceTypeId: TYPE, amount: 1 });
    const hourly = preview.options.find((o) => o.pricingModel === 'hourly')!;
    expect(hourly.charges.perHourFen).toBe(32);
    expect(hourly.charges.lines).toEqual([
      { kind: 'compute', quantity: 1, unitFen: 12, totalFen: 12 },
      { kind: 'imageFee', quantity: 1, unitFen: 20, totalFen: 20 },
    ]);
    const oneTime = preview.options.find((o) => o.pricingModel === 'per_instance')!;
    expect(oneTime.charges).toMatchObject({ dueNowFen: 9900, perHourFen: 12, balanceAfterFen: 100_000 - 9900 });
  });
});
