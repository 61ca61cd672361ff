// The Stratus schema on PostgreSQL (issue 15): table by table the same as db/schema.ts, which
// documents every table and column; db/schema-parity.test.ts fails when the two drift apart.
// Types: times are timestamptz read as Date (the app's type for them, as timestamp_ms gives on
// SQLite; microsecond precision keeps every millisecond); money in fen and byte sizes are bigint
// read as number (an int4 ends at ¥21 million or 2 GiB; fen stay far below 2^53); flags are
// boolean; JSON is jsonb; SQLite's autoincrement ids (64-bit rowids) are bigint identity
// columns, BY DEFAULT so that a copy of an installation keeps its ids. The triggers are
// hand-written at the end of the baseline migration (db/migrations-pg).
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ms = { withTimezone: true, mode: 'date' } as const;

const createdAt = () => timestamp('created_at', ms).notNull();
const accountRef = (column = 'account_id') => text(column).notNull().references(() => accounts.id);
const regionRef = () => text('region_id').notNull().references(() => regions.id);
const productRef = () => text('product_code').notNull().references(() => products.code);

// ─── Tenants and people ──────────────────────────────────────────────────────

export const accounts = pgTable('accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sellerStatus: text('seller_status').notNull().default('none'),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    accountId: accountRef(),
    isAdmin: boolean('is_admin').notNull().default(false),
    regionId: text('region_id').notNull().default('cn-hangzhou'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', ms).notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_account_idx').on(t.accountId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', ms).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', ms).notNull(),
  },
  (t) => [uniqueIndex('sessions_token_unique').on(t.token), index('sessions_user_idx').on(t.userId)],
);

export const credentials = pgTable(
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
    accessTokenExpiresAt: timestamp('access_token_expires_at', ms),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', ms),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', ms).notNull(),
  },
  (t) => [index('credentials_user_idx').on(t.userId)],
);

export const verifications = pgTable('verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: timestamp('expires_at', ms).notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', ms).notNull(),
});

// ─── Catalogue ───────────────────────────────────────────────────────────────

export const regions = pgTable('regions', {
  id: text('id').primaryKey(),
  sortOrder: integer('sort_order').notNull(),
});

export const instanceTypes = pgTable('instance_types', {
  id: text('id').primaryKey(),
  family: text('family').notNull(),
  vcpu: integer('vcpu').notNull(),
  memoryGib: integer('memory_gib').notNull(),
  hourlyPriceFen: bigint('hourly_price_fen', { mode: 'number' }).notNull(),
});

// ─── Images and instances ────────────────────────────────────────────────────

export const images = pgTable(
  'images',
  {
    id: text('id').primaryKey(),
    regionId: regionRef(),
    kind: text('kind').notNull(),
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
    source: text('source').notNull(),
    sourceInstanceId: text('source_instance_id'),
    sourceImageId: text('source_image_id'),
    imageFamily: text('image_family'),
    deprecatedAt: timestamp('deprecated_at', ms),
    successorImageId: text('successor_image_id'),
    createdAt: createdAt(),
    deletedAt: timestamp('deleted_at', ms),
  },
  (t) => [
    // Partial: PostgreSQL does not take `deleted_at IS NULL` as an equality, so with deleted_at a column before created_at it could not read the list's order from the index.
    index('images_listing_idx').on(t.regionId, t.kind, t.createdAt.desc().nullsFirst(), t.name, t.status, t.osType, t.architecture, t.deprecatedAt).where(sql`${t.deletedAt} IS NULL`),
    index('images_owner_idx').on(t.ownerAccountId, t.regionId, t.kind, t.createdAt.desc().nullsFirst(), t.name, t.status, t.osType, t.architecture).where(sql`${t.deletedAt} IS NULL`),
    index('images_id_listing_idx').on(t.id, t.regionId, t.kind, t.deletedAt, t.status, t.ownerAccountId, t.osType, t.architecture, t.productCode, t.createdAt, t.name, t.deprecatedAt),
    index('images_region_name_idx').on(t.regionId, t.kind, t.name, t.deletedAt),
    index('images_product_idx').on(t.productCode, t.regionId, t.kind, t.deletedAt),
    index('images_family_idx').on(t.regionId, t.imageFamily, t.deletedAt),
  ],
);

export const instances = pgTable(
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
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    billing: text('billing').notNull().default('payg'),
    expiresAt: timestamp('expires_at', ms),
    licenseId: text('license_id'),
    meteredUntil: timestamp('metered_until', ms).notNull(),
    createdAt: createdAt(),
    releasedAt: timestamp('released_at', ms),
  },
  (t) => [
    index('instances_account_created_idx').on(t.accountId, t.createdAt, t.regionId, t.status),
    index('instances_account_status_idx').on(t.accountId, t.status),
    index('instances_image_idx').on(t.imageId),
    index('instances_status_expires_idx').on(t.status, t.expiresAt),
    index('instances_unmetered_idx')
      .on(t.meteredUntil, t.accountId, t.id)
      .where(sql`"released_at" IS NULL OR "released_at" > "metered_until"`),
    uniqueIndex('instances_license_unique').on(t.licenseId),
  ],
);

export const instanceUsage = pgTable(
  'instance_usage',
  {
    accountId: text('account_id').notNull(),
    regionId: text('region_id').notNull(),
    instances: integer('instances').notNull().default(0),
    vcpus: integer('vcpus').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.regionId] })],
);

export const instanceRuns = pgTable(
  'instance_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    startedAt: timestamp('started_at', ms).notNull(),
    endedAt: timestamp('ended_at', ms),
  },
  (t) => [index('instance_runs_instance_idx').on(t.instanceId, t.startedAt)],
);

export const meteredHours = pgTable(
  'metered_hours',
  {
    instanceId: text('instance_id')
      .notNull()
      .references(() => instances.id),
    hour: timestamp('hour', ms).notNull(),
    accountId: accountRef(),
    computeFen: bigint('compute_fen', { mode: 'number' }).notNull(),
    imageFen: bigint('image_fen', { mode: 'number' }).notNull(),
    productCode: text('product_code'),
    arrears: boolean('arrears').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.instanceId, t.hour] }), index('metered_hours_account_idx').on(t.accountId, t.hour)],
);

// ─── Money: a double-entry ledger (product.md §2) ────────────────────────────

export const ledgerBooks = pgTable(
  'ledger_books',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    accountId: text('account_id').references(() => accounts.id),
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ledger_books_account_kind_unique').on(t.accountId, t.kind)],
);

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    transferId: text('transfer_id').notNull(),
    bookId: text('book_id')
      .notNull()
      .references(() => ledgerBooks.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    reference: text('reference'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('ledger_entries_book_idx').on(t.bookId, t.createdAt), index('ledger_entries_transfer_idx').on(t.transferId)],
);

// ─── Cross-cutting records ───────────────────────────────────────────────────

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', ms).notNull(),
    actorUserId: text('actor_user_id'),
    accountId: text('account_id'),
    action: text('action').notNull(),
    target: text('target'),
    requestId: text('request_id').notNull(),
    outcome: text('outcome').notNull(),
    errorCode: text('error_code'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_account_at_idx').on(t.accountId, t.at), index('audit_log_at_idx').on(t.at)],
);

export const idempotencyRecords = pgTable(
  'idempotency_records',
  {
    accountId: text('account_id').notNull(),
    action: text('action').notNull(),
    clientToken: text('client_token').notNull(),
    parametersHash: text('parameters_hash').notNull(),
    result: jsonb('result').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idempotency_unique').on(t.accountId, t.action, t.clientToken)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    accountId: accountRef(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default(sql`'{}'::jsonb`),
    readAt: timestamp('read_at', ms),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_account_idx').on(t.accountId, t.createdAt)],
);

export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    runAt: timestamp('run_at', ms).notNull(),
    state: text('state').notNull().default('waiting'),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: timestamp('lease_until', ms),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('jobs_lane_due_idx').on(t.state, t.kind, t.runAt)],
);

// ─── Marketplace (MKT-1 … MKT-8) ─────────────────────────────────────────────

export const products = pgTable(
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
    status: text('status').notNull(),
    featured: boolean('featured').notNull().default(false),
    interfaceUrl: text('interface_url'),
    reviewNote: text('review_note'),
    submittedAt: timestamp('submitted_at', ms),
    createdAt: createdAt(),
    listedAt: timestamp('listed_at', ms),
    delistedAt: timestamp('delisted_at', ms),
  },
  (t) => [
    index('products_status_category_idx').on(t.status, t.category),
    index('products_seller_idx').on(t.sellerAccountId),
    index('products_status_title_idx').on(t.status, t.title, t.code),
  ],
);

/**
 * PostgreSQL only: the marketplace search text, what SQLite keeps in its FTS5 table products_fts
 * (hand-written in db/migrations/0002, outside db/schema.ts), lower-cased. pg_trgm's GIN indexes
 * make `LIKE '%word%'` an index search, Chinese included, without a segmenter.
 * Only lib/services/product-search.ts reads or writes it.
 */
export const productsSearch = pgTable(
  'products_search',
  {
    code: text('code').primaryKey(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    seller: text('seller').notNull(),
  },
  (t) => [
    index('products_search_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('products_search_summary_trgm_idx').using('gin', t.summary.op('gin_trgm_ops')),
    index('products_search_description_trgm_idx').using('gin', t.description.op('gin_trgm_ops')),
    index('products_search_seller_trgm_idx').using('gin', t.seller.op('gin_trgm_ops')),
  ],
);

export const productVersions = pgTable(
  'product_versions',
  {
    productCode: productRef(),
    version: text('version').notNull(),
    sortOrder: integer('sort_order').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.productCode, t.version] })],
);

export const skus = pgTable(
  'skus',
  {
    code: text('code').primaryKey(),
    productCode: productRef(),
    pricingModel: text('pricing_model').notNull(),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('skus_product_model_unique').on(t.productCode, t.pricingModel)],
);

export const orders = pgTable(
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
    unitPriceFen: bigint('unit_price_fen', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    kind: text('kind').notNull().default('purchase'),
    refundOf: text('refund_of'),
    instanceId: text('instance_id'),
    termStartsAt: timestamp('term_starts_at', ms),
    createdAt: createdAt(),
  },
  (t) => [index('orders_account_created_idx').on(t.accountId, t.createdAt), index('orders_product_idx').on(t.productCode, t.createdAt)],
);

export const licenses = pgTable(
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
    status: text('status').notNull(),
    instanceId: text('instance_id'),
    firstDeployedAt: timestamp('first_deployed_at', ms),
    expiresAt: timestamp('expires_at', ms),
    createdAt: createdAt(),
  },
  (t) => [
    index('licenses_pool_idx').on(t.accountId, t.productCode, t.regionId, t.status, t.createdAt, t.id),
    index('licenses_status_expires_idx').on(t.status, t.expiresAt),
    uniqueIndex('licenses_instance_unique').on(t.instanceId),
  ],
);

// ─── Refunds and invoices (REF-1 … REF-7) ────────────────────────────────────

export const refundRequests = pgTable(
  'refund_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    accountId: accountRef(),
    reason: text('reason').notNull(),
    status: text('status').notNull(),
    decisionNote: text('decision_note'),
    refundOrderId: text('refund_order_id'),
    countsTowardLimit: boolean('counts_toward_limit').notNull(),
    requestedAt: timestamp('requested_at', ms).notNull(),
    decidedAt: timestamp('decided_at', ms),
    decidedBy: text('decided_by'),
  },
  (t) => [index('refund_requests_status_idx').on(t.status, t.requestedAt), index('refund_requests_account_idx').on(t.accountId, t.requestedAt), index('refund_requests_order_idx').on(t.orderId)],
);

export const invoices = pgTable('invoices', {
  orderId: text('order_id')
    .primaryKey()
    .references(() => orders.id),
  accountId: accountRef(),
  title: text('title').notNull(),
  taxId: text('tax_id'),
  status: text('status').notNull(),
  issuedAt: timestamp('issued_at', ms).notNull(),
  voidedAt: timestamp('voided_at', ms),
});

// ─── Tasks (CreateImage, CopyImage, ImportImage) ─────────────────────────────

export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    regionId: text('region_id').notNull(),
    action: text('action').notNull(),
    status: text('status').notNull(),
    progress: integer('progress').notNull().default(0),
    imageId: text('image_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    failureReason: text('failure_reason'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', ms),
  },
  (t) => [
    index('tasks_account_created_idx').on(t.accountId, t.createdAt),
    index('tasks_image_idx').on(t.imageId),
  ],
);

export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', ms).notNull(),
});

export const marketplaceRevision = pgTable('marketplace_revision', {
  id: integer('id').primaryKey(),
  revision: integer('revision').notNull(),
});

// ─── Sharing custom images (SHR-1 … SHR-13) ──────────────────────────────────

export const imageShares = pgTable(
  'image_shares',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    imageId: text('image_id')
      .notNull()
      .references(() => images.id),
    ownerAccountId: accountRef('owner_account_id'),
    recipientAccountId: accountRef('recipient_account_id'),
    sharedAt: timestamp('shared_at', ms).notNull(),
    removedAt: timestamp('removed_at', ms),
    removedBy: text('removed_by'),
  },
  (t) => [
    uniqueIndex('image_shares_active_unique').on(t.imageId, t.recipientAccountId).where(sql`${t.removedAt} IS NULL`),
    index('image_shares_recipient_idx').on(t.recipientAccountId, t.removedAt, t.imageId),
    index('image_shares_owner_day_idx').on(t.ownerAccountId, t.sharedAt),
  ],
);

// ─── Object storage and import authorisation (IMP-1, IMP-2) ──────────────────

export const buckets = pgTable(
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

export const objects = pgTable(
  'objects',
  {
    id: text('id').primaryKey(),
    bucketId: text('bucket_id')
      .notNull()
      .references(() => buckets.id),
    key: text('key').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    contentType: text('content_type').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('objects_bucket_key_unique').on(t.bucketId, t.key)],
);

export const accountRoles = pgTable(
  'account_roles',
  {
    accountId: accountRef(),
    roleName: text('role_name').notNull(),
    policy: jsonb('policy').$type<{ actions: string[] }>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.roleName] })],
);

// ─── The ECS-compatible API (API-1 … API-5) ──────────────────────────────────

export const accessKeys = pgTable(
  'access_keys',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    status: text('status').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', ms),
  },
  (t) => [index('access_keys_account_idx').on(t.accountId)],
);

export const apiNonces = pgTable(
  'api_nonces',
  {
    accessKeyId: text('access_key_id').notNull(),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', ms).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accessKeyId, t.nonce] }), index('api_nonces_expiry_idx').on(t.expiresAt)],
);

// ─── Sellers (SEL-1 … SEL-8) ─────────────────────────────────────────────────

export const sellerApplications = pgTable(
  'seller_applications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    accountId: accountRef(),
    companyName: text('company_name').notNull(),
    foundedOn: text('founded_on').notNull(),
    registeredCapitalFen: bigint('registered_capital_fen', { mode: 'number' }).notNull(),
    staffCount: integer('staff_count').notNull(),
    supportHours: text('support_hours').notNull(),
    contactEmail: text('contact_email').notNull(),
    agreementAcceptedAt: timestamp('agreement_accepted_at', ms).notNull(),
    status: text('status').notNull(),
    decisionNote: text('decision_note'),
    submittedAt: timestamp('submitted_at', ms).notNull(),
    decidedAt: timestamp('decided_at', ms),
    decidedBy: text('decided_by'),
  },
  (t) => [index('seller_applications_status_idx').on(t.status, t.submittedAt), index('seller_applications_account_idx').on(t.accountId)],
);

export const productVersionImages = pgTable(
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

export const sellerKeys = pgTable(
  'seller_keys',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    secretEncrypted: text('secret_encrypted').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('seller_keys_account_idx').on(t.accountId, t.createdAt)],
);

export const interfaceChecks = pgTable(
  'interface_checks',
  {
    productCode: productRef(),
    activity: text('activity').notNull(),
    url: text('url').notNull(),
    passedAt: timestamp('passed_at', ms),
    exchange: jsonb('exchange').$type<Record<string, unknown>>().notNull(),
    checkedAt: timestamp('checked_at', ms).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productCode, t.activity] })],
);

export const sellerDeliveries = pgTable(
  'seller_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    sellerAccountId: accountRef('seller_account_id'),
    productCode: productRef(),
    activity: text('activity').notNull(),
    orderId: text('order_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    instanceId: text('instance_id'),
    body: text('body').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', ms).notNull(),
    leaseUntil: timestamp('lease_until', ms),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: timestamp('delivered_at', ms),
  },
  (t) => [index('seller_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('seller_deliveries_seller_idx').on(t.sellerAccountId, t.createdAt)],
);

export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => sellerDeliveries.id),
    at: timestamp('at', ms).notNull(),
    url: text('url').notNull(),
    keyId: text('key_id'),
    httpStatus: integer('http_status'),
    latencyMs: integer('latency_ms').notNull(),
    resultCode: text('result_code'),
    response: text('response'),
    verdict: text('verdict').notNull(),
    manual: boolean('manual').notNull().default(false),
  },
  (t) => [index('delivery_attempts_delivery_idx').on(t.deliveryId, t.at)],
);

// ─── Production safety ───────────────────────────────────────────────────────

export const gatewayPayments = pgTable('gateway_payments', {
  paymentId: text('payment_id').primaryKey(),
  accountId: accountRef(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  transferId: text('transfer_id').notNull(),
  paidAt: timestamp('paid_at', ms).notNull(),
  receivedAt: timestamp('received_at', ms).notNull(),
});

export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull().default(0),
    expire: timestamp('expire', ms),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);

// ─── Scaling groups (MKT-9) ──────────────────────────────────────────────────

export const scalingGroups = pgTable(
  'scaling_groups',
  {
    id: text('id').primaryKey(),
    accountId: accountRef(),
    name: text('name').notNull(),
    regionId: regionRef(),
    imageId: text('image_id')
      .notNull()
      .references(() => images.id),
    imageFamily: text('image_family'),
    instanceTypeId: text('instance_type_id')
      .notNull()
      .references(() => instanceTypes.id),
    minSize: integer('min_size').notNull(),
    maxSize: integer('max_size').notNull(),
    desired: integer('desired').notNull(),
    removalPolicy: text('removal_policy').notNull(),
    licenseMode: text('license_mode').notNull(),
    skuCode: text('sku_code'),
    spendingCapFen: bigint('spending_cap_fen', { mode: 'number' }).notNull().default(0),
    spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
    failingCode: text('failing_code'),
    failures: integer('failures').notNull().default(0),
    retryAt: timestamp('retry_at', ms),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('scaling_groups_account_name_unique').on(t.accountId, t.regionId, t.name)],
);

export const scalingMembers = pgTable(
  'scaling_members',
  {
    instanceId: text('instance_id')
      .primaryKey()
      .references(() => instances.id),
    groupId: text('group_id')
      .notNull()
      .references(() => scalingGroups.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', ms).notNull(),
  },
  (t) => [index('scaling_members_group_idx').on(t.groupId, t.joinedAt)],
);

export const scalingActivities = pgTable(
  'scaling_activities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    groupId: text('group_id')
      .notNull()
      .references(() => scalingGroups.id, { onDelete: 'cascade' }),
    at: timestamp('at', ms).notNull(),
    cause: text('cause').notNull(),
    change: integer('change').notNull(),
    result: text('result').notNull(),
    reasonCode: text('reason_code'),
    reasonParams: jsonb('reason_params').$type<Record<string, string | number>>(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [index('scaling_activities_group_idx').on(t.groupId, t.at)],
);

export const scalingSchedules = pgTable(
  'scaling_schedules',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    groupId: text('group_id')
      .notNull()
      .references(() => scalingGroups.id, { onDelete: 'cascade' }),
    runAt: timestamp('run_at', ms).notNull(),
    desired: integer('desired').notNull(),
    doneAt: timestamp('done_at', ms),
  },
  (t) => [index('scaling_schedules_due_idx').on(t.doneAt, t.runAt)],
);
