// Money is CNY in integer fen (1 CNY = 100 fen) everywhere; never floating point (product.md §2).
import { hundredthsText, parseHundredths } from './hundredths';

export type Fen = number;

export function assertFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer amount of fen: ${value}`);
  return value;
}

export function timesFen(unitFen: Fen, quantity: number): Fen {
  assertFen(unitFen);
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`not an integer quantity: ${quantity}`);
  return assertFen(unitFen * quantity);
}

export function sumFen(amounts: readonly Fen[]): Fen {
  return assertFen(amounts.reduce((total, amount) => total + assertFen(amount), 0));
}

/** "¥1,234.56" with integer arithmetic only. */
export function formatFen(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1234.5" or "1234.56" (yuan, at most two decimals) → fen, exactly; null for anything else. */
export function parseYuan(text: string): Fen | null {
  return parseHundredths(text);
}

/** Fen as plain yuan text for a form field: 12345 → "123.45", 1250 → "12.5", 100 → "1". */
export function yuanText(fen: Fen): string {
  return hundredthsText(assertFen(fen));
}
