// AccessKeys for the ECS API: created with the secret shown once, disabled, deleted; and the
// lookups the API needs to check a signature (the secret) and refuse a replayed nonce.
import { and, desc, eq, lt } from 'drizzle-orm';
import { accessKeys, apiNonces } from '../../db/schema';
import { getDb } from '../../db/client';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize } from '../domain/permissions';
import { decrypt, encrypt, random62 } from './secret-box';
import { mutate, read, type AuditAction } from './transaction';

export type AccessKeyView = { id: string; status: string; createdAt: Date; lastUsedAt: Date | null };

/** The secret is returned here once and never again. */
export function createAccessKey(actor: Actor): { accessKeyId: string; accessKeySecret: string } {
  return mutate(actor, 'CreateAccessKey', (tx, note) => {
    authorize(actor, 'accessKey.manage');
    const accessKeyId = `LTAI${random62(20)}`;
    const accessKeySecret = random62(30);
    tx.insert(accessKeys).values({ id: accessKeyId, accountId: actor.accountId, secretCiphertext: encrypt(accessKeySecret), status: 'active', createdAt: clock.now() }).run();
    note.target = accessKeyId;
    return { accessKeyId, accessKeySecret };
  });
}

export function listAccessKeys(actor: Actor): AccessKeyView[] {
  authorize(actor, 'accessKey.manage');
  return read((db) =>
    db.select({ id: accessKeys.id, status: accessKeys.status, createdAt: accessKeys.createdAt, lastUsedAt: accessKeys.lastUsedAt }).from(accessKeys).where(eq(accessKeys.accountId, actor.accountId)).orderBy(desc(accessKeys.createdAt)).all(),
  );
}

function changeKey(actor: Actor, accessKeyId: string, action: AuditAction, work: (where: ReturnType<typeof and>) => void): void {
  mutate(actor, action, (tx, note) => {
    authorize(actor, 'accessKey.manage');
    note.target = accessKeyId;
    const where = and(eq(accessKeys.id, accessKeyId), eq(accessKeys.accountId, actor.accountId));
    if (!tx.select({ id: accessKeys.id }).from(accessKeys).where(where).get()) throw new CloudError('InvalidAccessKeyId.NotFound', {}, 'accessKeyId');
    work(where);
  });
}

export function setAccessKeyStatus(actor: Actor, accessKeyId: string, status: 'active' | 'disabled'): void {
  changeKey(actor, accessKeyId, 'UpdateAccessKey', (where) => getDb().update(accessKeys).set({ status }).where(where).run());
}

export function deleteAccessKey(actor: Actor, accessKeyId: string): void {
  changeKey(actor, accessKeyId, 'DeleteAccessKey', (where) => getDb().delete(accessKeys).where(where).run());
}

/** For the API: an active key's account and secret, or null (unknown and disabled keys look alike). */
export function activeKey(accessKeyId: string): { accountId: string; secret: string } | null {
  const key = getDb().select().from(accessKeys).where(eq(accessKeys.id, accessKeyId)).get();
  if (!key || key.status !== 'active') return null;
  return { accountId: key.accountId, secret: decrypt(key.secretCiphertext) };
}

/**
 * API-2: records a nonce; false when the same key already used it. The nonce is kept until
 * `acceptableUntil`, the last moment its request's timestamp passes the clock-skew check, so a
 * request stamped ahead cannot be replayed after a receipt-based expiry.
 */
export function claimNonce(accessKeyId: string, nonce: string, acceptableUntil: Date): boolean {
  const now = clock.now();
  const db = getDb();
  return db.transaction(
    (tx) => {
      tx.delete(apiNonces).where(lt(apiNonces.expiresAt, now)).run();
      const inserted = tx.insert(apiNonces).values({ accessKeyId, nonce, expiresAt: acceptableUntil }).onConflictDoNothing().run();
      if (inserted.changes === 1) tx.update(accessKeys).set({ lastUsedAt: now }).where(eq(accessKeys.id, accessKeyId)).run();
      return inserted.changes === 1;
    },
    { behavior: 'immediate' },
  );
}
