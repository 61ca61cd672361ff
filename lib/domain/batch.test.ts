// Issue 16: a batch's one confirmation lists what will happen — which instances the action
// applies to, which are left as they are, and the licenses a release returns (MKT-5, MKT-11).
import { describe, expect, it } from 'vitest';
import { planInstanceBatch, type BatchInstance } from './batch';

const item = (id: string, status: BatchInstance['status'], extra: Partial<BatchInstance> = {}): BatchInstance => ({ id, name: id, status, holdsLicense: false, subscription: false, ...extra });

describe('planInstanceBatch', () => {
  const items = [item('a', 'Running', { holdsLicense: true }), item('b', 'Stopped', { holdsLicense: true, subscription: true }), item('c', 'Frozen', { holdsLicense: true }), item('d', 'Pending')];

  it('a stop applies to the running ones and names the others', () => {
    const plan = planInstanceBatch('stop', items);
    expect(plan.runs.map((i) => i.id)).toEqual(['a']);
    expect(plan.skipped.map((i) => i.id)).toEqual(['b', 'c', 'd']);
    expect(plan.licensesReturned).toBe(0);
  });

  it('a start applies to the stopped ones', () => {
    expect(planInstanceBatch('start', items).runs.map((i) => i.id)).toEqual(['b']);
  });

  it('a release leaves a frozen instance alone and counts the licenses and subscriptions it returns', () => {
    const plan = planInstanceBatch('release', items);
    expect(plan.runs.map((i) => i.id)).toEqual(['a', 'b', 'd']);
    expect(plan.skipped.map((i) => i.id)).toEqual(['c']);
    expect(plan).toMatchObject({ licensesReturned: 2, subscriptions: 1 });
  });
});
