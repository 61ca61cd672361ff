// The tables the app reads and writes (issue 15): SQLite's (db/schema.sqlite.ts, which documents
// every table and column) or, on PostgreSQL, the same tables in its types (db/schema.pg.ts;
// db/schema-parity.test.ts keeps them alike). The code is written once against SQLite's
// declarations; Drizzle builds each query from the chosen engine's tables, so a time is a Date
// and money a number on both.
import { onPostgres } from './engine';
import * as pg from './schema.pg';
import * as sqlite from './schema.sqlite';

const tables = (onPostgres ? pg : sqlite) as unknown as typeof sqlite;

export const { accounts, users, sessions, credentials, verifications, regions, instanceTypes, images, instances, instanceUsage, instanceRuns, meteredHours, ledgerBooks, ledgerEntries, auditLog, idempotencyRecords, notifications, jobs, products, productVersions, skus, orders, licenses, refundRequests, invoices, tasks, platformSettings, marketplaceRevision, imageShares, buckets, objects, accountRoles, accessKeys, apiNonces, sellerApplications, productVersionImages, sellerKeys, interfaceChecks, sellerDeliveries, deliveryAttempts, gatewayPayments, rateLimits, scalingGroups, scalingMembers, scalingActivities, scalingSchedules } = tables;
