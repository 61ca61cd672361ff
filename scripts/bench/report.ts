// The bench's report: medians of the runs with their spread, the Targets of issue 13 (met, or
// missed by how much), and the section of docs/benchmarks.md each run replaces.
import fs from 'node:fs';
import type { LoadResult } from './jobs';

/** Every run of one workload (at one number of connections). */
export type Runs = { name: string; connections?: number; runs: LoadResult[] };

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const medianOf = (r: Runs, figure: 'perSecond' | 'p50' | 'p99' | 'ttfbP50' | 'bytes' | 'calls') => median(r.runs.map((run) => run[figure]));

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
/** A rate: whole numbers, but one decimal below 10 (DescribeImages on the large dataset does 1–3/s). */
const rate = (n: number) => fixed(n, n < 10 ? 1 : 0);
const spread = (r: Runs, figure: 'perSecond' | 'ttfbP50') => {
  const values = r.runs.map((run) => run[figure]);
  const show = figure === 'perSecond' ? rate : (n: number) => fixed(n, 1);
  return `${show(Math.min(...values))}–${show(Math.max(...values))}`;
};

/** A table: the first column left-aligned, the others right-aligned. */
export function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

/** Medians of the rate and latencies, with the spread of the rate over the runs; `share` adds a last column. */
export function rateTable(rows: Runs[], share?: (r: Runs) => string): string[] {
  const head = ['workload', 'conns', 'calls', 'req/s', 'spread', 'p50 ms', 'p99 ms', ...(share ? ['of in-process'] : [])];
  return table(
    head,
    rows.map((r) => [r.name, r.connections === undefined ? '1' : String(r.connections), fixed(medianOf(r, 'calls')), rate(medianOf(r, 'perSecond')), spread(r, 'perSecond'), fixed(medianOf(r, 'p50'), 2), fixed(medianOf(r, 'p99'), 2), ...(share ? [share(r)] : [])]),
  );
}

export function pageTable(rows: (Runs & { signedIn: boolean })[]): string[] {
  return table(
    ['page', 'TTFB ms', 'spread', 'bytes', 'signed in'],
    rows.map((r) => [r.name, fixed(medianOf(r, 'ttfbP50'), 1), spread(r, 'ttfbP50'), fixed(medianOf(r, 'bytes')), r.signedIn ? 'yes' : 'no']),
  );
}

/** Runs with answers that were not 200: said in the report, never hidden in a rate. */
export function problems(rows: Runs[]): string[] {
  return rows.flatMap((r) =>
    r.runs
      .filter((run) => run.errors > 0)
      .map((run) => `! ${r.name}${r.connections ? ` at ${r.connections} connections` : ''}: ${run.errors} of ${run.sent} answers were not 200; the first: ${run.firstError}`),
  );
}

/** A figure of issue 13's Targets, measured (value) or not (null, with why). */
export type Figure = { name: string; value: number | null; unit: string; atLeast?: number; atMost?: number; why?: string };

function verdict(f: Figure): string {
  if (f.value === null || !Number.isFinite(f.value)) return `not measured${f.why ? ` (${f.why})` : ''}`;
  const goal = (f.atLeast ?? f.atMost)!;
  const met = f.atLeast !== undefined ? f.value >= f.atLeast : f.value <= goal;
  if (met) return 'met';
  const by = Math.abs(f.value - goal);
  return `missed by ${fixed(by, by < 10 ? 1 : 0)} ${f.unit === '%' ? 'points' : f.unit} (${f.atLeast !== undefined ? `${fixed((100 * f.value) / goal, f.value < goal / 10 ? 1 : 0)}% of` : `${fixed(f.value / goal, 1)}×`} the target)`;
}

export function targetTable(figures: Figure[]): string[] {
  return table(
    ['target', 'measured', 'goal', 'verdict'],
    figures.map((f) => [f.name, f.value === null ? '–' : `${f.unit === 'ms' && f.value < 100 ? fixed(f.value, 1) : rate(f.value)} ${f.unit}`, `${f.atLeast !== undefined ? '≥' : '≤'} ${f.atLeast ?? f.atMost} ${f.unit}`, verdict(f)]),
  );
}

/** The run replaces its own section of the file (a quick, a full and a scaled run sit side by side). */
export function writeSection(file: string, section: string, lines: string[]): void {
  const block = `<!-- bench:${section} -->\n\`\`\`text\n${lines.join('\n')}\n\`\`\`\n<!-- /bench:${section} -->`;
  const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const marked = new RegExp(`<!-- bench:${section} -->[\\s\\S]*?<!-- /bench:${section} -->`);
  fs.writeFileSync(file, marked.test(doc) ? doc.replace(marked, () => block) : `${doc.trimEnd()}\n\n${block}\n`);
}
