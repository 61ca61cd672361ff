// The notification centre: messages to an account, written in the same transaction as the
// change they tell about. The text is a catalogue key (notifications.<kind>) with parameters.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { authorize } from '../domain/permissions';
import { mutate, read, type Tx } from './transaction';
import { parsePaging } from '../domain/paging';

export type NotificationKind =
  | 'imageShared'
  | 'imageUnshared'
  | 'imageShareDeclined'
  | 'sharedImageDeleted'
  | 'imageDeprecated'
  | 'imageDeprecatedWithSuccessor'
  | 'sharedImageDeprecated'
  | 'sharedImageDeprecatedWithSuccessor'
  | 'instancesStoppedForArrears'
  | 'subscriptionExpired'
  | 'subscriptionReleased'
  | 'refundApproved'
  | 'refundRejected'
  | 'orderRefunded'
  | 'instanceFrozen'
  | 'instanceUnfrozen'
  | 'deliveryFailing'
  | 'deliveryFailed'
  | 'sellerApplicationApproved'
  | 'sellerApplicationRejected'
  | 'listingApproved'
  | 'listingRejected'
  | 'scalingFailed';

export async function notify(tx: Tx, accountId: string, kind: NotificationKind, params: Record<string, string | number>): Promise<void> {
  await tx.insert(notifications).values({ accountId, kind, params, createdAt: clock.now() });
}

export async function unreadCount(actor: Actor): Promise<number> {
  authorize(actor, 'notification.read');
  return await read(async (db) => (await db.select({ n: count() }).from(notifications).where(and(eq(notifications.accountId, actor.accountId), isNull(notifications.readAt))).limit(1)).at(0)?.n ?? 0);
}

export async function listNotifications(actor: Actor, paging: { page?: unknown; pageSize?: unknown } = {}) {
  authorize(actor, 'notification.read');
  const { page, pageSize } = parsePaging(paging, { defaultPageSize: 20 });
  return await read(async (db) => {
    const where = eq(notifications.accountId, actor.accountId);
    const total = (await db.select({ n: count() }).from(notifications).where(where).limit(1)).at(0)?.n ?? 0;
    const items = await db.select().from(notifications).where(where).orderBy(desc(notifications.id)).limit(pageSize).offset((page - 1) * pageSize);
    return { items, total, page, pageSize };
  });
}

export async function markAllRead(actor: Actor): Promise<void> {
  await mutate(actor, 'MarkNotificationsRead', async (tx) => {
    authorize(actor, 'notification.read');
    await tx.update(notifications).set({ readAt: clock.now() }).where(and(eq(notifications.accountId, actor.accountId), isNull(notifications.readAt)));
  });
}
