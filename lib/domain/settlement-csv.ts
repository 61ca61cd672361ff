// SEL-8: the settlement as a CSV file, row for row the figures the settlement page shows (one
// line per month and product, then the total), amounts in yuan with two decimals.

const COUNTS = ['orders', 'refunds', 'hours'] as const;
const AMOUNTS = ['ordersFen', 'refundsFen', 'hourlyFen', 'netFen', 'commissionFen', 'payableFen'] as const;
export const settlementCsvColumns = ['month', 'productCode', 'product', ...COUNTS, ...AMOUNTS] as const;

type Figures = Record<(typeof COUNTS)[number] | (typeof AMOUNTS)[number], number>;
type Line = Figures & { month: string; productCode: string; title: string };

/** Fen as yuan with two decimals ("-12.50"), exact: no floating point. */
function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A cell as a spreadsheet reads it: quoted when it must be, and never a formula (a title is the seller's text). */
function cell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `headings` names each column and the total row in the reader's language. */
export function settlementCsv(settlement: { lines: readonly Line[]; totals: Figures }, headings: Record<(typeof settlementCsvColumns)[number] | 'total', string>): string {
  const figures = (f: Figures) => [...COUNTS.map((k) => String(f[k])), ...AMOUNTS.map((k) => yuan(f[k]))];
  const rows = [
    settlementCsvColumns.map((c) => cell(headings[c])),
    ...settlement.lines.map((l) => [l.month, cell(l.productCode), cell(l.title), ...figures(l)]),
    [cell(headings.total), '', '', ...figures(settlement.totals)],
  ];
  // A byte-order mark, so spreadsheet programs read the Chinese headings and titles as UTF-8.
  return `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}
