// The API's parameters are read into a plain map; a value no engine should be handed is refused there.
import { describe, expect, it } from 'vitest';
import { paramsOf } from './params';

describe('reading RPC parameters', () => {
  it('a value with a NUL character is refused as InvalidParameter, naming the parameter (PostgreSQL cannot store one; issue 15)', () => {
    expect(() => paramsOf(new URLSearchParams({ Action: 'DeleteImage', ImageId: 'm-\u0000' }))).toThrow(expect.objectContaining({ code: 'InvalidParameter', field: 'ImageId' }));
  });

  it('the form body wins over the query, and __proto__ is just a parameter', () => {
    const params = paramsOf(new URLSearchParams('ImageId=a&__proto__=x'), new URLSearchParams('ImageId=b'));
    expect(params.ImageId).toBe('b');
    expect(params.__proto__).toBe('x');
    expect(Object.getPrototypeOf(params)).toBeNull();
  });
});
