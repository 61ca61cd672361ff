// Issue 12: ACS3's SignedHeaders names come from the caller; a name like "constructor" must
// not reach Object.prototype (it answered HTTP 500: "trim is not a function").
import { describe, expect, it } from 'vitest';
import { acs3CanonicalRequest } from './signatures';

describe('issue 12: ACS3 canonical headers read only the request’s own headers', () => {
  it('prototype names sign as empty headers instead of throwing', () => {
    const canonical = acs3CanonicalRequest({ method: 'POST', query: {}, headers: { host: 'ecs.example' }, signedHeaders: ['constructor', '__proto__', 'toString', 'host'], bodySha256: 'e3b0' });
    expect(canonical.split('\n').slice(3, 7)).toEqual(['__proto__:', 'constructor:', 'host:ecs.example', 'tostring:']);
  });
});
