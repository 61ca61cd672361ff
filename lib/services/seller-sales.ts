// What an approved seller may read of its own sales (issue 18, the Marketplace API's ISV
// actions): an order of its product, a license of its product, and which ECS instances run
// its images. Another seller's order, license or instance does not exist for it.
import { and, desc, eq, ne, type SQL } from 'drizzle-orm';
import { images, instances, licenses, orders, products } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize } from '../domain/permissions';
import { licenseViews, type LicenseView } from './licenses';
import { read } from './transaction';

/** An order of one of the seller's products, with the licenses it bought. */
export async function sellerOrder(actor: Actor, orderId: string) {
  authorize(actor, 'sale.read');
  return await read(async (db) => {
    const row = (await db
      .select({ order: orders, title: products.title })
      .from(orders)
      .innerJoin(products, eq(products.code, orders.productCode))
      .where(and(eq(orders.id, orderId), eq(products.sellerAccountId, actor.accountId), ne(orders.kind, 'refund'))).limit(1)).at(0);
    if (!row) throw new CloudError('InvalidOrderId.NotFound', { orderId }, 'orderId');
    const licenseIds = (await db.select({ id: licenses.id }).from(licenses).where(eq(licenses.orderId, orderId)).orderBy(licenses.id)).map((l) => l.id);
    return { ...row, licenseIds };
  });
}

/** A license of one of the seller's products. */
export async function sellerLicense(actor: Actor, licenseId: string): Promise<LicenseView> {
  authorize(actor, 'sale.read');
  const [license] = await read(async (db) => (await licenseViews(db, and(eq(licenses.id, licenseId), eq(products.sellerAccountId, actor.accountId)))).items);
  if (!license) throw new CloudError('InvalidInstanceId.NotFound', { instanceId: licenseId }, 'instanceId');
  return license;
}

/** The ECS instances (not released) running an image of the seller's products, by instance or by buyer, newest first. */
export async function imageUsage(actor: Actor, query: { instanceId?: string; buyerAccountId?: string; limit?: number }) {
  authorize(actor, 'sale.read');
  if (!query.instanceId && !query.buyerAccountId) throw new CloudError('MissingParameter', { param: 'instanceId' }, 'instanceId');
  const filters: SQL[] = [eq(products.sellerAccountId, actor.accountId), ne(instances.status, 'Released')];
  if (query.instanceId) filters.push(eq(instances.id, query.instanceId));
  if (query.buyerAccountId) filters.push(eq(instances.accountId, query.buyerAccountId));
  return await read(async (db) =>
    await db
      .select({ instance: instances, productCode: products.code, productTitle: products.title, version: images.productVersion, license: licenses })
      .from(instances)
      .innerJoin(images, eq(images.id, instances.imageId))
      .innerJoin(products, eq(products.code, images.productCode))
      .leftJoin(licenses, eq(licenses.id, instances.licenseId))
      .where(and(...filters))
      .orderBy(desc(instances.createdAt), desc(instances.id))
      .limit(Math.min(Math.max(query.limit ?? 50, 1), 50)),
  );
}
