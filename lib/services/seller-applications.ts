// Seller onboarding (SEL-1, ADM-1): an account applies with the seed's conditions, checked at
// once; an admin approves — the account gets the seller role — or rejects with a reason the
// applicant reads and may answer by applying again.
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { accounts, sellerApplications } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize, can } from '../domain/permissions';
import { assessApplication, SellerConditionsNotMet, type ApplicationInput } from '../domain/seller-onboarding';
import { parseDecisionNote } from '../domain/validation';
import { notify } from './notifications';
import { mutate, read, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { parsePaging } from '../domain/paging';
import { descNullsLast } from '../../db/portable';

export type SellerApplication = typeof sellerApplications.$inferSelect;
export type ApplicationStatus = 'pending' | 'approved' | 'rejected';
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['pending', 'approved', 'rejected'];

async function sellerStatusOf(db: Db | Tx, accountId: string): Promise<string> {
  return (await db.select({ status: accounts.sellerStatus }).from(accounts).where(eq(accounts.id, accountId)).limit(1)).at(0)?.status ?? 'none';
}

async function latestOf(db: Db | Tx, accountId: string): Promise<SellerApplication | null> {
  return (await db.select().from(sellerApplications).where(eq(sellerApplications.accountId, accountId)).orderBy(desc(sellerApplications.id)).limit(1)).at(0) ?? null;
}

/**
 * SEL-1: apply to sell. One application waits at a time; an approved seller does not apply
 * again; after a rejection the account may. Every failed condition is reported at once.
 */
export async function applyAsSeller(actor: Actor, input: unknown): Promise<SellerApplication> {
  return await mutate(actor, 'ApplyAsSeller', async (tx, note) => {
    authorize(actor, 'seller.apply');
    note.target = actor.accountId;
    const status = await sellerStatusOf(tx, actor.accountId);
    if (status === 'approved') throw new CloudError('InvalidSellerApplication.AlreadySeller');
    if ((await latestOf(tx, actor.accountId))?.status === 'pending') throw new CloudError('InvalidSellerApplication.Pending');
    const now = clock.now();
    const verdict = assessApplication(input && typeof input === 'object' ? (input as ApplicationInput) : {}, now);
    if (!verdict.ok) throw new SellerConditionsNotMet(verdict.failures);
    const row = (await tx
      .insert(sellerApplications)
      .values({ ...verdict.application, accountId: actor.accountId, agreementAcceptedAt: now, status: 'pending', submittedAt: now })
      .returning())[0];
    await tx.update(accounts).set({ sellerStatus: 'applied' }).where(eq(accounts.id, actor.accountId));
    note.detail = { applicationId: row.id, companyName: row.companyName };
    return row;
  });
}

export type MyApplication = { sellerStatus: string; application: SellerApplication | null };

/** The caller's own standing: its seller status and its latest application, if any. */
export async function myApplication(actor: Actor): Promise<MyApplication> {
  authorize(actor, 'seller.apply');
  return await read(async (db) => ({ sellerStatus: await sellerStatusOf(db, actor.accountId), application: await latestOf(db, actor.accountId) }));
}

/** One application: its applicant and admins see it; to anyone else it does not exist. */
export async function getApplication(actor: Actor, id: number): Promise<SellerApplication> {
  return await read(async (db) => {
    const row = Number.isInteger(id) ? (await db.select().from(sellerApplications).where(eq(sellerApplications.id, id)).limit(1)).at(0) : undefined;
    if (!row || (row.accountId !== actor.accountId && !can(actor, 'seller.review'))) throw new CloudError('InvalidSellerApplicationId.NotFound', { id });
    return row;
  });
}

export type ApplicationQueueRow = { application: SellerApplication; accountName: string };

/** ADM-1: the queue, oldest pending first; decided ones newest first. */
export async function listApplications(actor: Actor, { status = 'pending', ...paging }: { status?: string; page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'seller.review');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  return await read(async (db) => {
    const where = eq(sellerApplications.status, status);
    const total = (await db.select({ n: count() }).from(sellerApplications).where(where).limit(1)).at(0)?.n ?? 0;
    const items: ApplicationQueueRow[] = await db
      .select({ application: sellerApplications, accountName: accounts.name })
      .from(sellerApplications)
      .innerJoin(accounts, eq(accounts.id, sellerApplications.accountId))
      .where(where)
      .orderBy(status === 'pending' ? asc(sellerApplications.submittedAt) : descNullsLast(sellerApplications.decidedAt), asc(sellerApplications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { items, total, page, pageSize };
  });
}

/** How many applications wait for review (the admin's navigation shows it). */
export async function pendingApplicationCount(actor: Actor): Promise<number> {
  authorize(actor, 'seller.review');
  return await read(async (db) => (await db.select({ n: count() }).from(sellerApplications).where(eq(sellerApplications.status, 'pending')).limit(1)).at(0)?.n ?? 0);
}

async function requirePending(tx: Tx, id: number): Promise<SellerApplication> {
  const row = Number.isInteger(id) ? (await tx.select().from(sellerApplications).where(eq(sellerApplications.id, id)).limit(1)).at(0) : undefined;
  if (!row) throw new CloudError('InvalidSellerApplicationId.NotFound', { id });
  if (row.status !== 'pending') throw new CloudError('IncorrectSellerApplicationStatus', { status: row.status });
  return row;
}

/** ADM-1: approval gives the account the seller role (lib/domain/actor.ts rolesOf). */
export async function approveApplication(actor: Actor, id: number): Promise<SellerApplication> {
  return await mutate(actor, 'ApproveSellerApplication', async (tx, note) => {
    authorize(actor, 'seller.review');
    note.target = String(id);
    const application = await requirePending(tx, id);
    const decided = (await tx
      .update(sellerApplications)
      .set({ status: 'approved', decidedAt: clock.now(), decidedBy: actor.userId })
      .where(and(eq(sellerApplications.id, application.id), eq(sellerApplications.status, 'pending')))
      .returning())[0];
    await tx.update(accounts).set({ sellerStatus: 'approved' }).where(eq(accounts.id, application.accountId));
    await notify(tx, application.accountId, 'sellerApplicationApproved', { companyName: application.companyName });
    note.detail = { accountId: application.accountId, companyName: application.companyName };
    return decided;
  });
}


/** ADM-1: a rejection needs a reason: the applicant reads it and may apply again. */
export async function rejectApplication(actor: Actor, id: number, input: { note?: unknown }): Promise<SellerApplication> {
  return await mutate(actor, 'RejectSellerApplication', async (tx, audit) => {
    authorize(actor, 'seller.review');
    audit.target = String(id);
    const application = await requirePending(tx, id);
    const note = parseDecisionNote(input);
    const decided = (await tx
      .update(sellerApplications)
      .set({ status: 'rejected', decisionNote: note, decidedAt: clock.now(), decidedBy: actor.userId })
      .where(eq(sellerApplications.id, application.id))
      .returning())[0];
    await tx.update(accounts).set({ sellerStatus: 'rejected' }).where(eq(accounts.id, application.accountId));
    await notify(tx, application.accountId, 'sellerApplicationRejected', { companyName: application.companyName, note });
    audit.detail = { accountId: application.accountId, note };
    return decided;
  });
}
