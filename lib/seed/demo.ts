// Demo people in demo and test mode (never in production): created through the auth library
// like any sign-up, given their role and starting balance, then the sellers' marketplace.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accessKeys, accounts, users } from '../../db/schema';
import { DEMO_PASSWORD, demoUsers } from '../../db/seed-data';
import { seedProducts, seedSellers } from '../../db/seed/marketplace-data';
import { getAuth } from '../auth/auth';
import { clock } from '../clock';
import { newRequestId } from '../domain/ids';
import { activeKey, createAccessKey } from '../services/access-keys';
import { loadActor } from '../services/accounts';
import { purchaseLicenses } from '../services/orders';
import { applyAsSeller, myApplication } from '../services/seller-applications';
import { creditWallet } from '../services/wallet';
import { delistProduct, seedMarketplace, skuCode } from './marketplace';

/** Demo buyers get one AccessKey each, so the SDK examples in docs/api.md run as they are. */
async function demoAccessKey(db: Db, accountId: string): Promise<{ accessKeyId: string; accessKeySecret: string }> {
  const existing = (await db.select().from(accessKeys).where(eq(accessKeys.accountId, accountId)).limit(1)).at(0);
  if (existing) return { accessKeyId: existing.id, accessKeySecret: (await activeKey(existing.id))!.secret };
  const created = await createAccessKey({ userId: null, accountId, roles: ['buyer'], requestId: newRequestId() });
  return created;
}

export type DemoCredential = { email: string; password: string; role: string; accountId: string; accessKeyId?: string; accessKeySecret?: string };

/**
 * Demo people, created through the auth library like any sign-up, then given their role and,
 * for buyers, a starting balance paid in from the platform's clearing book (the ledger stays
 * balanced); then the sellers' marketplace, with the demo buyer holding two licenses of the
 * one delisted product (MKT-8).
 */
export async function seedDemo(db: Db): Promise<DemoCredential[]> {
  const otherSellers = seedSellers.filter((s) => !demoUsers.some((d) => d.email === s.email));
  const people = [...demoUsers, ...otherSellers.map((s) => ({ email: s.email, name: s.name, role: 'seller', walletFen: 0 }))];
  const out: DemoCredential[] = [];
  for (const demo of people) {
    let user = (await db.select().from(users).where(eq(users.email, demo.email)).limit(1)).at(0);
    if (!user) {
      await getAuth().api.signUpEmail({ body: { email: demo.email, password: DEMO_PASSWORD, name: demo.name } });
      user = (await db.select().from(users).where(eq(users.email, demo.email)).limit(1)).at(0)!;
      if (demo.role === 'admin') await db.update(users).set({ isAdmin: true }).where(eq(users.id, user.id));
      if (demo.role === 'seller') await db.update(accounts).set({ sellerStatus: 'approved' }).where(eq(accounts.id, user.accountId));
      if (demo.walletFen > 0) await creditWallet(user.accountId, demo.walletFen, 'demo_credit');
    }
    out.push({ email: demo.email, password: DEMO_PASSWORD, role: demo.role, accountId: user.accountId, ...(demo.role === 'buyer' ? await demoAccessKey(db, user.accountId) : {}) });
  }

  const sellers = new Map<string, { accountId: string; name: string }>();
  for (const s of seedSellers) {
    const accountId = out.find((o) => o.email === s.email)!.accountId;
    await db.update(accounts).set({ name: s.name }).where(eq(accounts.id, accountId));
    sellers.set(s.key, { accountId, name: s.name });
  }
  const now = clock.now();
  const added = await seedMarketplace(db, sellers, seedProducts, now);
  const buyer = (await loadActor((await db.select().from(users).where(eq(users.email, demoUsers[0].email)).limit(1)).at(0)!.id))!.actor;
  for (const product of seedProducts.filter((p) => p.status === 'delisted' && added.includes(p.code))) {
    await purchaseLicenses(buyer, { productCode: product.code, skuCode: skuCode(product.code, 'per_instance'), regionId: 'cn-hangzhou', quantity: 2 });
    await delistProduct(db, product.code, now);
  }
  // SEL-1: the second demo buyer has applied to sell, so the admin's queue has one to decide.
  const applicant = (await loadActor((await db.select().from(users).where(eq(users.email, demoUsers[1].email)).limit(1)).at(0)!.id))!.actor;
  if (!(await myApplication(applicant)).application) {
    await applyAsSeller(applicant, { companyName: 'Yunqi Digital Technology (Hangzhou) Co., Ltd.', foundedOn: '2021-04-12', registeredCapital: '1000000', staffCount: '8', supportHours: '5x8', contactEmail: demoUsers[1].email, agreement: true });
  }
  return out;
}
