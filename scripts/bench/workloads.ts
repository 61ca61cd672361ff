// The bench's workloads over its dataset, and their in-process ceilings: handleEcsRequest
// (lib/ecs-api/handle.ts) called directly with the same signed requests, one at a time.
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { getAuth } from '../../lib/auth/auth';
import { getDb } from '../../db/client';
import { handleEcsRequest } from '../../lib/ecs-api/handle';
import { REGION, type Dataset } from './dataset';
import { callOf, summarise, type Bound, type LoadResult, type Target } from './jobs';
import { signedQuery } from './signing';

export type Workload = { name: string; target: Target };

const launch = { Action: 'RunInstances', RegionId: REGION, InstanceType: 'ecs.g7.large', Amount: '1' };
export const PRODUCT_LAUNCH = 'RunInstances, product image (license consumed)';

/** The ECS API workloads, each also measured in-process. */
export function apiWorkloads(data: Dataset): Workload[] {
  const api = (name: string, params: Record<string, string>, variants = [{ key: 0, params: {} }]): Workload => ({ name, target: { kind: 'api', keys: data.keys, params, variants } });
  return [
    api('RunInstances, system image', { ...launch, ImageId: data.systemImageId }, data.systemLaunches),
    api(PRODUCT_LAUNCH, launch, data.productLaunches),
    api('DescribeImages ImageOwnerAlias=self, PageSize=50', { Action: 'DescribeImages', RegionId: REGION, ImageOwnerAlias: 'self', PageSize: '50' }),
    api('DescribeImages OSType=linux, PageSize=50', { Action: 'DescribeImages', RegionId: REGION, OSType: 'linux', PageSize: '50' }),
    api('DescribeImages (no filter), PageSize=50', { Action: 'DescribeImages', RegionId: REGION, PageSize: '50' }),
    api('DescribeInstances PageSize=50', { Action: 'DescribeInstances', RegionId: REGION, PageSize: '50' }),
  ];
}

/** The console (signed in to the benchmarking account: its pages show the account's id) and marketplace pages whose TTFB and size are measured. */
export function pageWorkloads(data: Dataset, cookie: string): { timed: Workload[]; loaded: Workload[] } {
  const page = (path: string, signedIn = false): Workload => ({ name: path, target: { kind: 'page', path, ...(signedIn ? { cookie, expect: data.accountId } : {}) } });
  const search = page('/marketplace/search?q=mysql');
  const product = page(data.productPage);
  return { timed: [page('/console/instances/new', true), page('/console/instances', true), page('/console/images', true), page('/marketplace'), search, product], loaded: [search, product] };
}

/** A session of a user of the benchmarking account: signed up through better-auth's own API (its HTTP routes are not mounted), then moved into that account. */
export async function sessionCookie(accountId: string): Promise<string> {
  const { headers, response } = await getAuth().api.signUpEmail({ body: { name: 'Bench user', email: `bench-${Date.now()}@stratus.local`, password: 'bench-password-1' }, returnHeaders: true });
  await getDb().update(users).set({ accountId }).where(eq(users.id, response.user.id));
  return headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** The in-process ceiling of an API workload: one call at a time, after 10 warm-up calls; `offset` as for a load run. */
export async function inProcess(target: Target, bound: Bound, offset: number): Promise<LoadResult> {
  if (target.kind !== 'api') throw new Error('in-process ceilings are for API workloads');
  const call = async (i: number) => {
    const { key, params } = callOf(target, offset, i);
    const response = await handleEcsRequest(new Request(`http://127.0.0.1/api/ecs?${signedQuery(key, params)}`));
    return { status: response.status, body: await response.text() };
  };
  let sent = 0;
  for (; sent < 10; sent++) {
    const answer = await call(sent);
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
  }
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  while (times.length + errors < bound.calls && performance.now() - start < bound.seconds * 1000) {
    const t = performance.now();
    const answer = await call(sent++);
    if (answer.status !== 200) {
      errors++;
      firstError ??= `HTTP ${answer.status} ${answer.body.slice(0, 200)}`;
    } else times.push(performance.now() - t);
  }
  return summarise(times, [], 0, sent, errors, (performance.now() - start) / 1000, firstError);
}
