// ADM-2: the platform operator freezes an instance (a violation) and unfreezes it; the owner
// and the seller of its product are told (updateInstanceStatus).
import { and, count, desc, eq, ne, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, images, instances, notifications } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { instanceStatuses } from '../domain/instances';
import { authorize } from '../domain/permissions';
import { parseDecisionNote, parseInput } from '../domain/validation';
import { moveInstance } from './instance-status';
import { notify } from './notifications';
import { tellSellerAbout } from './seller-calls';
import { mutate, read, type Tx } from './transaction';
import { parsePaging } from '../domain/paging';
import { likeIgnoringCase } from '../../db/portable';
import { containsPattern } from '../domain/list-query';

const listSchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(instanceStatuses).optional(),
});

/** Every account's instances, for the operator: filter by id, name or account, and status. */
export async function listAllInstances(actor: Actor, query: z.input<typeof listSchema> & { page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'instance.freeze');
  const q = { ...parseInput(listSchema, query, {}), ...parsePaging(query, { defaultPageSize: 20 }) };
  const filters: SQL[] = [q.status ? eq(instances.status, q.status) : ne(instances.status, 'Released')];
  if (q.q) filters.push(or(likeIgnoringCase(instances.id, containsPattern(q.q)), likeIgnoringCase(instances.name, containsPattern(q.q)), eq(instances.accountId, q.q))!);
  const where = and(...filters);
  return await read(async (db) => {
    const total = (await db.select({ n: count() }).from(instances).where(where).limit(1)).at(0)?.n ?? 0;
    const items = await db
      .select({ instance: instances, accountName: accounts.name, productCode: images.productCode })
      .from(instances)
      .innerJoin(accounts, eq(accounts.id, instances.accountId))
      .innerJoin(images, eq(images.id, instances.imageId))
      .where(where)
      .orderBy(desc(instances.createdAt), desc(instances.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
}

async function requireInstance(tx: Tx, instanceId: string) {
  const instance = (await tx.select().from(instances).where(eq(instances.id, instanceId)).limit(1)).at(0);
  if (!instance || instance.status === 'Released') throw new CloudError('InvalidInstanceId.NotFound', { instanceId }, 'instanceId');
  return instance;
}

export async function freezeInstance(actor: Actor, instanceId: string, input: { note?: unknown }) {
  return await mutate(actor, 'FreezeInstance', async (tx, audit) => {
    authorize(actor, 'instance.freeze');
    audit.target = instanceId;
    const instance = await requireInstance(tx, instanceId);
    if (instance.status === 'Frozen') throw new CloudError('IncorrectInstanceStatus', { status: instance.status, action: 'freeze' });
    const note = parseDecisionNote(input);
    await moveInstance(tx, instance, { to: 'Frozen', reason: 'violation' });
    await notify(tx, instance.accountId, 'instanceFrozen', { instanceId, note });
    await tellSellerAbout(tx, instance, 'updateInstanceStatus', 'frozen');
    audit.detail = { from: instance.status, note };
  });
}

/** Only a freeze the operator made is lifted here; an expired subscription thaws by renewal (MKT-11). */
export async function unfreezeInstance(actor: Actor, instanceId: string) {
  return await mutate(actor, 'UnfreezeInstance', async (tx, audit) => {
    authorize(actor, 'instance.freeze');
    audit.target = instanceId;
    const instance = await requireInstance(tx, instanceId);
    if (instance.status !== 'Frozen' || instance.statusReason !== 'violation') {
      throw new CloudError('IncorrectInstanceStatus', { status: instance.status, action: 'unfreeze' });
    }
    // It comes back stopped: the owner decides when it runs (and pays) again.
    await moveInstance(tx, instance, { to: 'Stopped' });
    await notify(tx, instance.accountId, 'instanceUnfrozen', { instanceId });
    await tellSellerAbout(tx, instance, 'updateInstanceStatus', 'normal');
  });
}

/**
 * The operator's reason for freezing the caller's instance, as the owner was told it (ADM-2);
 * null unless the instance is frozen by the platform. Another account's instance does not exist.
 */
export async function freezeNote(actor: Actor, instanceId: string): Promise<string | null> {
  authorize(actor, 'instance.describe');
  return await read(async (db) => {
    const instance = (await db.select({ status: instances.status, reason: instances.statusReason }).from(instances).where(and(eq(instances.id, instanceId), eq(instances.accountId, actor.accountId))).limit(1)).at(0);
    if (!instance) throw new CloudError('InvalidInstanceId.NotFound', { instanceId }, 'instanceId');
    if (instance.status !== 'Frozen' || instance.reason !== 'violation') return null;
    // Picked out here, not by SQL: reading a JSON field is said differently on SQLite and PostgreSQL.
    const told = (await db
      .select({ params: notifications.params })
      .from(notifications)
      .where(and(eq(notifications.accountId, actor.accountId), eq(notifications.kind, 'instanceFrozen')))
      .orderBy(desc(notifications.id)))
      .find((n) => n.params.instanceId === instanceId);
    const note = told?.params.note;
    return typeof note === 'string' ? note : null;
  });
}
