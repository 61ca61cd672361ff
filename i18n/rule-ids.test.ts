// Issue 16: the spec's rule ids (REF-1, SEL-2, SEL-4 …) belong in code and tests, never in
// words a user reads. Every message of every catalogue is checked.
import { describe, expect, it } from 'vitest';
import { catalogues } from './messages';

const RULE_ID = /\b[A-Z]{2,5}-\d+\b/;

function messages(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] => (typeof v === 'object' && v ? messages(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]));
}

describe('issue 16: no rule id in any message', () => {
  it('the pattern finds a rule id where one is', () => {
    expect(RULE_ID.test('Refunds follow REF-1.')).toBe(true);
    expect(RULE_ID.test('ISO 8601, ecs.g7-large, u-1a2b')).toBe(false);
  });

  it.each(Object.keys(catalogues))('%s', (locale) => {
    const found = messages(catalogues[locale as keyof typeof catalogues]).filter(([, text]) => RULE_ID.test(text));
    expect(found).toEqual([]);
  });
});
