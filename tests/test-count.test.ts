// `npm test`'s closing line counts what ran (scripts/test-count.ts): a test file that failed
// before its tests ran (its import or a beforeAll threw, as every PostgreSQL file does when no
// server can be found) counts its tests as failed, not skipped.
import { describe, expect, it } from 'vitest';
import { playwrightFailures, vitestCount, vitestFailures } from '../scripts/test-count';

const file = (status: string, ...tests: string[]) => ({ name: `${process.cwd()}/lib/a.test.ts`, status, assertionResults: tests.map((s, i) => ({ status: s, fullName: `test ${i}` })) });

describe("npm test's closing line", () => {
  it('counts the tests of a file whose beforeAll threw as failed, and a file that did not load as one failure', () => {
    // Vitest's JSON for: a file whose beforeAll threw (2 tests), one that did not import, one passing test.
    const report = { numPassedTests: 1, numFailedTests: 0, numPendingTests: 2, numTodoTests: 0, success: false, testResults: [file('failed', 'skipped', 'skipped'), file('failed'), file('passed', 'passed')] };
    expect(vitestCount(report)).toEqual({ passed: 1, failed: 3, skipped: 0 });
  });

  it('counts failed tests and skipped ones as they are; a failing run never counts 0 failed', () => {
    const report = { numPassedTests: 2, numFailedTests: 1, numPendingTests: 1, numTodoTests: 0, success: false, testResults: [file('failed', 'passed', 'failed', 'skipped'), file('passed', 'passed')] };
    expect(vitestCount(report)).toEqual({ passed: 2, failed: 1, skipped: 1 });
    // A file whose afterAll threw after its tests passed.
    expect(vitestCount({ numPassedTests: 1, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, success: false, testResults: [file('failed', 'passed')] })).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });

  it('names each failed test above the closing line, with its first line of error and no colours', () => {
    const failedFile = { name: `${process.cwd()}/lib/jobs/worker.test.ts`, status: 'failed', assertionResults: [
      { status: 'passed', fullName: 'boots > one' },
      { status: 'failed', fullName: 'boots > a backlog of 5,000', failureMessages: ['\x1b[31mError: Test timed out in 20000ms.\x1b[39m\n    at task (…)'] },
    ] };
    const unloaded = { name: `${process.cwd()}/lib/b.test.ts`, status: 'failed', message: 'Cannot find module x\nstack', assertionResults: [] };
    const report = { numPassedTests: 1, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0, success: false, testResults: [failedFile, unloaded, file('passed', 'passed')] };
    expect(vitestFailures(report, 'postgres')).toEqual([
      '[postgres] lib/jobs/worker.test.ts › boots > a backlog of 5,000: Error: Test timed out in 20000ms.',
      '[postgres] lib/b.test.ts: Cannot find module x',
    ]);
    const e2e = { stats: { expected: 1, flaky: 0, unexpected: 1, skipped: 0 }, suites: [{ file: 'refunds.spec.ts', specs: [{ title: 'a refund', line: 22, ok: false }, { title: 'fine', line: 40, ok: true }], suites: [{ file: 'refunds.spec.ts', specs: [{ title: 'nested', line: 60, ok: false }] }] }] };
    expect(playwrightFailures(e2e, 'e2e')).toEqual(['[e2e] refunds.spec.ts:22 › a refund', '[e2e] refunds.spec.ts:60 › nested']);
  });
});
