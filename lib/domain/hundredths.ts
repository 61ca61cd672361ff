// A decimal with at most two places, held as an integer count of hundredths: yuan in fen,
// percentages in basis points. One grammar, by string arithmetic only (no floating point).

/** "1234", "1234.5", "1234.56" → 123456-style hundredths, exactly; null for anything else. */
export function parseHundredths(text: string): number | null {
  const match = /^(\d{1,14})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** The shortest text parseHundredths reads back as the same value: 12345 → "123.45", 1250 → "12.5", 100 → "1". */
export function hundredthsText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer count of hundredths: ${value}`);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 100)}${fraction ? `.${fraction}` : ''}`;
}
