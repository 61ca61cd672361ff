// SEL-8: the settlement CSV is opened in spreadsheet programs, and a product's title is the
// seller's own text: a cell that would start a formula (= + - @, tab, carriage return) is read as
// text, and a cell with a comma, quote or line break is quoted (RFC 4180).
import { describe, expect, it } from 'vitest';
import { settlementCsv, settlementCsvColumns } from './settlement-csv';

const headings = Object.fromEntries([...settlementCsvColumns, 'total'].map((c) => [c, c])) as Parameters<typeof settlementCsv>[1];
const figures = { orders: 1, refunds: 1, hours: 0, ordersFen: 9_900, refundsFen: -1_250, hourlyFen: 0, netFen: 8_650, commissionFen: 865, payableFen: 7_785 };
const rowOf = (title: string) => settlementCsv({ lines: [{ month: '2026-11', productCode: 'abcd000101', title, ...figures }], totals: figures }, headings).split('\r\n')[1];

describe('settlement CSV cells (SEL-8)', () => {
  it.each(['=HYPERLINK("http://evil.test","x")', '+1+2', '-1+2', '@SUM(A1)', '\tcmd', '\rcmd'])('a title starting a formula is text: %j', (title) => {
    const cell = rowOf(title).split(',')[2];
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('quotes a cell holding a comma, a quote or a line break, and leaves amounts as numbers', () => {
    expect(rowOf('Nginx, "hardened"\nedition')).toBe(`2026-11,abcd000101,"Nginx, ""hardened""\nedition",1,1,0,99.00,-12.50,0.00,86.50,8.65,77.85`);
    expect(rowOf('Plain')).toBe('2026-11,abcd000101,Plain,1,1,0,99.00,-12.50,0.00,86.50,8.65,77.85');
  });
});
