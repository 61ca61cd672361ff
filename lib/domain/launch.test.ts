import { describe, expect, it } from 'vitest';
import { CloudError } from './errors';
import { parseLaunchRequest } from './launch';

const valid = { regionId: 'cn-hangzhou', imageId: 'm-aaaaaaaaaaaaaaaaaaaa', instanceTypeId: 'ecs.g7.large', amount: '2' };

function codeOf(input: unknown): { code: string; field?: string } {
  try {
    parseLaunchRequest(input);
  } catch (error) {
    if (error instanceof CloudError) return { code: error.code, field: error.field };
    throw error;
  }
  return { code: 'ok' };
}

describe('launch request (RunInstances, API-4)', () => {
  it('accepts a well-formed request and coerces the amount from a form', () => {
    expect(parseLaunchRequest(valid)).toEqual({ ...valid, amount: 2, name: undefined, skuCode: undefined, buyShortfall: false, dryRun: false });
  });

  it.each([
    [0, 'InvalidParameter.Amount'],
    [1, 'ok'],
    [100, 'ok'],
    [101, 'InvalidParameter.Amount'],
    [2.5, 'InvalidParameter.Amount'],
    ['two', 'InvalidParameter.Amount'],
  ])('amount %s → %s', (amount, code) => {
    expect(codeOf({ ...valid, amount }).code).toBe(code);
  });

  it.each(['regionId', 'imageId', 'instanceTypeId', 'amount'])('a missing %s is MissingParameter on that field', (field) => {
    expect(codeOf({ ...valid, [field]: undefined })).toEqual({ code: 'MissingParameter', field });
    expect(codeOf({ ...valid, [field]: '' })).toEqual({ code: 'MissingParameter', field });
  });

  it('checks the instance name, treating an empty one as absent', () => {
    expect(codeOf({ ...valid, name: '' }).code).toBe('ok');
    expect(codeOf({ ...valid, name: 'web' }).code).toBe('ok');
    expect(codeOf({ ...valid, name: '9lives' })).toEqual({ code: 'InvalidInstanceName.Malformed', field: 'name' });
  });
});
