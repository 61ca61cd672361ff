import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, hoursToSettle, meterHour, ranDuring, type RunningInterval } from './metering';

const at = (iso: string) => new Date(iso);

describe('MKT-10 hourly metering', () => {
  const hour = at('2026-11-23T10:00:00Z');
  it('charges a started hour, with no minimum: one minute of running is one hour', () => {
    const intervals: RunningInterval[] = [{ from: at('2026-11-23T10:59:00Z'), to: at('2026-11-23T11:00:00Z') }];
    expect(meterHour({ hour, intervals, computeFenPerHour: 76, imageFenPerHour: 20 })).toEqual({ hour, computeFen: 76, imageFen: 20, totalFen: 96 });
  });

  it('charges nothing for an hour the instance did not run in (stopped, frozen or in arrears)', () => {
    expect(meterHour({ hour, intervals: [{ from: at('2026-11-23T08:00:00Z'), to: at('2026-11-23T10:00:00Z') }], computeFenPerHour: 76, imageFenPerHour: 0 })).toBeNull();
    expect(meterHour({ hour, intervals: [{ from: at('2026-11-23T11:00:00Z'), to: null }], computeFenPerHour: 76, imageFenPerHour: 0 })).toBeNull();
  });

  it('settles every whole hour that has ended, never the current one', () => {
    expect(hoursToSettle(at('2026-11-23T08:30:00Z'), at('2026-11-23T11:00:00Z')).map((h) => h.toISOString())).toEqual(['2026-11-23T08:00:00.000Z', '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z']);
    expect(hoursToSettle(at('2026-11-23T10:00:00Z'), at('2026-11-23T10:59:59Z'))).toEqual([]);
  });

  it('72 hours, 3 instances, one stopped for 10 of them: exactly 3 × 72 − 10 charged hours', () => {
    const start = at('2026-11-20T00:00:00Z');
    const end = new Date(start.getTime() + 72 * HOUR_MS);
    const always: RunningInterval[] = [{ from: start, to: null }];
    const stoppedTen: RunningInterval[] = [
      { from: start, to: new Date(start.getTime() + 20 * HOUR_MS) },
      { from: new Date(start.getTime() + 30 * HOUR_MS), to: null },
    ];
    const hours = hoursToSettle(start, end);
    const charged = [always, always, stoppedTen].flatMap((intervals) => hours.filter((h) => meterHour({ hour: h, intervals, computeFenPerHour: 12, imageFenPerHour: 0 })));
    expect(hours).toHaveLength(72);
    expect(charged).toHaveLength(3 * 72 - 10);
  });

  it('an hour is charged exactly when some running interval overlaps it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 10 }), (fromMin, lengthMin, hourIndex) => {
        const base = at('2026-01-01T00:00:00Z').getTime();
        const interval = { from: new Date(base + fromMin * 60_000), to: new Date(base + (fromMin + lengthMin) * 60_000) };
        const h = new Date(base + hourIndex * HOUR_MS);
        const overlaps = interval.from.getTime() < h.getTime() + HOUR_MS && interval.to.getTime() > h.getTime();
        return ranDuring([interval], h) === overlaps;
      }),
    );
  });
});
