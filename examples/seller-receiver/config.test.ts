import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('settings from the environment', () => {
  it('reads several keys for a rotation; a secret may contain ":"', () => {
    expect(readConfig({ SELLER_KEYS: ' key1:sec:ret1 , key2:secret2 ', SELLER_ACCESS_KEY: 'key0', SELLER_SECRET: 'secret0' }).keys).toEqual({
      key0: 'secret0',
      key1: 'sec:ret1',
      key2: 'secret2',
    });
  });

  it('has safe defaults: loopback, port 8080, no fail mode, no state endpoint', () => {
    expect(readConfig({ SELLER_KEYS: 'k:s' })).toEqual({ port: 8080, host: '127.0.0.1', keys: { k: 's' }, failMode: 'none', exposeState: false, dataFile: undefined, frontEndBaseUrl: undefined });
    expect(readConfig({ SELLER_KEYS: 'k:s', PORT: '0', FAIL_MODE: 'internal', EXPOSE_STATE: '1', DATA_FILE: '/tmp/o.json' })).toMatchObject({ port: 0, failMode: 'internal', exposeState: true, dataFile: '/tmp/o.json' });
  });

  it.each([
    [{}, /no key/],
    [{ SELLER_ACCESS_KEY: 'k' }, /go together/],
    [{ SELLER_KEYS: 'k1:s1,just-a-key' }, /entry 2 is not accessKey:secret/],
    [{ SELLER_KEYS: 'k:s', FAIL_MODE: 'down' }, /stop it instead/],
    [{ SELLER_KEYS: 'k:s', FAIL_MODE: 'slow' }, /FAIL_MODE must be one of none, internal/],
    [{ SELLER_KEYS: 'k:s', PORT: 'http' }, /PORT/],
  ])('refuses %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('never echoes a secret in an error', () => {
    expect(() => readConfig({ SELLER_KEYS: 'k1:very-secret-value,broken' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('very-secret') }));
  });
});
