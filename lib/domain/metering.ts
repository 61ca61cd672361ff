// Hourly metering (MKT-10): an instance is billed for each started hour of Running time in
// normal state, settled on the hour, with no minimum charge. Pure: the service hands in the
// instance's running intervals.
import { assertFen, type Fen } from './money';

export const HOUR_MS = 3_600_000;

/** A stretch of time the instance was Running in normal state (not Stopped, not Frozen, not in arrears). */
export type RunningInterval = { from: Date; to: Date | null };

/** The start of the hour an instant falls in (hours are whole UTC hours, like the clouds' billing). */
export function hourStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** Whether the instance ran at any moment of the hour [start, start + 1 h). */
export function ranDuring(intervals: readonly RunningInterval[], start: Date): boolean {
  const end = start.getTime() + HOUR_MS;
  return intervals.some((i) => i.from.getTime() < end && (i.to === null || i.to.getTime() > start.getTime()));
}

export type HourCharge = { hour: Date; computeFen: Fen; imageFen: Fen; totalFen: Fen };

/** The charge for one settled hour, or null when the instance did not run in it. */
export function meterHour(input: { hour: Date; intervals: readonly RunningInterval[]; computeFenPerHour: Fen; imageFenPerHour: Fen }): HourCharge | null {
  if (!ranDuring(input.intervals, input.hour)) return null;
  const computeFen = assertFen(input.computeFenPerHour);
  const imageFen = assertFen(input.imageFenPerHour);
  return { hour: input.hour, computeFen, imageFen, totalFen: computeFen + imageFen };
}

/** The hours to settle now: every whole hour that has ended since `from`, oldest first. */
export function hoursToSettle(from: Date, now: Date): Date[] {
  const hours: Date[] = [];
  for (let h = hourStart(from).getTime(); h + HOUR_MS <= now.getTime(); h += HOUR_MS) hours.push(new Date(h));
  return hours;
}
