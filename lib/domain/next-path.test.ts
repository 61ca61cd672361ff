// Issue 12 (open redirect): after sign-in, only same-origin paths are followed.
import { describe, expect, it } from 'vitest';
import { AFTER_SIGN_IN, safeNextPath } from './next-path';

const origin = 'https://stratus.example.com';

describe('safeNextPath: the place to go after signing in is a path of this site', () => {
  it.each([
    ['tab', '/\t/evil.example/phish'],
    ['newline', '/\n/evil.example/phish'],
    ['carriage return', '/\r/evil.example'],
    ['protocol-relative', '//evil.example/phish'],
    ['slash backslash', '/\\evil.example'],
    ['backslashes', '\\\\evil.example'],
    ['backslash tab', '/\t\\evil.example'],
    ['dot segment to //', '/.//evil.example'],
    ['absolute https', 'https://evil.example/phish'],
    ['absolute http of this host', 'http://stratus.example.com/console'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['empty', ''],
    ['relative', 'console/instances'],
    ['not a string', 42],
    ['missing', null],
  ])('refuses %s', (_, next) => {
    expect(safeNextPath(next, origin)).toBe(AFTER_SIGN_IN);
  });

  it('the form value of ?next=%2F%09%2Fevil.example%2Fphish is refused', () => {
    const next = new URLSearchParams('next=%2F%09%2Fevil.example%2Fphish').get('next');
    expect(safeNextPath(next, origin)).toBe(AFTER_SIGN_IN);
  });

  it.each([
    ['encoded slashes', '/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['encoded backslash', '/%5Cevil.example', '/%5Cevil.example'],
    ['encoded tab', '/%09/evil.example', '/%09/evil.example'],
  ])('keeps %s as a path of this site (they are not decoded into a host)', (_, next, path) => {
    expect(safeNextPath(next, origin)).toBe(path);
  });

  it.each([
    ['/console/instances', '/console/instances'],
    ['/marketplace/search?q=nginx&page=2', '/marketplace/search?q=nginx&page=2'],
    ['/console/images/m-1#lineage', '/console/images/m-1#lineage'],
    ['/console/../marketplace', '/marketplace'],
  ])('keeps the good path %s', (next, path) => {
    expect(safeNextPath(next, origin)).toBe(path);
  });

  it('keeps paths whatever the site origin is (http on a port)', () => {
    expect(safeNextPath('/seller/keys', 'http://localhost:3000')).toBe('/seller/keys');
    expect(safeNextPath('//localhost:3001/x', 'http://localhost:3000')).toBe(AFTER_SIGN_IN);
  });
});
