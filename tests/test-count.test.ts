// `npm test`'s closing line counts what ran (scripts/test-count.ts): a test file that failed
// before its tests ran (its import or a beforeAll threw, as every PostgreSQL file does when no
// server can be found) counts its tests as failed, not skipped.
import { describe, expect, it } from 'vitest';
import { vitestCount } from '../scripts/test-count';

const file = (status: string, ...tests: string[]) => ({ status, assertionResults: tests.map((s) => ({ status: s })) });

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
});
