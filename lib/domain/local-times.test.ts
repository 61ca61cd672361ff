// Issue 16: times the user reads are China time (Asia/Shanghai), also in names made from a
// moment and in the ledger's hourly references, which stay stored as UTC keys.
import { describe, expect, it } from 'vitest';
import { chinaStamp, fromChinaWallClock } from './calendar';
import { referenceTarget } from './ledger';

describe('issue 16: China time in generated names and references', () => {
  it('a stamp is the China wall-clock time, also across midnight', () => {
    expect(chinaStamp(new Date('2026-12-01T07:03:22.000Z'))).toBe('20261201150322');
    expect(chinaStamp(new Date('2026-12-31T16:30:00.000Z'))).toBe('20270101003000');
  });

  it('a metering reference is read as an instance and the hour it charges', () => {
    expect(referenceTarget('i-abcdefghij0123456789@2026-12-01T06:00:00.000Z')).toEqual({ kind: 'instanceHour', instanceId: 'i-abcdefghij0123456789', hour: new Date('2026-12-01T06:00:00.000Z') });
  });

  it('other references are ids, shown as they are', () => {
    expect(referenceTarget('o-abcdefghij0123456789')).toEqual({ kind: 'id', id: 'o-abcdefghij0123456789' });
    expect(referenceTarget('i-abc@not-a-time')).toEqual({ kind: 'id', id: 'i-abc@not-a-time' });
  });
});

describe('issue 16: a time typed in a form is China time, as the pages show it', () => {
  it('a datetime-local value is read in Asia/Shanghai, whatever the browser’s zone', () => {
    expect(fromChinaWallClock('2026-12-02T10:00')).toEqual(new Date('2026-12-02T02:00:00.000Z'));
    expect(fromChinaWallClock('2027-01-01T00:30:15')).toEqual(new Date('2026-12-31T16:30:15.000Z'));
  });

  it('anything else is no time', () => {
    for (const typed of ['', 'tomorrow', '2026-02-30T10:00', '2026-12-02 10:00', '2026-12-02T24:00']) expect(fromChinaWallClock(typed)).toBeNull();
  });
});
