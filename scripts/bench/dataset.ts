// The bench's dataset (issue 13): the app's migrations and reference seed, the demo marketplace,
// then raw inserts in one transaction (the services would take far too long for this many rows),
// on either engine (bulk.ts). Imported once the bench has set the environment (data directory, mode, secret).
import { performance } from 'node:perf_hooks';
import { isPostgres, poolOf, type Db } from '../../db/client';
import { preparedStatement } from '../../db/prepared';
import { bulkInserts } from './bulk';
import { seedRegions } from '../../db/seed-data';
import { seedProducts, seedSellers } from '../../db/seed/marketplace-data';
import { newAccountId, newRequestId, newResourceId } from '../../lib/domain/ids';
import { seedMarketplace, sellerAccounts } from '../../lib/seed/marketplace';
import { createAccessKey } from '../../lib/services/access-keys';
import { createAccount } from '../../lib/services/accounts';
import { creditWallet } from '../../lib/services/wallet';
import type { Variant } from './jobs';
import type { Key } from './signing';

export const REGION = 'cn-hangzhou';

/** scale 1 is the large dataset; --quick is 0.01. */
export function sizesFor(scale: number) {
  const n = (large: number, least = 1) => Math.max(least, Math.round(large * scale));
  return {
    accounts: n(50_000, 50),
    customImages: n(100_000, 100),
    products: n(10_000, 20),
    licenses: n(1_000_000),
    instances: n(200_000),
    shares: n(500_000),
    auditRows: n(1_000_000),
    /** What the benchmarking account itself owns, inside the totals (DescribeImages self, DescribeInstances). */
    ownImages: scale < 0.1 ? 60 : 200,
    ownInstances: scale < 0.1 ? 100 : 500,
    /** The accounts the launches are spread over, each with an AccessKey, so no one account's instances pile up. */
    launchAccounts: scale < 0.1 ? 10 : 100,
  };
}
export type Sizes = ReturnType<typeof sizesFor>;

export type Dataset = {
  seconds: number;
  counts: (readonly [string, number])[];
  accountId: string;
  /** keys[0] is the benchmarking account's; keys[1…] the launch accounts'. */
  keys: Key[];
  systemImageId: string;
  /** Launches of the system image, in turn from each launch account. */
  systemLaunches: Variant[];
  /** Launches of product images, each (account, product) pair backed by its own pool of licenses. */
  productLaunches: Variant[];
  licensesPerPair: number;
  productPage: string;
};

const DAY_MS = 86_400_000;

/** ¥10 million each: more than a run's launches cost in the hour it may cross. */
const LAUNCH_ACCOUNT_FUNDS_FEN = 1_000_000_000;

/** `launchLicenses`: how many product launches the run may make (the pools are sized for it). */
export async function generateDataset(db: Db, sizes: Sizes, launchLicenses: number): Promise<Dataset> {
  const started = performance.now();
  const postgres = isPostgres(db);
  const { insert: prepare, within } = bulkInserts(db);
  /** A single number a query of the whole database answers (a count, an id). */
  const one = async <T>(text: string, ...params: string[]): Promise<T> => (await preparedStatement(text).get<T>(...params))!;
  await seedMarketplace(db, await sellerAccounts(), seedProducts, new Date());
  const accountId = await createAccount('Bench buyer');
  const keyOf = async (id: string) => await createAccessKey({ userId: `user-${id}`, accountId: id, roles: ['buyer'], requestId: newRequestId() });
  const launchAccountIds: string[] = [];
  for (let i = 0; i < sizes.launchAccounts; i++) launchAccountIds.push(await createAccount(`Bench launcher ${i}`));
  // Funded: a run that crosses the hour has the server's billing sweep charge the launches' hours,
  // and an account in arrears is refused its next launch (MKT-12), which is not what is measured.
  for (const id of launchAccountIds) await creditWallet(id, LAUNCH_ACCOUNT_FUNDS_FEN, 'bench funds');
  const keys = [await keyOf(accountId)];
  for (const id of launchAccountIds) keys.push(await keyOf(id));
  const systemImageId = (await one<{ id: string }>(`SELECT id FROM images WHERE region_id = ? AND kind = 'system' AND os_type = 'linux' LIMIT 1`, REGION)).id;

  // Parents first: on PostgreSQL the rows are sent statement by statement, in this order (bulk.ts).
  const insert = {
    account: prepare(`INSERT INTO accounts (id, name, seller_status, created_at) VALUES (?, ?, ?, ?)`),
    product: prepare(`INSERT INTO products (code, seller_account_id, title, category, summary, description, os_type, platform, status, featured, created_at, listed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'listed', FALSE, ?, ?)`),
    version: prepare(`INSERT INTO product_versions (product_code, version, sort_order, created_at) VALUES (?, ?, ?, ?)`),
    sku: prepare(`INSERT INTO skus (code, product_code, pricing_model, price_fen) VALUES (?, ?, ?, ?)`),
    // The search text: FTS5's table on SQLite, pg_trgm's lower-cased one on PostgreSQL (lib/services/product-search.ts).
    fts: prepare(postgres ? `INSERT INTO products_search (code, title, summary, description, seller) VALUES (?, lower(?), lower(?), lower(?), lower(?))` : `INSERT INTO products_fts (code, title, summary, description, seller) VALUES (?, ?, ?, ?, ?)`),
    image: prepare(`INSERT INTO images (id, region_id, kind, owner_account_id, name, description, os_type, platform, architecture, size_gib, status, product_code, product_version, source, source_instance_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'x86_64', ?, 'Available', ?, ?, ?, ?, ?)`),
    task: prepare(`INSERT INTO tasks (id, account_id, region_id, action, status, progress, image_id, created_at, finished_at) VALUES (?, ?, ?, 'CreateImage', 'Finished', 100, ?, ?, ?)`),
    instance: prepare(`INSERT INTO instances (id, account_id, region_id, instance_type_id, image_id, name, status, billing, metered_until, created_at) VALUES (?, ?, ?, 'ecs.g7.large', ?, ?, ?, 'payg', ?, ?)`),
    order: prepare(`INSERT INTO orders (id, account_id, product_code, sku_code, pricing_model, region_id, quantity, unit_price_fen, amount_fen, status, kind, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'paid', 'purchase', ?)`),
    license: prepare(`INSERT INTO licenses (id, account_id, product_code, region_id, order_id, pricing_model, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'available', ?)`),
    share: prepare(`INSERT INTO image_shares (image_id, owner_account_id, recipient_account_id, shared_at) VALUES (?, ?, ?, ?)`),
    audit: prepare(`INSERT INTO audit_log (at, actor_user_id, account_id, action, target, request_id, outcome) VALUES (?, ?, ?, ?, ?, ?, 'ok')`),
  };
  const now = Date.now();
  const at = (ms: number) => new Date(ms);
  /** An order of `quantity` licenses of one product in REGION. */
  const buy = (account: string, sku: { code: string; product: string; model: string; price: number }, quantity: number, at: number) => {
    const orderId = newResourceId('o');
    insert.order.run(orderId, account, sku.product, sku.code, sku.model, REGION, quantity, sku.price, sku.price * quantity, new Date(at));
    for (let q = 0; q < quantity; q++) insert.license.run(newResourceId('l'), account, sku.product, REGION, orderId, sku.model, new Date(at));
  };

  let productLaunches: Variant[] = [];
  let licensesPerPair = 0;
  await within(() => {
    const accountIds = [accountId];
    const others = sizes.accounts - 1 - sizes.launchAccounts - seedSellers.length;
    const sellers = Math.max(5, Math.round(sizes.products / 20));
    for (let i = 1; i <= others; i++) {
      const id = newAccountId();
      insert.account.run(id, `Bench account ${i}`, i <= sellers ? 'approved' : 'none', at(now - i * 1000));
      accountIds.push(id);
    }
    // The bench account owns the first `owned` rows; the rest are spread over the other accounts.
    const ownerOf = (i: number, owned: number) => (i < owned ? accountId : accountIds[1 + (i % (accountIds.length - 1))]);

    // Products after the demo catalogue's texts (so search finds them), 1 version in 10 with a second, in every region.
    const skusOf: { code: string; product: string; model: string; price: number }[][] = [];
    const launchImages: string[] = [];
    for (let i = 0; i < sizes.products; i++) {
      const t = seedProducts[i % seedProducts.length];
      const code = `bnch${String(i).padStart(6, '0')}`;
      const listed = now - (1 + (i % 700)) * DAY_MS;
      const title = `${t.title} (${i})`;
      insert.product.run(code, accountIds[1 + (i % sellers)], title, t.category, t.summary, t.description, t.osType, t.platform, at(listed), at(listed));
      insert.fts.run(code, title, t.summary, t.description, `Bench account ${1 + (i % sellers)}`);
      const versions = i % 10 === 0 ? ['1.0.0', '2.0.0'] : ['1.0.0'];
      versions.forEach((version, order) => {
        insert.version.run(code, version, order, at(listed + order * DAY_MS));
        for (const region of seedRegions) {
          const id = newResourceId('m');
          insert.image.run(id, region, 'marketplace', null, `${code}-v${version}`, title, t.osType, t.platform, t.sizeGib, code, version, 'published', null, at(listed));
          if (region === REGION && order === versions.length - 1) launchImages.push(id);
        }
      });
      skusOf.push(t.skus.map((s) => ({ code: `${code}-${s.model}`, product: code, model: s.model, price: s.priceFen })));
      for (const s of skusOf[i]) insert.sku.run(s.code, code, s.model, s.price);
    }

    // The launch pools: pair j is launch account j mod K with product j, holding enough licenses for its share of the launches.
    licensesPerPair = Math.ceil(launchLicenses / sizes.products) + 1;
    productLaunches = launchImages.map((imageId, j) => ({ key: 1 + (j % sizes.launchAccounts), params: { ImageId: imageId } }));
    launchImages.forEach((_, j) => buy(launchAccountIds[j % sizes.launchAccounts], skusOf[j][0], licensesPerPair, now - DAY_MS));
    // The other licenses, in orders of 5, over the other accounts and products.
    const spread = Math.max(0, sizes.licenses - licensesPerPair * sizes.products);
    for (let g = 0; g * 5 < spread; g++) buy(ownerOf(g, 0), skusOf[g % skusOf.length][0], Math.min(5, spread - g * 5), now - g * 1000);

    const imageIds: string[] = [];
    for (let i = 0; i < sizes.customImages; i++) {
      const id = newResourceId('m');
      const owner = ownerOf(i, sizes.ownImages);
      const windows = i % 5 === 0;
      const made = now - i * 60_000;
      insert.image.run(id, REGION, 'custom', owner, `bench-image-${i}`, '', windows ? 'windows' : 'linux', windows ? 'Windows Server 2022' : 'Ubuntu', 40, null, null, 'instance', newResourceId('i'), at(made));
      insert.task.run(newResourceId('t'), owner, REGION, id, at(made), at(made + 30_000));
      imageIds.push(id);
    }
    for (let i = 0; i < sizes.instances; i++) {
      insert.instance.run(newResourceId('i'), ownerOf(i, sizes.ownInstances), REGION, systemImageId, `bench-instance-${i}`, i % 4 === 0 ? 'Stopped' : 'Running', at(now - (now % 3_600_000)), at(now - i * 30_000));
    }
    // Shares of other accounts' images, each round of the images to the next account along; one in ten of the first round to the bench account.
    const sharers = accountIds.length - 1;
    const shareable = imageIds.length - sizes.ownImages;
    for (let i = 0; i < sizes.shares; i++) {
      const imageIndex = sizes.ownImages + (i % shareable);
      const round = Math.floor(i / shareable);
      const ownerIndex = imageIndex % sharers;
      const recipient = round === 0 && i % 10 === 0 ? accountId : accountIds[1 + ((ownerIndex + 1 + round) % sharers)];
      insert.share.run(imageIds[imageIndex], accountIds[1 + ownerIndex], recipient, at(now - i * 1000));
    }
    for (let i = 0; i < sizes.auditRows; i++) {
      const account = ownerOf(i, 0);
      insert.audit.run(at(now - i * 100), `user-${account}`, account, i % 3 === 0 ? 'RunInstances' : 'DescribeInstances', null, newRequestId());
    }
  });
  if (postgres) await poolOf(db).query('ANALYZE');
  else db.$client.exec('ANALYZE');
  const count = async (table: string, where = '') => Number((await one<{ n: number }>(`SELECT count(*) AS n FROM ${table} ${where}`)).n);
  const tables = ['accounts', 'products', 'images', 'tasks', 'instances', 'orders', 'licenses', 'image_shares', 'audit_log'];
  const counts: (readonly [string, number])[] = [];
  for (const table of tables) counts.push([table, await count(table)] as const);
  counts.splice(3, 0, ['  marketplace', await count('images', "WHERE kind = 'marketplace'")]);
  return {
    seconds: (performance.now() - started) / 1000,
    counts,
    accountId,
    keys,
    systemImageId,
    systemLaunches: launchAccountIds.map((_, k) => ({ key: 1 + k, params: {} })),
    productLaunches,
    licensesPerPair,
    productPage: `/marketplace/products/${seedProducts[0].code}`,
  };
}
