import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloudError } from './errors';
import { applyAction, availableActions, batchNames, canApply, instanceStatuses, type InstanceAction, type InstanceStatus } from './instances';

describe('instance lifecycle', () => {
  it('offers the actions each status allows', () => {
    expect(availableActions('Pending')).toEqual(['release']);
    expect(availableActions('Running')).toEqual(['stop', 'release']);
    expect(availableActions('Stopped')).toEqual(['start', 'release']);
    expect(availableActions('Frozen')).toEqual([]);
    expect(availableActions('Released')).toEqual([]);
  });

  it('refuses a forbidden transition with IncorrectInstanceStatus naming the status', () => {
    try {
      applyAction('Stopped', 'stop');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CloudError);
      expect((error as CloudError).code).toBe('IncorrectInstanceStatus');
      expect((error as CloudError).httpStatus).toBe(403);
      expect((error as CloudError).params).toEqual({ status: 'Stopped', action: 'stop' });
    }
  });

  it('no sequence of actions brings a released instance back', () => {
    const actions: InstanceAction[] = ['boot', 'start', 'stop', 'release'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 30 }), (sequence) => {
        let status: InstanceStatus = 'Pending';
        let released = false;
        for (const action of sequence) {
          if (!canApply(status, action)) continue;
          status = applyAction(status, action);
          if (status === 'Released') released = true;
          if (released && status !== 'Released') return false;
          if (!instanceStatuses.includes(status)) return false;
        }
        return true;
      }),
    );
  });
});

describe('batch names', () => {
  it('keeps a single name as it is', () => {
    expect(batchNames('web', 1)).toEqual(['web']);
  });
  it('numbers a batch with three digits', () => {
    expect(batchNames('web', 3)).toEqual(['web-001', 'web-002', 'web-003']);
    expect(batchNames('web', 100)[99]).toBe('web-100');
  });
});
