// SEL-1: the seed's onboarding conditions at their boundaries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDate } from './calendar';
import { assessApplication, latestFoundingDate, meetsSupportHours, parseCapital, SellerConditionsNotMet, SUPPORT_HOURS, type ApplicationInput } from './seller-onboarding';

// 10:00 on 15 May 2026 in China.
const now = new Date('2026-05-15T02:00:00Z');

const valid: ApplicationInput = {
  companyName: 'Cloudsail Software Co., Ltd.',
  foundedOn: '2020-03-01',
  registeredCapital: '500000',
  staffCount: '5',
  supportHours: '5x8',
  contactEmail: 'market@cloudsail.example',
  agreement: 'on',
};

const failedFields = (input: ApplicationInput, at = now) => {
  const verdict = assessApplication(input, at);
  return verdict.ok ? [] : verdict.failures.map((f) => f.field);
};
const codeOf = (input: ApplicationInput, at = now) => {
  const verdict = assessApplication(input, at);
  return verdict.ok ? null : verdict.failures.map((f) => ({ field: f.field, code: f.code, params: f.params }));
};

describe('SEL-1 a qualifying application', () => {
  it('is accepted and normalised: capital in fen, support as DxH, names trimmed', () => {
    expect(assessApplication({ ...valid, companyName: '  Cloudsail   Software  ', registeredCapital: '¥1,234,567.8', staffCount: 12, supportHours: '7×24', contactEmail: ' market@cloudsail.example ' }, now)).toEqual({
      ok: true,
      application: {
        companyName: 'Cloudsail Software',
        foundedOn: '2020-03-01',
        registeredCapitalFen: 123_456_780,
        staffCount: 12,
        supportHours: '7x24',
        contactEmail: 'market@cloudsail.example',
      },
    });
  });

  it('a Chinese company name of two characters is long enough', () => {
    expect(failedFields({ ...valid, companyName: '云帆' })).toEqual([]);
    expect(failedFields({ ...valid, companyName: '云' })).toEqual(['companyName']);
    expect(failedFields({ ...valid, companyName: '云'.repeat(100) })).toEqual([]);
    expect(failedFields({ ...valid, companyName: '云'.repeat(101) })).toEqual(['companyName']);
  });
});

describe('SEL-1 founded at least a year ago (China calendar)', () => {
  it('founded exactly one year ago today qualifies; a day later does not', () => {
    expect(latestFoundingDate(now)).toBe('2025-05-15');
    expect(failedFields({ ...valid, foundedOn: '2025-05-15' })).toEqual([]);
    expect(codeOf({ ...valid, foundedOn: '2025-05-16' })).toEqual([{ field: 'foundedOn', code: 'SellerCondition.CompanyAge', params: { latest: '2025-05-15' } }]);
  });

  it('the day changes at midnight in China, not in UTC', () => {
    // 23:59 on 14 May in China is 15:59 UTC; one minute later it is the 15th.
    expect(latestFoundingDate(new Date('2026-05-14T15:59:00Z'))).toBe('2025-05-14');
    expect(latestFoundingDate(new Date('2026-05-14T16:00:00Z'))).toBe('2025-05-15');
    expect(chinaDate(new Date('2026-05-14T16:00:00Z'))).toBe('2026-05-15');
  });

  it('a company founded on 29 February has its year on 28 February of a common year', () => {
    expect(latestFoundingDate(new Date('2025-02-28T04:00:00Z'))).toBe('2024-02-28');
    expect(failedFields({ ...valid, foundedOn: '2024-02-29' }, new Date('2025-02-28T04:00:00Z'))).toEqual(['foundedOn']);
    expect(failedFields({ ...valid, foundedOn: '2024-02-29' }, new Date('2025-03-01T04:00:00Z'))).toEqual([]);
    expect(latestFoundingDate(new Date('2028-02-29T04:00:00Z'))).toBe('2027-02-28');
  });

  it('dates that are not real calendar dates are refused as malformed, future ones as too young', () => {
    for (const foundedOn of ['', '2020-02-30', '2020-13-01', '20-01-01', '2020/01/01', 'yesterday']) {
      expect(codeOf({ ...valid, foundedOn })![0].code, foundedOn).toBe('InvalidParameter.FoundedOn');
    }
    expect(codeOf({ ...valid, foundedOn: '2030-01-01' })![0].code).toBe('SellerCondition.CompanyAge');
  });

  it('any founding date qualifies exactly when it is on or before the date a year back', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * 365 }), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), (daysBack, nowMs) => {
        const at = new Date(nowMs);
        const foundedOn = new Date(Date.parse(`${chinaDate(at)}T00:00:00Z`) - daysBack * day).toISOString().slice(0, 10);
        const qualifies = failedFields({ ...valid, foundedOn }, at).length === 0;
        // A year back is 365 days, or 366 when it spans a 29 February.
        if (daysBack < 365) expect(qualifies).toBe(false);
        if (daysBack > 366) expect(qualifies).toBe(true);
        expect(qualifies).toBe(foundedOn <= latestFoundingDate(at));
      }),
    );
  });
});

describe('SEL-1 registered capital of ¥500,000 or more', () => {
  it('¥500,000.00 qualifies; one fen less does not', () => {
    expect(failedFields({ ...valid, registeredCapital: '500000.00' })).toEqual([]);
    expect(codeOf({ ...valid, registeredCapital: '499999.99' })).toEqual([{ field: 'registeredCapital', code: 'SellerCondition.RegisteredCapital', params: { min: '¥500,000.00' } }]);
  });

  it('amounts are read without floating point', () => {
    expect(parseCapital('0.1')).toBe(10);
    expect(parseCapital('500,000.05')).toBe(50_000_005);
    expect(parseCapital(499_999.99)).toBe(49_999_999);
    for (const bad of ['', '-1', '1.234', 'abc', '1e6', null, undefined, Number.NaN]) expect(parseCapital(bad), String(bad)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: 0, max: 99 }), (yuan, fen) => parseCapital(`${yuan}.${String(fen).padStart(2, '0')}`) === yuan * 100 + fen));
  });

  it('what is not an amount is refused as malformed', () => {
    expect(codeOf({ ...valid, registeredCapital: 'half a million' })![0].code).toBe('InvalidParameter.RegisteredCapital');
  });
});

describe('SEL-1 at least 5 technical and support staff', () => {
  it('5 qualifies, 4 does not; a fraction or a word is malformed', () => {
    expect(failedFields({ ...valid, staffCount: 5 })).toEqual([]);
    expect(codeOf({ ...valid, staffCount: '4' })).toEqual([{ field: 'staffCount', code: 'SellerCondition.StaffCount', params: { min: 5 } }]);
    expect(codeOf({ ...valid, staffCount: '5.5' })![0].code).toBe('InvalidParameter.StaffCount');
    expect(codeOf({ ...valid, staffCount: 'five' })![0].code).toBe('InvalidParameter.StaffCount');
  });
});

describe('SEL-1 support of at least 5 × 8 hours', () => {
  it('the offered schedules all qualify; anything less is refused', () => {
    for (const hours of SUPPORT_HOURS) expect(failedFields({ ...valid, supportHours: hours }), hours).toEqual([]);
    for (const hours of ['5x7', '4x8', '4x24', '1x24', '7x4', '', '8x8', '5x25', 'always']) {
      expect(codeOf({ ...valid, supportHours: hours }), hours).toEqual([{ field: 'supportHours', code: 'SellerCondition.SupportHours', params: {} }]);
    }
  });

  it('days × hours qualifies exactly when both reach 5 × 8', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 24 }), (days, hours) => meetsSupportHours(`${days}x${hours}`) === (days >= 5 && hours >= 8)));
  });
});

describe('SEL-1 the agreement and the contact', () => {
  it('the agreement must be accepted; the contact must be an email address', () => {
    expect(codeOf({ ...valid, agreement: undefined })).toEqual([{ field: 'agreement', code: 'SellerCondition.Agreement', params: {} }]);
    expect(failedFields({ ...valid, agreement: true })).toEqual([]);
    expect(codeOf({ ...valid, contactEmail: 'market at cloudsail' })).toEqual([{ field: 'contactEmail', code: 'InvalidParameter.ContactEmail', params: {} }]);
  });
});

describe('SEL-1 every failure at once', () => {
  it('an empty form fails on every field, in the order of the form', () => {
    expect(failedFields({})).toEqual(['companyName', 'foundedOn', 'registeredCapital', 'staffCount', 'supportHours', 'contactEmail', 'agreement']);
  });

  it('a young, small company is told each condition it misses', () => {
    expect(codeOf({ ...valid, foundedOn: '2026-01-01', registeredCapital: '100000', staffCount: '3', supportHours: '5x7' })!.map((f) => f.code)).toEqual([
      'SellerCondition.CompanyAge',
      'SellerCondition.RegisteredCapital',
      'SellerCondition.StaffCount',
      'SellerCondition.SupportHours',
    ]);
  });

  it('the refusal is a CloudError of the first failure that carries them all', () => {
    const verdict = assessApplication({ ...valid, registeredCapital: '1', staffCount: '1' }, now);
    if (verdict.ok) throw new Error('expected a refusal');
    const error = new SellerConditionsNotMet(verdict.failures);
    expect({ code: error.code, field: error.field, fields: error.failures.map((f) => f.field), status: error.httpStatus }).toEqual({
      code: 'SellerCondition.RegisteredCapital',
      field: 'registeredCapital',
      fields: ['registeredCapital', 'staffCount'],
      status: 403,
    });
  });
});
