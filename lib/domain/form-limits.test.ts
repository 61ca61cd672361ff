import { describe, expect, it } from 'vitest';
import { PRODUCT_DESCRIPTION_MAX, PRODUCT_SUMMARY_MAX, PRODUCT_TITLE_MAX } from './marketplace';
import { DESCRIPTION_MAX, isValidDescription, isValidResourceName, RESOURCE_NAME_MAX } from './names';
import { productInfoSchema } from './publishing';
import { COMPANY_NAME_MAX } from './form-limits';
import { assessApplication } from './seller-onboarding';
import { DECISION_NOTE_MAX, parseDecisionNote } from './validation';

// Issue 14: a form's maxLength is the limit its rule enforces, read from one constant.
describe('form limits are the rules’ limits', () => {
  const info = { title: 'A title', category: 'web', summary: 'A summary of it', description: 'A description long enough.' };
  it.each([
    ['title', PRODUCT_TITLE_MAX],
    ['summary', PRODUCT_SUMMARY_MAX],
    ['description', PRODUCT_DESCRIPTION_MAX],
  ] as const)('product %s: %i characters pass, one more is refused (SEL-7)', (field, max) => {
    expect(productInfoSchema.safeParse({ ...info, [field]: 'x'.repeat(max) }).success).toBe(true);
    expect(productInfoSchema.safeParse({ ...info, [field]: 'x'.repeat(max + 1) }).success).toBe(false);
  });

  it('image and instance names and descriptions (IMP-3)', () => {
    expect(isValidResourceName('a'.repeat(RESOURCE_NAME_MAX))).toBe(true);
    expect(isValidResourceName('a'.repeat(RESOURCE_NAME_MAX + 1))).toBe(false);
    expect(isValidResourceName('a')).toBe(false);
    expect(isValidDescription('d'.repeat(DESCRIPTION_MAX))).toBe(true);
    expect(isValidDescription('d'.repeat(DESCRIPTION_MAX + 1))).toBe(false);
  });

  it('a reviewer’s note (ADM-1) and a company name (SEL-1)', () => {
    expect(parseDecisionNote({ note: 'n'.repeat(DECISION_NOTE_MAX) })).toHaveLength(DECISION_NOTE_MAX);
    expect(() => parseDecisionNote({ note: 'n'.repeat(DECISION_NOTE_MAX + 1) })).toThrow();
    const nameRefused = (name: string) => {
      const verdict = assessApplication({ companyName: name }, new Date());
      return !verdict.ok && verdict.failures.some((f) => f.field === 'companyName');
    };
    expect(nameRefused('c'.repeat(COMPANY_NAME_MAX))).toBe(false);
    expect(nameRefused('c'.repeat(COMPANY_NAME_MAX + 1))).toBe(true);
  });
});
