import { describe, expect, it } from 'vitest';
import { chinaYear, chinaYearStart } from './calendar';
import { decideRefund, type RefundFacts } from './refunds';

const at = (iso: string) => new Date(iso);

describe('refund eligibility (REF-1 … REF-4, REF-7)', () => {
  const base: RefundFacts = { paidAt: at('2026-11-01T00:00:00Z'), now: at('2026-11-02T00:00:00Z'), deployed: false, unstartedRenewal: false, refundsThisYear: 0, invoiceIssued: false, windowDays: 5, refundsPerYear: 10 };

  it('REF-1: 4 days 23 h 59 min after payment is inside the window; 5 days is not', () => {
    expect(decideRefund({ ...base, now: at('2026-11-05T23:59:00Z') })).toEqual({ eligible: true, reasons: [], windowEndsAt: at('2026-11-06T00:00:00Z'), refundsLeft: 10, countsTowardLimit: true, unstartedRenewal: false });
    expect(decideRefund({ ...base, now: at('2026-11-06T00:00:00Z') })).toMatchObject({ eligible: false, reasons: ['windowClosed'] });
  });

  it('REF-2: a license ever deployed is not refundable', () => {
    expect(decideRefund({ ...base, deployed: true })).toMatchObject({ eligible: false, reasons: ['deployed'] });
  });

  it('REF-3: the 10th refund of a year is allowed, the 11th is not; an unstarted renewal does not count', () => {
    expect(decideRefund({ ...base, refundsThisYear: 9 })).toMatchObject({ eligible: true, refundsLeft: 1 });
    expect(decideRefund({ ...base, refundsThisYear: 10 })).toMatchObject({ eligible: false, reasons: ['yearlyLimit'], refundsLeft: 0 });
    expect(decideRefund({ ...base, refundsThisYear: 10, unstartedRenewal: true })).toMatchObject({ eligible: true, countsTowardLimit: false, unstartedRenewal: true });
  });

  it('REF-3: the year is the calendar year in UTC+8 — 31 December and 1 January are different years', () => {
    expect(chinaYear(at('2026-12-31T15:59:59Z'))).toBe(2026); // 23:59:59 on 31 Dec in Beijing
    expect(chinaYear(at('2026-12-31T16:00:00Z'))).toBe(2027); // 00:00 on 1 Jan
    expect(chinaYearStart(at('2027-06-01T00:00:00Z'))).toEqual(at('2026-12-31T16:00:00Z'));
  });

  it('REF-4: a renewal not yet in effect is refundable even after the window', () => {
    expect(decideRefund({ ...base, unstartedRenewal: true, now: at('2026-11-20T00:00:00Z') })).toMatchObject({ eligible: true });
  });

  it('REF-7: an issued invoice must be voided first; every failing rule is listed', () => {
    expect(decideRefund({ ...base, invoiceIssued: true, deployed: true, now: at('2026-11-10T00:00:00Z') })).toMatchObject({ eligible: false, reasons: ['windowClosed', 'deployed', 'invoiceIssued'] });
  });
});
