// The load generator, in a process of its own (forked by scripts/bench/load-generator.ts) so it
// does not share the bench's event loop: N concurrent keep-alive loops (undici), each sending
// the next request when its answer is in, bounded by time and count. Jobs arrive by IPC; each
// answer is a LoadResult.
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { callOf, summarise, type LoadJob, type LoadResult } from './jobs';
import { signedQuery } from './signing';

const pools = new Map<string, Pool>();

async function run(job: LoadJob): Promise<LoadResult> {
  const { target, bound } = job;
  // One pool per origin and size, kept between jobs: its connections stay open (keep-alive).
  const poolKey = `${job.origin} ${job.connections}`;
  const pool = pools.get(poolKey) ?? new Pool(job.origin, { connections: job.connections, pipelining: 1 });
  pools.set(poolKey, pool);
  const times: number[] = [];
  const ttfbs: number[] = [];
  let sent = 0;
  let bytes = 0;
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const more = () => sent < bound.calls && performance.now() - start < bound.seconds * 1000;
  const loop = async () => {
    while (more()) {
      const i = sent++;
      let path: string;
      const headers: Record<string, string> = {};
      if (target.kind === 'api') {
        const call = callOf(target, job.offset, i);
        path = `/api/ecs?${signedQuery(call.key, call.params)}`;
      } else {
        path = target.path;
        if (target.cookie) headers.cookie = target.cookie;
      }
      const t = performance.now();
      let status: number, body: string, headed: number;
      try {
        const response = await pool.request({ method: 'GET', path, headers });
        headed = performance.now();
        status = response.statusCode;
        body = await response.body.text();
      } catch (error) {
        [status, body, headed] = [0, error instanceof Error ? error.message : String(error), NaN];
      }
      const done = performance.now();
      const unexpected = target.kind === 'page' && target.expect !== undefined && !body.includes(target.expect);
      if (status !== 200 || unexpected) {
        errors++;
        firstError ??= unexpected ? `the page does not contain ${target.expect}` : `${status ? `HTTP ${status}` : 'no answer:'} ${body.slice(0, 200)}`;
        continue;
      }
      times.push(done - t);
      ttfbs.push(headed - t);
      bytes += Buffer.byteLength(body);
    }
  };
  await Promise.all(Array.from({ length: job.connections }, loop));
  return summarise(times, ttfbs, bytes, sent, errors, (performance.now() - start) / 1000, firstError);
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!({ result }),
    (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
