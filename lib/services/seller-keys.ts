// SEL-2: a seller's signing keys. The secret is shown once, at creation. At most two keys exist,
// so a rotation is: create the new key, add it to the receiver, delete the old one. While two
// exist, calls are signed with the older, so no call fails while the receiver is being updated.
import { and, asc, count, eq } from 'drizzle-orm';
import { sellerKeys } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize } from '../domain/permissions';
import { decrypt, encrypt, random62 } from './secret-box';
import { mutate, read, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { changedRows } from '../../db/portable';

export const MAX_SELLER_KEYS = 2;

export async function createSellerKey(actor: Actor): Promise<{ keyId: string; secret: string }> {
  return await mutate(actor, 'CreateSellerKey', async (tx, note) => {
    authorize(actor, 'sellerKey.manage');
    const held = (await tx.select({ n: count() }).from(sellerKeys).where(eq(sellerKeys.accountId, actor.accountId)).limit(1)).at(0)?.n ?? 0;
    if (held >= MAX_SELLER_KEYS) throw new CloudError('QuotaExceed.SellerKey', { max: MAX_SELLER_KEYS });
    const keyId = `SK${random62(18)}`;
    const secret = random62(40);
    await tx.insert(sellerKeys).values({ id: keyId, accountId: actor.accountId, secretEncrypted: encrypt(secret), createdAt: clock.now() });
    note.target = keyId;
    return { keyId, secret };
  });
}

export async function listSellerKeys(actor: Actor) {
  authorize(actor, 'sellerKey.manage');
  return await read(async (db) => {
    const keys = await db.select({ id: sellerKeys.id, createdAt: sellerKeys.createdAt }).from(sellerKeys).where(eq(sellerKeys.accountId, actor.accountId)).orderBy(asc(sellerKeys.createdAt), asc(sellerKeys.id));
    // The first is the one calls are signed with.
    return keys.map((k, i) => ({ ...k, signing: i === 0 }));
  });
}

export async function deleteSellerKey(actor: Actor, keyId: string): Promise<void> {
  await mutate(actor, 'DeleteSellerKey', async (tx, note) => {
    authorize(actor, 'sellerKey.manage');
    note.target = keyId;
    const deleted = await tx.delete(sellerKeys).where(and(eq(sellerKeys.id, keyId), eq(sellerKeys.accountId, actor.accountId)));
    if (changedRows(deleted) === 0) throw new CloudError('InvalidSellerKey.NotFound', { keyId });
  });
}

/** The key a call to this seller is signed with now, or null when the seller has none. */
export async function signingKey(db: Db | Tx, sellerAccountId: string): Promise<{ keyId: string; secret: string } | null> {
  const key = (await db.select().from(sellerKeys).where(eq(sellerKeys.accountId, sellerAccountId)).orderBy(asc(sellerKeys.createdAt), asc(sellerKeys.id)).limit(1)).at(0);
  return key ? { keyId: key.id, secret: decrypt(key.secretEncrypted) } : null;
}
