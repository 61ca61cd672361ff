// How `npm test` counts a runner's report (scripts/test.ts) for its closing line.
import fs from 'node:fs';
import path from 'node:path';

export type Count = { passed: number; failed: number; skipped: number };

type VitestFile = { name: string; status: string; message?: string; assertionResults: { status: string; fullName: string; failureMessages?: string[] }[] };
type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; success: boolean; testResults: VitestFile[] };

/**
 * A file that failed with no failed test (its import or a beforeAll threw, e.g. no PostgreSQL)
 * reports the tests it never ran as skipped: they count as failed, and such a file with no test
 * at all counts as one failure.
 */
export function vitestCount(report: VitestReport): Count {
  let failed = report.numFailedTests;
  let skipped = report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    if (file.status !== 'failed' || file.assertionResults.some((a) => a.status === 'failed')) continue;
    const notRun = file.assertionResults.filter((a) => a.status !== 'passed').length;
    failed += Math.max(1, notRun);
    skipped -= notRun;
  }
  if (failed === 0 && !report.success) failed = 1;
  return { passed: report.numPassedTests, failed, skipped };
}

type PlaywrightReport = { suites?: PlaywrightSuite[]; stats: { expected: number; flaky: number; unexpected: number; skipped: number } };

export function playwrightCount({ stats }: PlaywrightReport): Count {
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

/** A runner's JSON report, counted; none (the runner died before reporting) counts as a failure. */
export function readCount<R>(file: string, count: (report: R) => Count): Count {
  return readReport(file, count, { passed: 0, failed: 1, skipped: 0 });
}

/**
 * What failed, one line each (file, test, the error's first line), printed above the closing
 * line so that the tail of a CI log says which tests failed, not only how many.
 */
export function vitestFailures(report: VitestReport, project: string): string[] {
  return report.testResults.flatMap((result) => {
    const where = `[${project}] ${path.relative(process.cwd(), result.name)}`;
    const failed = result.assertionResults.filter((a) => a.status === 'failed');
    if (failed.length === 0) return result.status === 'failed' ? [`${where}: ${firstLine(result.message)}`] : [];
    return failed.map((a) => `${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  });
}

type PlaywrightSuite = { file: string; suites?: PlaywrightSuite[]; specs?: { title: string; line: number; ok: boolean }[] };

export function playwrightFailures(report: PlaywrightReport, project: string): string[] {
  const walk = (suite: PlaywrightSuite): string[] => [
    ...(suite.specs ?? []).filter((spec) => !spec.ok).map((spec) => `[${project}] ${suite.file}:${spec.line} › ${spec.title}`),
    ...(suite.suites ?? []).flatMap(walk),
  ];
  return (report.suites ?? []).flatMap(walk);
}

// eslint-disable-next-line no-control-regex -- the colours of vitest's messages
const firstLine = (text = '') => text.replace(/\x1b\[[0-9;]*m/g, '').split('\n', 1)[0].slice(0, 300);

/** What a runner's JSON report says, or `none` when there is no readable report. */
export function readReport<R, T>(file: string, read: (report: R) => T, none: T): T {
  try {
    return read(JSON.parse(fs.readFileSync(file, 'utf8')) as R);
  } catch {
    return none;
  }
}
