// The Stratus schema. Times are stored as integer milliseconds (Drizzle's timestamp_ms mode),
// money as integer fen. Tables the auth library owns (users, sessions, credentials,
// verifications) keep the column names better-auth expects.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull();
// The references most tables carry (resolved lazily, so they may name tables defined below).
const accountRef = (column = 'account_id') => text(column).notNull().references(() => accounts.id);
const regionRef = () => text('region_id').notNull().references(() => regions.id);
const productRef = () => text('product_code').notNull().references(() => products.code);

// ─── Tenants and people ──────────────────────────────────────────────────────

/** An account is a tenant: everything a customer owns hangs off its 16-digit id. */
export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** none | applied | approved | rejected — the seller role (SEL-1). */
  sellerStatus: text('seller_status').notNull().default('none'),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
    image: text('image'),
    accountId: accountRef(),
    /** Platform operators (admin role); never settable through sign-up. */
    isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
    /** The region the console opens in, remembered per user. */
    regionId: text('region_id').notNull().default('cn-hangzhou'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_account_idx').on(t.accountId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('sessions_token_unique').on(t.token), index('sessions_user_idx').on(t.userId)],
);

/** better-auth's "account" model: how a user proves who they are (here: a password hash). */
export const credentials = sqliteTable(
  'credentials',
  {
    id: text('id').primaryKey(),
    accountId: text('provider_account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp_ms' }),
    refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp_ms' }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('credentials_user_idx').on(t.userId)],
);

export const verifications = sqliteTable('verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

// ─── Catalogue ───────────────────────────────────────────────────────────────

export const regions = sqliteTable('regions', {
  id: text('id').primaryKey(),
  sortOrder: integer('sort_order').notNull(),
});

export const instanceTypes = sqliteTable('instance_types', {
  id: text('id').primaryKey(),
  family: text('family').notNull(),
  vcpu: integer('vcpu').notNull(),
  memoryGib: integer('memory_gib').notNull(),
  hourlyPriceFen: integer('hourly_price_fen').notNull(),
});

// ─── Images and instances ────────────────────────────────────────────────────

export const images = sqliteTable(
  'images',
  {
    id: text('id').primaryKey(),
    regionId: regionRef(),
    /** system | custom | marketplace — with ownerAccountId, gives the caller's ImageOwnerAlias. */
    kind: text('kind').notNull(),
    /** The owning account of a custom image; null for platform (system, marketplace) images. */
    ownerAccountId: text('owner_account_id').references(() => accounts.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    osType: text('os_type').notNull(),
    platform: text('platform').notNull(),
    architecture: text('architecture').notNull(),
    sizeGib: integer('size_gib').notNull(),
    status: text('status').notNull(),
    productCode: text('product_code'),
    productVersion: text('product_version'),
    /** Lineage: system | instance | copy | import | published (product.md §2). */
    source: text('source').notNull(),
    sourceInstanceId: text('source_instance_id'),
    sourceImageId: text('source_image_id'),
    /** Issue 17: the image family a launch by family resolves through (newest Available, not deprecated). */
    imageFamily: text('image_family'),
    /** Issue 17: when its owner (or the product's seller) deprecated it; hidden from others' default lists, still launchable by id. */
    deprecatedAt: integer('deprecated_at', { mode: 'timestamp_ms' }),
    /** Issue 17: the image a deprecated one names as its replacement (GCE's `replacement`). */
    successorImageId: text('successor_image_id'),
    createdAt: createdAt(),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // Issue 13: DescribeImages reads each visible set in its order (created_at DESC, name) from
    // these, with the filter columns in the index so rows that do not match cost no table read.
    // Partial (issue 15): PostgreSQL does not take `deleted_at IS NULL` as an equality, so with deleted_at a column before created_at its plans could not read the list's order from the index.
    index('images_listing_idx').on(t.regionId, t.kind, sql`${t.createdAt} DESC`, t.name, t.status, t.osType, t.architecture, t.deprecatedAt).where(sql`${t.deletedAt} IS NULL`),
    index('images_owner_idx').on(t.ownerAccountId, t.regionId, t.kind, sql`${t.createdAt} DESC`, t.name, t.status, t.osType, t.architecture).where(sql`${t.deletedAt} IS NULL`),
    // The images shared with a caller are reached by id from its shares: this answers the
    // filters and the order from the index, one lookup per share instead of two.
    index('images_id_listing_idx').on(t.id, t.regionId, t.kind, t.deletedAt, t.status, t.ownerAccountId, t.osType, t.architecture, t.productCode, t.createdAt, t.name, t.deprecatedAt),
    // The selective filters (ImageName, ProductCode) find their few rows by these instead.
    index('images_region_name_idx').on(t.regionId, t.kind, t.name, t.deletedAt),
    index('images_product_idx').on(t.productCode, t.regionId, t.kind, t.deletedAt),
    // A family's images in a region, for DescribeImageFromFamily and launches by family.
    index('images_family_idx').on(t.regionId, t.imageFamily, t.deletedAt),
  ],
);

export const instances = sqliteTable(
  'instances',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    regionId: regionRef(),
    instanceTypeId: text('instance_type_id')
      .notNull()
      .references(() => instanceTypes.id),
    imageId: text('image_id')
      .notNull()
      .references(() => images.id),
    name: text('name').notNull(),
    /** Pending | Running | Stopped | Frozen | Released */
    status: text('status').notNull(),
    /** Why an instance is Stopped or Frozen when the user did not ask for it (e.g. arrears, expiry). */
    statusReason: text('status_reason'),
    /** payg (hourly) | subscription */
    billing: text('billing').notNull().default('payg'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    /** The marketplace license this instance holds (MKT-3..6); null for images without a ProductCode. */
    licenseId: text('license_id'),
    /** MKT-10: every hour before this instant is settled (charged or found idle). */
    meteredUntil: integer('metered_until', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
    releasedAt: integer('released_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    // DescribeInstances walks an account's instances newest first; region and status in the index
    // let it skip released or other-region rows and count without reading the table (issue 13).
    index('instances_account_created_idx').on(t.accountId, t.createdAt, t.regionId, t.status),
    index('instances_account_status_idx').on(t.accountId, t.status),
    index('instances_image_idx').on(t.imageId),
    // The subscription sweeps (MKT-11) find ended terms by status and end: payg rows (no end) are not visited.
    index('instances_status_expires_idx').on(t.status, t.expiresAt),
    // MKT-10: the instances the hourly sweep may still bill, oldest mark first; a released one leaves it once settled.
    index('instances_unmetered_idx')
      .on(t.meteredUntil, t.accountId, t.id)
      .where(sql`"released_at" IS NULL OR "released_at" > "metered_until"`),
    // One license, one instance (MKT-3): the database refuses a license held twice.
    uniqueIndex('instances_license_unique').on(t.licenseId),
  ],
);

/**
 * What counts toward an account's launch quotas in a region (issue 12): its instances that are
 * not Released and their vCPUs. Kept by triggers on `instances` (migration 0010), so every writer
 * keeps it right and a launch reads one row instead of counting the account's instances.
 */
export const instanceUsage = sqliteTable(
  'instance_usage',
  {
    accountId: text('account_id').notNull(),
    regionId: text('region_id').notNull(),
    instances: integer('instances').notNull().default(0),
    vcpus: integer('vcpus').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.regionId] })],
);

/** A stretch of time an instance was Running in normal state: what hourly metering charges (MKT-10). */
export const instanceRuns = sqliteTable(
  'instance_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('instance_runs_instance_idx').on(t.instanceId, t.startedAt)],
);

/** One settled instance-hour. The primary key makes settling an hour twice impossible (MKT-10). */
export const meteredHours = sqliteTable(
  'metered_hours',
  {
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    hour: integer('hour', { mode: 'timestamp_ms' }).notNull(),
    accountId: accountRef(),
    computeFen: integer('compute_fen').notNull(),
    imageFen: integer('image_fen').notNull(),
    productCode: text('product_code'),
    /** MKT-12: the wallet could not pay this hour; it went below zero and the instances stopped. */
    arrears: integer('arrears', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.instanceId, t.hour] }), index('metered_hours_account_idx').on(t.accountId, t.hour)],
);

// ─── Money: a double-entry ledger (product.md §2) ────────────────────────────

/**
 * A book that money moves between. Each account has a wallet; sellers have a payable book;
 * the platform has a revenue book and a clearing book that top-ups are paid in from, so the
 * balances of all books always sum to zero.
 */
export const ledgerBooks = sqliteTable(
  'ledger_books',
  {
    id: text('id').primaryKey(),
    /** wallet | seller_payable | platform_revenue | payment_clearing */
    kind: text('kind').notNull(),
    accountId: text('account_id').references(() => accounts.id),
    balanceFen: integer('balance_fen').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ledger_books_account_kind_unique').on(t.accountId, t.kind)],
);

/** One movement: a transfer writes two or more entries with the same transferId that sum to 0. */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transferId: text('transfer_id').notNull(),
    bookId: text('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    amountFen: integer('amount_fen').notNull(),
    /** What the movement is for, e.g. topup, purchase, compute, refund. */
    reason: text('reason').notNull(),
    /** The order, instance or hour the movement belongs to. */
    reference: text('reference'),
    /** Why a person moved the money by hand (an admin's credit or debit), shown in the ledger. */
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('ledger_entries_book_idx').on(t.bookId, t.createdAt), index('ledger_entries_transfer_idx').on(t.transferId)],
);

// ─── Cross-cutting records ───────────────────────────────────────────────────

/** ADM-3: every state-changing action, written in the same transaction as the change. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorUserId: text('actor_user_id'),
    accountId: text('account_id'),
    action: text('action').notNull(),
    target: text('target'),
    requestId: text('request_id').notNull(),
    /** ok | error */
    outcome: text('outcome').notNull(),
    errorCode: text('error_code'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_account_at_idx').on(t.accountId, t.at), index('audit_log_at_idx').on(t.at)],
);

/** IMP-8: a ClientToken remembers the parameters and the first result of a call. */
export const idempotencyRecords = sqliteTable(
  'idempotency_records',
  {
    accountId: text('account_id').notNull(),
    action: text('action').notNull(),
    clientToken: text('client_token').notNull(),
    parametersHash: text('parameters_hash').notNull(),
    result: text('result', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idempotency_unique').on(t.accountId, t.action, t.clientToken)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: accountRef(),
    /** A message key under notifications.* in the catalogues; params fill it in. */
    kind: text('kind').notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, string | number>>().notNull().default(sql`'{}'`),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_account_idx').on(t.accountId, t.createdAt)],
);

/** Durable background work (lib/jobs): a row per job, claimed with a lease so a restart resumes it. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    runAt: integer('run_at', { mode: 'timestamp_ms' }).notNull(),
    /** waiting | done | failed */
    state: text('state').notNull().default('waiting'),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  // Each lane of the worker claims its kind's due jobs in run_at order from this index.
  (t) => [index('jobs_lane_due_idx').on(t.state, t.kind, t.runAt)],
);

// ─── Marketplace (MKT-1 … MKT-8) ─────────────────────────────────────────────

export const products = sqliteTable(
  'products',
  {
    code: text('code').primaryKey(),
    sellerAccountId: accountRef('seller_account_id'),
    title: text('title').notNull(),
    category: text('category').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    osType: text('os_type').notNull(),
    platform: text('platform').notNull(),
    logoUrl: text('logo_url'),
    /** draft | in_review | listed | rejected | delisted */
    status: text('status').notNull(),
    featured: integer('featured', { mode: 'boolean' }).notNull().default(false),
    /** SEL-3: the one production interface URL that receives every lifecycle call. */
    interfaceUrl: text('interface_url'),
    /** ADM-1: why a listing was rejected, for the seller to read. */
    reviewNote: text('review_note'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    listedAt: integer('listed_at', { mode: 'timestamp_ms' }),
    delistedAt: integer('delisted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('products_status_category_idx').on(t.status, t.category),
    index('products_seller_idx').on(t.sellerAccountId),
    // The launch wizard pages the products by title (issue 13).
    index('products_status_title_idx').on(t.status, t.title, t.code),
  ],
);

/** A version of a product; its regional images are images rows with this product code and version. */
export const productVersions = sqliteTable(
  'product_versions',
  {
    productCode: productRef(),
    version: text('version').notNull(),
    sortOrder: integer('sort_order').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.productCode, t.version] })],
);

export const skus = sqliteTable(
  'skus',
  {
    code: text('code').primaryKey(),
    productCode: productRef(),
    /** free | per_instance | hourly | monthly | yearly (MKT-2) */
    pricingModel: text('pricing_model').notNull(),
    priceFen: integer('price_fen').notNull(),
  },
  (t) => [uniqueIndex('skus_product_model_unique').on(t.productCode, t.pricingModel)],
);

export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    productCode: productRef(),
    skuCode: text('sku_code')
      .notNull()
      .references(() => skus.code),
    pricingModel: text('pricing_model').notNull(),
    regionId: regionRef(),
    quantity: integer('quantity').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** paid | refunded | partially_refunded */
    status: text('status').notNull(),
    /** purchase | renewal | refund */
    kind: text('kind').notNull().default('purchase'),
    /** A refund order points at the order it refunds (REF-6). */
    refundOf: text('refund_of'),
    /** A renewal's instance, and when its term begins (REF-4: a renewal not yet started). */
    instanceId: text('instance_id'),
    termStartsAt: integer('term_starts_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('orders_account_created_idx').on(t.accountId, t.createdAt), index('orders_product_idx').on(t.productCode, t.createdAt)],
);

/** An entitlement to run one instance of a product in one region (MKT-3, MKT-7). */
export const licenses = sqliteTable(
  'licenses',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    productCode: productRef(),
    regionId: regionRef(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    pricingModel: text('pricing_model').notNull(),
    /** available | in_use | refunded | expired | released (a subscription's end, MKT-11) */
    status: text('status').notNull(),
    instanceId: text('instance_id'),
    /** REF-2: a license that was ever deployed is not refundable. */
    firstDeployedAt: integer('first_deployed_at', { mode: 'timestamp_ms' }),
    /** Subscriptions (monthly/yearly) end; one-time and free licenses do not. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    // The pool in the order a launch draws from it (oldest first), so the draw reads only what it takes.
    index('licenses_pool_idx').on(t.accountId, t.productCode, t.regionId, t.status, t.createdAt, t.id),
    // MKT-11: unused subscription licenses that end, found by status and end.
    index('licenses_status_expires_idx').on(t.status, t.expiresAt),
    uniqueIndex('licenses_instance_unique').on(t.instanceId),
  ],
);

// ─── Refunds and invoices (REF-1 … REF-7) ────────────────────────────────────

/** A buyer's request to refund an order, decided by an admin (REF-5) or refused by the rules. */
export const refundRequests = sqliteTable(
  'refund_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    accountId: accountRef(),
    reason: text('reason').notNull(),
    /** pending | approved | rejected */
    status: text('status').notNull(),
    /** Why it was rejected: the admin's words, or the rules' reasons (e.g. "deployed"). */
    decisionNote: text('decision_note'),
    refundOrderId: text('refund_order_id'),
    /** REF-3: an unstarted renewal's refund does not use up the year's allowance. */
    countsTowardLimit: integer('counts_toward_limit', { mode: 'boolean' }).notNull(),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decidedBy: text('decided_by'),
  },
  (t) => [index('refund_requests_status_idx').on(t.status, t.requestedAt), index('refund_requests_account_idx').on(t.accountId, t.requestedAt), index('refund_requests_order_idx').on(t.orderId)],
);

/** REF-7: an electronic invoice for an order; it must be voided before the order can be refunded. */
export const invoices = sqliteTable('invoices', {
  orderId: text('order_id')
    .primaryKey()
    .references(() => orders.id),
  accountId: accountRef(),
  title: text('title').notNull(),
  taxId: text('tax_id'),
  /** issued | voided */
  status: text('status').notNull(),
  issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
  voidedAt: integer('voided_at', { mode: 'timestamp_ms' }),
});

// ─── Tasks (CreateImage, CopyImage, ImportImage) ─────────────────────────────

export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    regionId: text('region_id').notNull(),
    /** CreateImage | CopyImage | ImportImage */
    action: text('action').notNull(),
    /** Waiting | Processing | Finished | Failed | Cancelled (IMP-7) */
    status: text('status').notNull(),
    progress: integer('progress').notNull().default(0),
    /** The image the task makes. */
    imageId: text('image_id').notNull(),
    /** What an import reads and how far it got (bucket, object, format, bytes copied). */
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    failureReason: text('failure_reason'),
    createdAt: createdAt(),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('tasks_account_created_idx').on(t.accountId, t.createdAt),
    // DescribeImages looks up the open task of each image on the page (withViews), DeleteImage an image's tasks.
    index('tasks_image_idx').on(t.imageId),
  ],
);

/** ADM-4: operator-set limits; lib/domain/settings.ts holds the defaults. */
export const platformSettings = sqliteTable('platform_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * One row (id 1): a counter that triggers (migration 0010) bump in the transaction of every
 * change the public marketplace pages show. It keys their cache, so every server process sees
 * a change on its next request (lib/services/marketplace-cache.ts).
 */
export const marketplaceRevision = sqliteTable('marketplace_revision', {
  id: integer('id').primaryKey(),
  revision: integer('revision').notNull(),
});

// ─── Sharing custom images (SHR-1 … SHR-13) ──────────────────────────────────

/**
 * One account's access to another account's custom image. A removed or declined share keeps
 * its row (removedAt, removedBy): the day's share count (SHR-4) counts every share made.
 */
export const imageShares = sqliteTable(
  'image_shares',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    imageId: text('image_id')
      .notNull()
      .references(() => images.id),
    ownerAccountId: accountRef('owner_account_id'),
    recipientAccountId: accountRef('recipient_account_id'),
    sharedAt: integer('shared_at', { mode: 'timestamp_ms' }).notNull(),
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
    /** owner (unshared) | recipient (declined, SHR-8) | deleted (the image was deleted) */
    removedBy: text('removed_by'),
  },
  (t) => [
    uniqueIndex('image_shares_active_unique').on(t.imageId, t.recipientAccountId).where(sql`${t.removedAt} IS NULL`),
    index('image_shares_recipient_idx').on(t.recipientAccountId, t.removedAt, t.imageId),
    index('image_shares_owner_day_idx').on(t.ownerAccountId, t.sharedAt),
  ],
);

// ─── Object storage and import authorisation (IMP-1, IMP-2) ──────────────────

export const buckets = sqliteTable(
  'buckets',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    regionId: regionRef(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('buckets_account_region_name_unique').on(t.accountId, t.regionId, t.name)],
);

export const objects = sqliteTable(
  'objects',
  {
    id: text('id').primaryKey(),
    bucketId: text('bucket_id')
      .notNull()
      .references(() => buckets.id),
    key: text('key').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    contentType: text('content_type').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('objects_bucket_key_unique').on(t.bucketId, t.key)],
);

/** IMP-2: roles an account granted, e.g. AliyunECSImageImportDefaultRole with its policy actions. */
export const accountRoles = sqliteTable(
  'account_roles',
  {
    accountId: accountRef(),
    roleName: text('role_name').notNull(),
    policy: text('policy', { mode: 'json' }).$type<{ actions: string[] }>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.roleName] })],
);

// ─── The ECS-compatible API (API-1 … API-5) ──────────────────────────────────

/** An AccessKey pair. The secret is needed to check HMAC signatures, so it is kept encrypted, not hashed. */
export const accessKeys = sqliteTable(
  'access_keys',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    /** active | disabled */
    status: text('status').notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('access_keys_account_idx').on(t.accountId)],
);

/** API-2: nonces seen in the last 15 minutes, per AccessKey, so a replayed request is refused. */
export const apiNonces = sqliteTable(
  'api_nonces',
  {
    accessKeyId: text('access_key_id').notNull(),
    nonce: text('nonce').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accessKeyId, t.nonce] }), index('api_nonces_expiry_idx').on(t.expiresAt)],
);

// ─── Sellers (SEL-1 … SEL-8) ─────────────────────────────────────────────────

/** SEL-1: an account's application to sell, with the seed's conditions, decided by an admin. */
export const sellerApplications = sqliteTable(
  'seller_applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: accountRef(),
    companyName: text('company_name').notNull(),
    /** YYYY-MM-DD; at least a year before the application. */
    foundedOn: text('founded_on').notNull(),
    registeredCapitalFen: integer('registered_capital_fen').notNull(),
    staffCount: integer('staff_count').notNull(),
    /** e.g. 5x8, 7x12, 7x24 */
    supportHours: text('support_hours').notNull(),
    contactEmail: text('contact_email').notNull(),
    agreementAcceptedAt: integer('agreement_accepted_at', { mode: 'timestamp_ms' }).notNull(),
    /** pending | approved | rejected */
    status: text('status').notNull(),
    decisionNote: text('decision_note'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decidedBy: text('decided_by'),
  },
  (t) => [index('seller_applications_status_idx').on(t.status, t.submittedAt), index('seller_applications_account_idx').on(t.accountId)],
);

/**
 * SEL-7: which of the seller's own custom images make up each version of a product, one per
 * region. When the listing is approved, each becomes a marketplace image with the product code.
 */
export const productVersionImages = sqliteTable(
  'product_version_images',
  {
    productCode: productRef(),
    version: text('version').notNull(),
    regionId: regionRef(),
    sourceImageId: text('source_image_id')
      .notNull()
      .references(() => images.id),
  },
  (t) => [primaryKey({ columns: [t.productCode, t.version, t.regionId] })],
);

/** SEL-2: a seller's signing key. The secret signs lifecycle calls, so it is kept encrypted, not hashed. */
export const sellerKeys = sqliteTable(
  'seller_keys',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    secretEncrypted: text('secret_encrypted').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('seller_keys_account_idx').on(t.accountId, t.createdAt)],
);

/** SEL-6: the last debugging call of each activity to a product's interface, and whether it passed. */
export const interfaceChecks = sqliteTable(
  'interface_checks',
  {
    productCode: productRef(),
    activity: text('activity').notNull(),
    url: text('url').notNull(),
    passedAt: integer('passed_at', { mode: 'timestamp_ms' }),
    /** The request, the response and the verdict, as shown to the seller. */
    exchange: text('exchange', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    checkedAt: integer('checked_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productCode, t.activity] })],
);

/**
 * SEL-3 … SEL-5: the outbox. A lifecycle call is written in the transaction of the change it
 * reports, with its body fixed, so every retry sends the same bytes; the worker delivers it.
 */
export const sellerDeliveries = sqliteTable(
  'seller_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sellerAccountId: accountRef('seller_account_id'),
    productCode: productRef(),
    activity: text('activity').notNull(),
    orderId: text('order_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    instanceId: text('instance_id'),
    body: text('body').notNull(),
    /** pending | delivered | failed (gave up after the retry period) */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('seller_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('seller_deliveries_seller_idx').on(t.sellerAccountId, t.createdAt)],
);

/** Each try of a delivery: what the seller answered, how long it took, and the verdict. */
export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => sellerDeliveries.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    url: text('url').notNull(),
    keyId: text('key_id'),
    httpStatus: integer('http_status'),
    latencyMs: integer('latency_ms').notNull(),
    resultCode: text('result_code'),
    response: text('response'),
    /** ok, or why it failed: unreachable, timeout, httpError, badBodySign, badAnswer, resultCode, noKey, noUrl */
    verdict: text('verdict').notNull(),
    /** true when a person replayed the delivery by hand */
    manual: integer('manual', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('delivery_attempts_delivery_idx').on(t.deliveryId, t.at)],
);

// ─── Production safety ───────────────────────────────────────────────────────

/**
 * Money paid in through the operator's payment gateway, one row per gateway payment id, so
 * the same notification twice credits once.
 */
export const gatewayPayments = sqliteTable('gateway_payments', {
  paymentId: text('payment_id').primaryKey(),
  accountId: accountRef(),
  amountFen: integer('amount_fen').notNull(),
  transferId: text('transfer_id').notNull(),
  /** When the gateway says the payment was made. */
  paidAt: integer('paid_at', { mode: 'timestamp_ms' }).notNull(),
  receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Counters of rate-limiter-flexible's Drizzle store (sign-in and sign-up throttling): shared by every process, kept across restarts. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull().default(0),
    expire: integer('expire', { mode: 'timestamp_ms' }),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);

// ─── Scaling groups (MKT-9) ──────────────────────────────────────────────────

/** A scaling group keeps `desired` instances of one image running, within [min, max]. */
export const scalingGroups = sqliteTable(
  'scaling_groups',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    name: text('name').notNull(),
    regionId: regionRef(),
    imageId: text('image_id')
      .notNull()
      .references(() => images.id),
    /** Issue 17: a group may follow an image family (each scale-out launches its newest image); null launches imageId. */
    imageFamily: text('image_family'),
    instanceTypeId: text('instance_type_id')
      .notNull()
      .references(() => instanceTypes.id),
    minSize: integer('min_size').notNull(),
    maxSize: integer('max_size').notNull(),
    desired: integer('desired').notNull(),
    /** oldest | newest: which members a scale-in releases first. */
    removalPolicy: text('removal_policy').notNull(),
    /** reserve (licenses bought for max up front) | buy (each scale-out buys what it lacks, up to the cap). */
    licenseMode: text('license_mode').notNull(),
    /** The SKU a scale-out or a reservation buys; null for an image without a product code. */
    skuCode: text('sku_code'),
    spendingCapFen: integer('spending_cap_fen').notNull().default(0),
    /** What scale-outs have spent on licenses so far, against the cap. */
    spentFen: integer('spent_fen').notNull().default(0),
    /** The error code of the scale-out failing now: one activity and one notification per failure, not one a minute. */
    failingCode: text('failing_code'),
    /** How many passes in a row failed, and when the sweep tries again (retryDelayMs). */
    failures: integer('failures').notNull().default(0),
    retryAt: integer('retry_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scaling_groups_account_name_unique').on(t.accountId, t.regionId, t.name)],
);

/** The instances a group launched and still counts. */
export const scalingMembers = sqliteTable(
  'scaling_members',
  {
    instanceId: text('instance_id')
      .primaryKey()
      .references(() => instances.id),
    groupId: text('group_id')
      .notNull()
      .references(() => scalingGroups.id, { onDelete: 'cascade' }),
    joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('scaling_members_group_idx').on(t.groupId, t.joinedAt)],
);

/** The history of a group: each scale-out and scale-in with its cause, result and reason. */
export const scalingActivities = sqliteTable(
  'scaling_activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: text('group_id')
      .notNull()
      .references(() => scalingGroups.id, { onDelete: 'cascade' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** desired | schedule | health | reserve */
    cause: text('cause').notNull(),
    /** How many instances were added (> 0) or removed (< 0), or asked for when it failed. */
    change: integer('change').notNull(),
    /** ok | failed */
    result: text('result').notNull(),
    reasonCode: text('reason_code'),
    reasonParams: text('reason_params', { mode: 'json' }).$type<Record<string, string | number>>(),
    /** The members after the activity. */
    capacity: integer('capacity').notNull(),
  },
  (t) => [index('scaling_activities_group_idx').on(t.groupId, t.at)],
);

/** At a time, set the group's desired capacity to N (uses the movable clock). */
export const scalingSchedules = sqliteTable(
  'scaling_schedules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: text('group_id')
      .notNull()
      .references(() => scalingGroups.id, { onDelete: 'cascade' }),
    runAt: integer('run_at', { mode: 'timestamp_ms' }).notNull(),
    desired: integer('desired').notNull(),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('scaling_schedules_due_idx').on(t.doneAt, t.runAt)],
);
