// What decideLaunch (lib/domain/launch-decision.ts) needs to know, read from the database: the
// one loader of both the launch (inside its transaction) and its preview.
import { eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared';
import { instanceTypes, products, skus } from '../../db/schema';
import type { Actor } from '../domain/actor';
import type { LaunchFacts } from '../domain/launch-decision';
import { byPricingModel, type PricingModel } from '../domain/marketplace';
import { findRegion, findVisibleImage } from './catalogue';
import { launchLimits } from './launch-limits';
import { availableLicenseCount } from './licenses';
import { isOfferedIn } from './orders';
import type { Tx } from './transaction';
import type { Db } from '../../db/client';

// Prepared once (db/prepared.ts); each runs on the process connection, inside the caller's transaction.
const typeById = preparedQuery((db) => db.select().from(instanceTypes).where(eq(instanceTypes.id, sql.placeholder('id'))).prepare());
const productStatus = preparedQuery((db) => db.select({ status: products.status }).from(products).where(eq(products.code, sql.placeholder('code'))).prepare());
const skusOf = preparedQuery((db) => db.select({ code: skus.code, pricingModel: skus.pricingModel, priceFen: skus.priceFen }).from(skus).where(eq(skus.productCode, sql.placeholder('code'))).prepare());

/**
 * `launch`: read by the launch itself, which locks the usage row it counts (launchLimits) and
 * needs the license count only up to its amount (see availableLicenseCount).
 */
export async function loadLaunchFacts(db: Db | Tx, actor: Actor, request: { regionId: string; imageId: string; instanceTypeId: string }, launch?: { amount: number }): Promise<LaunchFacts> {
  const { regionId, imageId, instanceTypeId } = request;
  const regionExists = Boolean(await findRegion(db, regionId));
  const image = regionExists ? ((await findVisibleImage(db, actor, imageId, regionId))?.image ?? null) : null;
  const code = image?.productCode ?? null;
  return {
    regionId,
    regionExists,
    imageId,
    image,
    instanceTypeId,
    instanceType: (await typeById().execute({ id: instanceTypeId })).at(0) ?? null,
    limits: await launchLimits(db, actor.accountId, regionId, { locked: launch !== undefined }),
    productStatus: code ? ((await productStatus().execute({ code })).at(0)?.status ?? null) : null,
    offered: code ? await isOfferedIn(db, code, regionId) : false,
    skus: code
      ? (await skusOf().execute({ code }))
          .map((sku) => ({ ...sku, pricingModel: sku.pricingModel as PricingModel }))
          .sort(byPricingModel)
      : [],
    available: code ? await availableLicenseCount(db, actor.accountId, code, regionId, launch?.amount) : 0,
  };
}
