// AccessKeys for the ECS API: created with the secret shown once, disabled, deleted; and the
// lookups the API needs to check a signature (the secret) and refuse a replayed nonce.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { accessKeys, accounts, apiNonces } from '../../db/schema';
import { getDb } from '../../db/client';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize } from '../domain/permissions';
import { decrypt, encrypt, random62 } from './secret-box';
import { mutate, read, type AuditAction, type Tx } from './transaction';
import { changedRows } from '../../db/portable';

export type AccessKeyView = { id: string; status: string; createdAt: Date; lastUsedAt: Date | null };

/** The secret is returned here once and never again. */
export async function createAccessKey(actor: Actor): Promise<{ accessKeyId: string; accessKeySecret: string }> {
  return await mutate(actor, 'CreateAccessKey', async (tx, note) => {
    authorize(actor, 'accessKey.manage');
    const accessKeyId = `LTAI${random62(20)}`;
    const accessKeySecret = random62(30);
    await tx.insert(accessKeys).values({ id: accessKeyId, accountId: actor.accountId, secretCiphertext: encrypt(accessKeySecret), status: 'active', createdAt: clock.now() });
    note.target = accessKeyId;
    return { accessKeyId, accessKeySecret };
  });
}

export async function listAccessKeys(actor: Actor): Promise<AccessKeyView[]> {
  authorize(actor, 'accessKey.manage');
  return await read(async (db) =>
    await db.select({ id: accessKeys.id, status: accessKeys.status, createdAt: accessKeys.createdAt, lastUsedAt: accessKeys.lastUsedAt }).from(accessKeys).where(eq(accessKeys.accountId, actor.accountId)).orderBy(desc(accessKeys.createdAt)),
  );
}

async function changeKey(actor: Actor, accessKeyId: string, action: AuditAction, work: (tx: Tx, where: ReturnType<typeof and>) => Promise<unknown>): Promise<void> {
  await mutate(actor, action, async (tx, note) => {
    authorize(actor, 'accessKey.manage');
    note.target = accessKeyId;
    const where = and(eq(accessKeys.id, accessKeyId), eq(accessKeys.accountId, actor.accountId));
    if (!(await tx.select({ id: accessKeys.id }).from(accessKeys).where(where).limit(1)).at(0)) throw new CloudError('InvalidAccessKeyId.NotFound', {}, 'accessKeyId');
    await work(tx, where);
  });
}

export async function setAccessKeyStatus(actor: Actor, accessKeyId: string, status: 'active' | 'disabled'): Promise<void> {
  await changeKey(actor, accessKeyId, 'UpdateAccessKey', (tx, where) => tx.update(accessKeys).set({ status }).where(where));
}

export async function deleteAccessKey(actor: Actor, accessKeyId: string): Promise<void> {
  await changeKey(actor, accessKeyId, 'DeleteAccessKey', (tx, where) => tx.delete(accessKeys).where(where));
}

/** Decrypting costs a key derivation and AES: done once per stored ciphertext, not per call. */
const secrets = new Map<string, string>();
const SECRETS_KEPT = 10_000;

function secretOf(ciphertext: string): string {
  let secret = secrets.get(ciphertext);
  if (secret === undefined) {
    if (secrets.size >= SECRETS_KEPT) secrets.clear();
    secrets.set(ciphertext, (secret = decrypt(ciphertext)));
  }
  return secret;
}

export type ApiKey = { accountId: string; sellerStatus: string; secret: string };

/**
 * For the API: an active key's account and secret, or null (unknown and disabled keys look
 * alike). The row is read on every call, so disabling or deleting a key takes effect at once in
 * every server process; only the decryption is remembered.
 */
const keyRow = preparedQuery((db) =>
  db
    .select({ status: accessKeys.status, accountId: accessKeys.accountId, ciphertext: accessKeys.secretCiphertext, sellerStatus: accounts.sellerStatus })
    .from(accessKeys)
    .innerJoin(accounts, eq(accounts.id, accessKeys.accountId))
    .where(eq(accessKeys.id, sql.placeholder('id')))
    .prepare(),
);

export async function activeKey(accessKeyId: string): Promise<ApiKey | null> {
  const key = (await keyRow().execute({ id: accessKeyId })).at(0);
  if (!key || key.status !== 'active') return null;
  return { accountId: key.accountId, sellerStatus: key.sellerStatus, secret: secretOf(key.ciphertext) };
}

/** Expired nonces are swept at most this often, not on every call. */
const NONCE_SWEEP_MS = 10_000;
/** lastUsedAt is a hint for the key list: written when it is this much behind. */
const LAST_USED_STEP_MS = 60_000;
const sweep = { at: 0 };
const nonceInsert = preparedQuery((db) =>
  db
    .insert(apiNonces)
    .values({ accessKeyId: sql.placeholder('accessKeyId'), nonce: sql.placeholder('nonce'), expiresAt: sql.placeholder('expiresAt') })
    .onConflictDoNothing()
    .prepare(),
);
const lastUsedWritten = new Map<string, number>();

const nonceRow = preparedQuery((db) =>
  db.select({ nonce: apiNonces.nonce }).from(apiNonces).where(and(eq(apiNonces.accessKeyId, sql.placeholder('accessKeyId')), eq(apiNonces.nonce, sql.placeholder('nonce')))).prepare(),
);

/** Whether the key already used the nonce: a replay is refused before it costs its key anything (the claim itself is claimNonce). */
export async function nonceUsed(accessKeyId: string, nonce: string): Promise<boolean> {
  return (await nonceRow().execute({ accessKeyId, nonce })).at(0) !== undefined;
}

/**
 * API-2: records a nonce; false when the same key already used it. The nonce is kept until
 * `acceptableUntil`, the last moment its request's timestamp passes the clock-skew check, so a
 * request stamped ahead cannot be replayed after a receipt-based expiry. One insert in the common
 * case: the claim is its own statement, so it stands even when the call is then refused.
 */
export async function claimNonce(accessKeyId: string, nonce: string, acceptableUntil: Date): Promise<boolean> {
  const now = clock.now();
  const db = getDb();
  if (Math.abs(now.getTime() - sweep.at) >= NONCE_SWEEP_MS) {
    sweep.at = now.getTime();
    await db.delete(apiNonces).where(lt(apiNonces.expiresAt, now));
  }
  const inserted = await nonceInsert().execute({ accessKeyId, nonce, expiresAt: acceptableUntil });
  if (changedRows(inserted) !== 1) return false;
  if (Math.abs(now.getTime() - (lastUsedWritten.get(accessKeyId) ?? 0)) >= LAST_USED_STEP_MS) {
    if (lastUsedWritten.size >= SECRETS_KEPT) lastUsedWritten.clear();
    lastUsedWritten.set(accessKeyId, now.getTime());
    await db.update(accessKeys).set({ lastUsedAt: now }).where(eq(accessKeys.id, accessKeyId));
  }
  return true;
}
