// How `npm test` counts a runner's report (scripts/test.ts) for its closing line.
import fs from 'node:fs';

export type Count = { passed: number; failed: number; skipped: number };

type VitestFile = { status: string; assertionResults: { status: string }[] };
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

type PlaywrightReport = { stats: { expected: number; flaky: number; unexpected: number; skipped: number } };

export function playwrightCount({ stats }: PlaywrightReport): Count {
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

/** A runner's JSON report, counted; none (the runner died before reporting) counts as a failure. */
export function readCount<R>(file: string, count: (report: R) => Count): Count {
  try {
    return count(JSON.parse(fs.readFileSync(file, 'utf8')) as R);
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}
