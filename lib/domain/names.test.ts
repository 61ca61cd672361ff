import { describe, expect, it } from 'vitest';
import { isValidDescription, isValidResourceName } from './names';

describe('resource names (IMP-3)', () => {
  it.each([
    ['a', false, '1 character'],
    ['ab', true, '2 characters'],
    ['a'.repeat(128), true, '128 characters'],
    ['a'.repeat(129), false, '129 characters'],
    ['1web', false, 'starts with a digit'],
    ['_web', false, 'starts with an underscore'],
    ['网站服务器', true, 'Chinese'],
    ['web-01.prod:a_b', true, 'allowed punctuation'],
    ['web server', false, 'a space'],
    ['web/1', false, 'a slash'],
  ])('%s → %s (%s)', (name, valid) => {
    expect(isValidResourceName(name)).toBe(valid);
  });

  it('never starts with http:// or https://', () => {
    expect(isValidResourceName('http://x')).toBe(false);
    expect(isValidResourceName('https://x')).toBe(false);
  });

  it('descriptions: 0–256 characters, no leading URL', () => {
    expect(isValidDescription('')).toBe(true);
    expect(isValidDescription('x'.repeat(256))).toBe(true);
    expect(isValidDescription('x'.repeat(257))).toBe(false);
    expect(isValidDescription('https://evil')).toBe(false);
    expect(isValidDescription('see https://docs')).toBe(true);
  });
});
