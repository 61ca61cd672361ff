// Seeding: reference data on every start (idempotent), demo people in demo and test mode.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { newResourceId } from '../lib/domain/ids';
import { clock } from '../lib/clock';
import type { Db } from './client';
import { accounts, images, instanceTypes, regions, users } from './schema';
import { DEMO_PASSWORD, demoUsers, seedInstanceTypes, seedRegions, seedSystemImages } from './seed-data';

/** Stable ids for seeded images, so seeding twice finds the same rows. */
function stableId(prefix: 'm', key: string): string {
  const digest = crypto.createHash('sha256').update(key).digest();
  return newResourceId(prefix, (length) => new Uint8Array(Array.from({ length }, (_, i) => digest[i % digest.length] ^ i)));
}

export function seedCatalogue(db: Db): void {
  const now = clock.now();
  db.transaction((tx) => {
    seedRegions.forEach((id, sortOrder) => tx.insert(regions).values({ id, sortOrder }).onConflictDoNothing().run());
    for (const type of seedInstanceTypes) tx.insert(instanceTypes).values(type).onConflictDoNothing().run();
    for (const image of seedSystemImages) {
      for (const regionId of image.regions ?? seedRegions) {
        tx.insert(images)
          .values({
            id: stableId('m', `${regionId}/${image.name}`),
            regionId,
            kind: 'system',
            ownerAccountId: null,
            name: image.name,
            description: image.description,
            osType: image.osType,
            platform: image.platform,
            architecture: 'x86_64',
            sizeGib: image.sizeGib,
            status: 'Available',
            source: 'system',
            createdAt: now,
          })
          .onConflictDoNothing()
          .run();
      }
    }
  });
}

export type DemoCredential = { email: string; password: string; role: string; accountId: string };

/**
 * Demo people, created through the auth library like any sign-up, then given their role and,
 * for buyers, a starting balance paid in from the platform's clearing book (the ledger stays balanced).
 */
export async function seedDemo(db: Db): Promise<DemoCredential[]> {
  const { getAuth } = await import('../lib/auth/auth');
  const { creditWallet } = await import('../lib/services/wallet');
  const out: DemoCredential[] = [];
  for (const demo of demoUsers) {
    let user = db.select().from(users).where(eq(users.email, demo.email)).get();
    if (!user) {
      await getAuth().api.signUpEmail({ body: { email: demo.email, password: DEMO_PASSWORD, name: demo.name } });
      user = db.select().from(users).where(eq(users.email, demo.email)).get()!;
      if (demo.role === 'admin') db.update(users).set({ isAdmin: true }).where(eq(users.id, user.id)).run();
      if (demo.role === 'seller') db.update(accounts).set({ sellerStatus: 'approved' }).where(eq(accounts.id, user.accountId)).run();
      if (demo.walletFen > 0) creditWallet(user.accountId, demo.walletFen, 'demo_credit');
    }
    out.push({ email: demo.email, password: DEMO_PASSWORD, role: demo.role, accountId: user.accountId });
  }
  return out;
}
