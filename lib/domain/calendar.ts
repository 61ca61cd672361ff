// The seeds' calendar is China's (UTC+8): days (SHR-4's share cap, the spending chart, the
// audit filter), months (SEL-8's settlement) and years (REF-3's refund count) begin at
// midnight in China, and every time a user reads (pages format in Asia/Shanghai, generated
// names, messages) is China time. One place for it, so every rule counts the same days.

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of an instant in China. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM" of an instant in China. */
export function chinaMonth(at: Date): string {
  return chinaDate(at).slice(0, 7);
}

export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The instant the China day of `at` began, `days` days later (or earlier). */
export function chinaDayStart(at: Date, days = 0): Date {
  return new Date(Math.floor((at.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS + days * DAY_MS);
}

/** The instant a China calendar month ("YYYY-MM") began, `months` months later (or earlier). */
export function chinaMonthStart(month: string, months = 0): Date {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1 + months, 1) - CHINA_OFFSET_MS);
}

/** The instant the China calendar year of `at` began. */
export function chinaYearStart(at: Date): Date {
  return new Date(Date.UTC(chinaYear(at), 0, 1) - CHINA_OFFSET_MS);
}

/** "YYYY-MM-DD HH:mm" of an instant in China, for messages that name a moment. */
export function chinaMinute(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** "YYYYMMDDHHmmss" of an instant in China, for names made from a moment (a default import name). */
export function chinaStamp(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace(/[-:T]/g, '');
}

/**
 * A time typed in a form ("YYYY-MM-DDTHH:mm", a datetime-local's value) read as China time, as
 * every time on the pages is shown — not as the browser's own zone; null when it is no real time.
 */
export function fromChinaWallClock(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 02-30 over into March: such a time was never typed by a calendar, so refuse it.
  if (new Date(wall).toISOString().slice(0, 16) !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`) return null;
  return new Date(wall - CHINA_OFFSET_MS);
}
