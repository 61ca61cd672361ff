// What the bench asks of a load run, and what it gets back: shared by the bench process, its
// in-process ceilings and the load generator's process (scripts/bench/load.ts).
import type { Key } from './signing';

/** One call's variation: which key signs it and what it adds to the workload's parameters. */
export type Variant = { key: number; params: Record<string, string> };

/** A signed ECS API call (variants taken in turn from `offset`), or a page GET (with a session cookie, then the page must contain `expect`). */
export type Target =
  | { kind: 'api'; keys: Key[]; params: Record<string, string>; variants: Variant[] }
  | { kind: 'page'; path: string; cookie?: string; expect?: string };

export type Bound = { seconds: number; calls: number };

export type LoadJob = { origin: string; target: Target; connections: number; bound: Bound; offset: number };

export type LoadResult = {
  /** Requests sent, answered or not (the next run's variants start after them). */
  sent: number;
  /** Answers with status 200. */
  calls: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Time to the response headers, median. */
  ttfbP50: number;
  /** Body bytes of the answers, mean (not compressed: no Accept-Encoding is sent). */
  bytes: number;
  errors: number;
  firstError?: string;
};

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The call `i` of a run that starts at `offset`: the workload's parameters with its variant. */
export function callOf(target: Extract<Target, { kind: 'api' }>, offset: number, i: number): { key: Key; params: Record<string, string> } {
  const variant = target.variants[(offset + i) % target.variants.length];
  return { key: target.keys[variant.key], params: { ...target.params, ...variant.params } };
}

/** The figures of one run from its latencies (ms), time to headers (ms) and body sizes. */
export function summarise(times: number[], ttfbs: number[], bytes: number, sent: number, errors: number, seconds: number, firstError?: string): LoadResult {
  times.sort((a, b) => a - b);
  ttfbs.sort((a, b) => a - b);
  return { sent, calls: times.length, perSecond: times.length / seconds, p50: percentile(times, 50), p99: percentile(times, 99), ttfbP50: percentile(ttfbs, 50), bytes: times.length ? bytes / times.length : 0, errors, firstError };
}
