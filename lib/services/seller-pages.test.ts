// Issue 16 (seller pages): a listed product's versions show the regions the marketplace lists;
// the deliveries list counts a call's tries as its page does and says when a failing call is
// tried next (SEL-5); the settlement downloads as CSV with the page's figures (SEL-8).
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReceiver } from '../../examples/seller-receiver/receiver';
import { products, sellerDeliveries } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { expectCloudError, fund } from '../../tests/helpers/marketplace';
import { catalogues } from '../../i18n/messages';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { errorCatalogue } from '../domain/errors';
import { newRequestId } from '../domain/ids';
import { nextRetryAt } from '../domain/seller-calls';
import { deliverDue, getDelivery, listDeliveries } from './deliveries';
import { getProduct } from './marketplace';
import { purchaseLicenses } from './orders';
import { getMyProduct } from './products';
import { createSellerKey } from './seller-keys';
import { settlement } from './settlement';

// SEL-4: plain http to 127.0.0.1 (the reference receiver) is allowed in test mode only.
vi.hoisted(() => {
  process.env.STRATUS_MODE = 'test';
});

let signedIn: Actor | null = null;
vi.mock('@/lib/auth/session', () => ({ currentSession: async () => (signedIn ? { actor: signedIn } : null) }));
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  return { getTranslations: async (namespace: string) => createTranslator({ locale: 'en', messages: catalogues.en, namespace: namespace as never }) };
});

import { GET as exportSettlement } from '../../app/seller/(centre)/settlement/export/route';

const { db } = throwawayDatabase();
let seller: Actor;
const receiver = createReceiver({ keys: {}, now: () => clock.now().getTime() });
let url: string;

beforeAll(async () => {
  const sellers = await seedTestMarketplace(db());
  seller = { userId: 'seller-user', accountId: sellers.get('cloudsail')!.accountId, roles: ['buyer', 'seller'], requestId: newRequestId() };
  const key = await createSellerKey(seller);
  url = await receiver.listen(0);
  receiver.setKey(key.keyId, key.secret);
  await db().update(products).set({ interfaceUrl: `${url}/marketplace` }).where(eq(products.code, 'lnmp000101'));
});
afterAll(() => receiver.close());
afterEach(() => clock.reset());

async function buyOne(): Promise<string> {
  const buyer = await newBuyer();
  await fund(buyer, 10_000);
  return (await purchaseLicenses(buyer, { productCode: 'lnmp000101', skuCode: 'lnmp000101-per_instance', regionId: 'cn-hangzhou', quantity: 1 })).licenseIds[0];
}
const deliveryOf = async (licenseId: string) => (await db().select().from(sellerDeliveries).where(and(eq(sellerDeliveries.orderLineId, licenseId), eq(sellerDeliveries.activity, 'newInstance'))).limit(1)).at(0)!;
const listed = async (id: number) => (await listDeliveries(seller, { pageSize: 100 })).items.find((d) => d.id === id)!;

describe('issue 16: a listed product in the seller centre', () => {
  it('shows each version’s regions, the ones the marketplace lists (not "No region yet")', async () => {
    const { versions, versionRegions } = await getMyProduct(seller, 'lnmp000101');
    const marketplace = (await getProduct('lnmp000101', null)).versions;
    expect(versions.length).toBeGreaterThan(1);
    for (const v of versions) {
      const offered = marketplace.find((m) => m.version === v.version)!.images.map((i) => i.regionId);
      expect(offered.length).toBeGreaterThan(0);
      expect(versionRegions.get(v.version)).toEqual(offered);
    }
  });
});

describe('issue 16: deliveries (SEL-5)', () => {
  it('a delivered call tried once shows 1 try in the list, as on its page', async () => {
    const line = await buyOne();
    await deliverDue(100);
    const d = await deliveryOf(line);
    expect(d.status).toBe('delivered');
    expect((await listed(d.id)).tries).toBe((await getDelivery(seller, d.id)).attempts.length);
    expect((await listed(d.id)).tries).toBe(1);
    expect(nextRetryAt(d)).toBeNull();
  });

  it('a failing call shows when it is tried next', async () => {
    await db().update(products).set({ interfaceUrl: 'http://127.0.0.1:9/nothing-listens' }).where(eq(products.code, 'lnmp000101'));
    try {
      const line = await buyOne();
      await deliverDue(100);
      const d = await deliveryOf(line);
      expect(d).toMatchObject({ status: 'pending', attempts: 1 });
      expect(nextRetryAt(await listed(d.id))?.getTime()).toBe(d.nextAttemptAt.getTime());
      expect(d.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
      expect((await listed(d.id)).tries).toBe((await getDelivery(seller, d.id)).attempts.length);
    } finally {
      await db().update(products).set({ interfaceUrl: `${url}/marketplace` }).where(eq(products.code, 'lnmp000101'));
    }
  });
});

/** The cells of a CSV (RFC 4180: a quoted cell may hold commas and doubled quotes). */
const parse = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((row) => [...row.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, c]) => (c.startsWith('"') ? c.slice(1, -1).replaceAll('""', '"') : c)));
const yuan = (fen: number) => (fen / 100).toFixed(2);

describe('issue 16: settlement as CSV (SEL-8)', () => {
  it('the route answers the page’s figures, line for line and the total, as a download', async () => {
    signedIn = seller;
    const response = await exportSettlement(new Request('http://stratus.test/seller/settlement/export'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="settlement-\d{4}-\d{2}-\d{4}-\d{2}\.csv"$/);
    const [heading, ...rows] = parse(await response.text());
    expect(heading).toEqual(['Month', 'Product code', 'Product', 'Orders', 'Refund orders', 'Instance-hours', 'Orders (CNY)', 'Refund orders (CNY)', 'Hourly fees (CNY)', 'Net (CNY)', 'Commission (CNY)', 'Payable (CNY)']);
    const page = await settlement(seller);
    expect(page.lines.length).toBeGreaterThan(0);
    expect(rows.slice(0, -1)).toEqual(page.lines.map((l) => [l.month, l.productCode, l.title, String(l.orders), String(l.refunds), String(l.hours), yuan(l.ordersFen), yuan(l.refundsFen), yuan(l.hourlyFen), yuan(l.netFen), yuan(l.commissionFen), yuan(l.payableFen)]));
    expect(rows.at(-1)).toEqual(['Total', '', '', String(page.totals.orders), String(page.totals.refunds), String(page.totals.hours), yuan(page.totals.ordersFen), yuan(page.totals.refundsFen), yuan(page.totals.hourlyFen), yuan(page.totals.netFen), yuan(page.totals.commissionFen), yuan(page.totals.payableFen)]);
  });

  it('is the caller’s own: a buyer is refused, a visitor is sent to sign in', async () => {
    signedIn = await newBuyer();
    expect((await exportSettlement(new Request('http://stratus.test/seller/settlement/export'))).status).toBe(errorCatalogue.Forbidden);
    await expectCloudError(async () => await settlement(signedIn!), 'Forbidden');
    signedIn = null;
    expect((await exportSettlement(new Request('http://stratus.test/seller/settlement/export'))).headers.get('location')).toContain('/sign-in');
  });
});
