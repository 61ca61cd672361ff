// The environment, validated once (zod at every boundary, the environment included).
import path from 'node:path';
import { z } from 'zod';
import { MIN_PAYMENT_SECRET_LENGTH } from './domain/gateway-signature';
import type { Mode } from './domain/settings';

/** 'false' or nothing: no port; else a comma-separated list. 'true' (every port) is refused. */
function parseLocalPorts(raw: string, ctx: z.RefinementCtx): number[] {
  const v = raw.replaceAll(' ', '');
  if (v === '' || v === 'false') return [];
  const ports = v.split(',').map((p) => (/^\d{1,5}$/.test(p) ? Number(p) : NaN));
  if (v === 'true' || ports.some((p) => !(p >= 1 && p <= 65535))) {
    ctx.addIssue({ code: 'custom', message: `list the ports a local receiver listens on, e.g. STRATUS_ALLOW_LOCAL_INTERFACES=8080 or 8080,8081 (got "${raw}")` });
    return z.NEVER;
  }
  return ports;
}

const schema = z.object({
  STRATUS_MODE: z.enum(['production', 'demo', 'test']).default('production'),
  STRATUS_DATA_DIR: z.string().min(1).default('data'),
  STRATUS_BOOT_SECONDS: z.coerce.number().min(0).max(600).default(3),
  STRATUS_STORAGE_DIR: z.string().min(1).optional(),
  /** How long a claimed job is someone's before another worker may take it over after a crash. */
  STRATUS_JOB_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  /** The largest object an upload may write, in bytes (default 64 GiB). */
  STRATUS_MAX_OBJECT_BYTES: z.coerce.number().int().min(1).default(64 * 1024 ** 3),
  /** SEL-4: the local ports sellers' interfaces may reach over plain http (a local reference receiver). */
  STRATUS_ALLOW_LOCAL_INTERFACES: z.string().default('false').transform(parseLocalPorts),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** The operator's payment gateway signs its notifications with this (docs/payments.md); unset, the endpoint is off. */
  STRATUS_PAYMENT_SECRET: z.string().min(MIN_PAYMENT_SECRET_LENGTH).optional(),
  BETTER_AUTH_URL: z.string().url().optional(),
  /** Which proxy hops in front of the server may be believed about the client (X-Forwarded-For, -Proto): 'false', 'true' (one) or a count. */
  STRATUS_TRUSTED_PROXY: z.union([z.enum(['true', 'false']), z.coerce.number().int().min(0).max(10)]).default('false'),
  /** The largest ECS API request body the server reads, in bytes (default 1 MiB). */
  STRATUS_API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1024 ** 2),
  /**
   * Server processes sharing the port and the database (default 1). More serve more pages and
   * reads at once, but share SQLite's one write lock, and a process that finds it taken sleeps
   * at least a millisecond: measured on 2 cores, launches fell from 970/s to 340/s with 2
   * (docs/benchmarks.md). Test mode keeps 1: its movable clock is the process's.
   */
  STRATUS_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /** 'off' in a process that must not run the background jobs (the other processes of a cluster). */
  STRATUS_JOBS: z.enum(['on', 'off']).default('on'),
  /** PostgreSQL: the connections each app process keeps to the database (issue 15). */
  STRATUS_DATABASE_POOL: z.coerce.number().int().min(1).max(200).default(10),
  PORT: z.string().optional(),
});

export type Config = {
  mode: Mode;
  dataDir: string;
  databaseFile: string;
  /** PostgreSQL (DATABASE_URL): the size of each process's connection pool. */
  databasePoolSize: number;
  bootSeconds: number;
  /** Uploaded objects and imported disks live here. */
  storageDir: string;
  maxObjectBytes: number;
  jobLeaseMs: number;
  /** SEL-4: local ports sellers' interfaces may reach outside test mode (none by default). */
  localInterfacePorts: number[];
  authSecret?: string;
  paymentSecret?: string;
  /** The public URL of the site (BETTER_AUTH_URL, else http://localhost:$PORT): the origin of every redirect. */
  siteUrl: string;
  /** Proxy hops whose forwarding headers are believed (0: none, use the socket address). */
  trustedProxyHops: number;
  apiMaxBodyBytes: number;
  /** How many server processes `npm start` runs. */
  processes: number;
  /** Whether this process runs the background worker. */
  runsJobs: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.STRATUS_DATA_DIR);
  return {
    mode: e.STRATUS_MODE,
    dataDir,
    databaseFile: path.join(dataDir, 'stratus.db'),
    databasePoolSize: e.STRATUS_DATABASE_POOL,
    bootSeconds: e.STRATUS_BOOT_SECONDS,
    storageDir: e.STRATUS_STORAGE_DIR ? path.resolve(/*turbopackIgnore: true*/ e.STRATUS_STORAGE_DIR) : path.join(dataDir, 'storage'),
    maxObjectBytes: e.STRATUS_MAX_OBJECT_BYTES,
    jobLeaseMs: e.STRATUS_JOB_LEASE_MS,
    localInterfacePorts: e.STRATUS_ALLOW_LOCAL_INTERFACES,
    authSecret: e.BETTER_AUTH_SECRET,
    paymentSecret: e.STRATUS_PAYMENT_SECRET,
    siteUrl: e.BETTER_AUTH_URL ?? `http://localhost:${e.PORT ?? 3000}`,
    trustedProxyHops: e.STRATUS_TRUSTED_PROXY === 'true' ? 1 : e.STRATUS_TRUSTED_PROXY === 'false' ? 0 : e.STRATUS_TRUSTED_PROXY,
    apiMaxBodyBytes: e.STRATUS_API_MAX_BODY_BYTES,
    processes: e.STRATUS_MODE === 'test' ? 1 : e.STRATUS_PROCESSES,
    runsJobs: e.STRATUS_JOBS === 'on',
  };
}

export const config = loadConfig();
