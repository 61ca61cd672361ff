// SEL-8, REF-6: a seller's settlement per China calendar month and product, whole results in fen.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts } from '../../db/schema';
import { insertProduct } from '../seed/marketplace';
import type { SeedProduct } from '../../db/seed/marketplace-data';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { expectCloudError, fund, ledgerSum, productImage } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { completeBoot, runInstances, stopInstance } from './instances';
import { purchaseLicenses } from './orders';
import { settleHours } from './metering';
import { approveRefund, requestRefund } from './refunds';
import { updateSettings } from './settings';
import { chinaMonth } from '../domain/calendar';
import { settlement, type SettlementFigures } from './settlement';
import { renewInstance } from './subscriptions';

const { db } = throwawayDatabase();
afterEach(() => clock.reset());

const admin: Actor = { userId: 'admin-user', accountId: '9000000000000001', roles: ['buyer', 'admin'], requestId: newRequestId() };

const product = (code: string, title: string, skus: SeedProduct['skus']): SeedProduct => ({
  code,
  seller: 'test',
  title,
  category: 'web',
  osType: 'linux',
  platform: 'Ubuntu',
  summary: title,
  description: title,
  versions: ['1.0.0'],
  regions: ['cn-hangzhou'],
  skus,
  sizeGib: 20,
  listedDaysAgo: 30,
});

/** A fresh approved seller account with its own products, so each test sees only its own sales. */
async function newSeller(products: SeedProduct[]): Promise<Actor> {
  const seller = await newBuyer('Test seller');
  await db().update(accounts).set({ sellerStatus: 'approved' }).where(eq(accounts.id, seller.accountId));
  for (const p of products) await insertProduct(db(), { accountId: seller.accountId, name: 'Test seller' }, p, new Date('2026-01-01T00:00:00Z'));
  return { ...seller, roles: ['buyer', 'seller'] };
}

const buy = async (buyer: Actor, productCode: string, model: string, quantity = 1) => (await purchaseLicenses(buyer, { productCode, skuCode: `${productCode}-${model}`, regionId: 'cn-hangzhou', quantity })).orderId;
const figures = (f: Partial<SettlementFigures>): SettlementFigures => ({ orders: 0, ordersFen: 0, refunds: 0, refundsFen: 0, hours: 0, hourlyFen: 0, netFen: 0, commissionFen: 0, payableFen: 0, ...f });

describe('SEL-8 settlement', () => {
  let seller: Actor;
  beforeAll(async () => {
    seller = await newSeller([
      product('alph000901', 'Alpha Stack', [
        { model: 'per_instance', priceFen: 10_000 },
        { model: 'hourly', priceFen: 30 },
        { model: 'monthly', priceFen: 5_000 },
      ]),
      product('beta000902', 'Beta Stack', [{ model: 'per_instance', priceFen: 2_000 }]),
    ]);
    await updateSettings(admin, { commissionBps: 1000 });
    const buyer = await newBuyer();
    const subscriber = await newBuyer();
    const hourly = await newBuyer();
    for (const b of [buyer, subscriber, hourly]) await fund(b, 1_000_000);

    // March (China), commission 10%: 2 one-time licenses, a monthly subscription and its renewal for 2 months.
    clock.set(new Date('2026-03-10T02:00:00Z'));
    const refunded = await buy(buyer, 'alph000901', 'per_instance', 2);
    await buy(subscriber, 'alph000901', 'monthly');
    const [instanceId] = (await runInstances(subscriber, { regionId: 'cn-hangzhou', imageId: await productImage('alph000901'), instanceTypeId: 'ecs.g7.large', amount: 1 })).instanceIds;
    await renewInstance(subscriber, { instanceId, periods: 2 });
    clock.set(new Date('2026-03-12T02:00:00Z'));
    const request = await requestRefund(buyer, { orderId: refunded, reason: 'Bought one too many' });

    // The commission rises to 20%: sales from now on pay it, earlier ones keep their 10%.
    clock.set(new Date('2026-03-20T02:00:00Z'));
    await updateSettings(admin, { commissionBps: 2000 });
    // 23:59 on 31 March in China is March; a minute later it is April.
    clock.set(new Date('2026-03-31T15:59:00Z'));
    await buy(buyer, 'beta000902', 'per_instance');
    clock.set(new Date('2026-03-31T16:00:00Z'));
    await buy(buyer, 'beta000902', 'per_instance');

    // April: the refund is approved (a refund order of −¥200.00), and an hourly image runs 5 hours.
    clock.set(new Date('2026-04-02T02:00:00Z'));
    await approveRefund(admin, request.id);
    clock.set(new Date('2026-04-09T23:59:50Z'));
    const [running] = (await runInstances(hourly, { regionId: 'cn-hangzhou', imageId: await productImage('alph000901'), skuCode: 'alph000901-hourly', instanceTypeId: 'ecs.t6-c1m1.large', amount: 1 })).instanceIds;
    clock.set(new Date('2026-04-10T00:00:00Z'));
    await completeBoot({ ...hourly, roles: [] }, [running]);
    // Stopped a minute before the hour: the clock runs on between set() and the call, and a started hour is charged.
    clock.set(new Date('2026-04-10T04:59:00Z'));
    await stopInstance(hourly, running);
    clock.set(new Date('2026-04-10T06:30:00Z'));
    await settleHours();
    await updateSettings(admin, { commissionBps: 1000 });
  });

  it('per month and product: orders, refund orders, hourly fees, net, commission and payable as the ledger wrote them', async () => {
    const result = await settlement(seller, { until: '2026-04' });
    expect(result.months).toEqual(['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(result.lines).toEqual([
      // The refund order returns exactly the 10% commission and ¥180.00 payable of its original, though the rate is now 20%.
      // The hourly launch is an order of ¥0.00; its 5 hours at ¥0.30 pay 20%: 6 fen an hour.
      { month: '2026-04', productCode: 'alph000901', title: 'Alpha Stack', ...figures({ orders: 1, refunds: 1, refundsFen: -20_000, hours: 5, hourlyFen: 150, netFen: -19_850, commissionFen: -1_970, payableFen: -17_880 }) },
      { month: '2026-04', productCode: 'beta000902', title: 'Beta Stack', ...figures({ orders: 1, ordersFen: 2_000, netFen: 2_000, commissionFen: 400, payableFen: 1_600 }) },
      // 2 × ¥100.00 + ¥50.00 + a 2-month renewal of ¥100.00, at 10%.
      { month: '2026-03', productCode: 'alph000901', title: 'Alpha Stack', ...figures({ orders: 3, ordersFen: 35_000, netFen: 35_000, commissionFen: 3_500, payableFen: 31_500 }) },
      { month: '2026-03', productCode: 'beta000902', title: 'Beta Stack', ...figures({ orders: 1, ordersFen: 2_000, netFen: 2_000, commissionFen: 400, payableFen: 1_600 }) },
    ]);
    expect(result.totals).toEqual(figures({ orders: 6, ordersFen: 39_000, refunds: 1, refundsFen: -20_000, hours: 5, hourlyFen: 150, netFen: 19_150, commissionFen: 2_330, payableFen: 16_820 }));
    expect(result.byMonth.filter((m) => m.netFen !== 0 || m.orders > 0)).toEqual([
      { month: '2026-03', ...figures({ orders: 4, ordersFen: 37_000, netFen: 37_000, commissionFen: 3_900, payableFen: 33_100 }) },
      { month: '2026-04', ...figures({ orders: 2, ordersFen: 2_000, refunds: 1, refundsFen: -20_000, hours: 5, hourlyFen: 150, netFen: -17_850, commissionFen: -1_570, payableFen: -16_280 }) },
    ]);
    expect(result.byMonth).toHaveLength(12);
    expect(result.commissionBps).toBe(1000);
    expect(await ledgerSum()).toBe(0);
  });

  it('a period is the 12 months ending with the month asked for', async () => {
    const window = await settlement(seller, { until: '2026-05' });
    expect(window.months[0]).toBe('2025-06');
    // A period of 12 months ending in May holds the same lines: nothing was sold in May.
    expect(window.lines.map((l) => l.month)).toEqual(['2026-04', '2026-04', '2026-03', '2026-03']);
    const march = await settlement(seller, { until: '2026-03' });
    expect(march.lines.map((l) => [l.month, l.productCode])).toEqual([
      ['2026-03', 'alph000901'],
      ['2026-03', 'beta000902'],
    ]);
  });

  it('a period with no sales is all zeros; the current month is the default end', async () => {
    clock.set(new Date('2027-07-31T16:30:00Z'));
    const empty = await settlement(seller);
    expect(empty.months.at(-1)).toBe('2027-08');
    expect(empty.lines).toEqual([]);
    expect(empty.totals).toEqual(figures({}));
    expect(empty.byMonth.every((m) => m.netFen === 0)).toBe(true);
    expect((await settlement(seller, { until: 'garbage' })).months.at(-1)).toBe('2027-08');
  });
});

describe('SEL-8 same-month refund', () => {
  it('a purchase and its refund in one month show as one order and one refund order netting to 0', async () => {
    const seller = await newSeller([product('gamm000903', 'Gamma Stack', [{ model: 'per_instance', priceFen: 9_999 }])]);
    const buyer = await newBuyer();
    await fund(buyer, 100_000);
    clock.set(new Date('2026-06-03T04:00:00Z'));
    const orderId = await buy(buyer, 'gamm000903', 'per_instance', 3);
    clock.set(new Date('2026-06-04T04:00:00Z'));
    await approveRefund(admin, (await requestRefund(buyer, { orderId, reason: 'Not needed' })).id);
    expect((await settlement(seller, { until: '2026-06' })).lines).toEqual([
      // 3 × ¥99.99 = ¥299.97; 10% is 2,999.7 fen, rounded down to 2,999.
      { month: '2026-06', productCode: 'gamm000903', title: 'Gamma Stack', ...figures({ orders: 1, ordersFen: 29_997, refunds: 1, refundsFen: -29_997, netFen: 0, commissionFen: 0, payableFen: 0 }) },
    ]);
  });
});

describe('SEL-8 who sees a settlement', () => {
  it('a buyer cannot read one; a seller sees only its own products', async () => {
    await expectCloudError(async () => await settlement(await newBuyer()), 'Forbidden');
    const other = await newSeller([]);
    expect((await settlement(other, { until: '2026-04' })).lines).toEqual([]);
  });

  it('months are China calendar months', () => {
    expect(chinaMonth(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03');
    expect(chinaMonth(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04');
  });
});
