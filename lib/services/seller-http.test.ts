// SEL-4: outside test mode (vitest runs as production), a seller's interface that resolves to
// this machine or a private network is never called.
import { describe, expect, it } from 'vitest';
import { config } from '../config';
import { callSeller } from './seller-http';

describe('calls to sellers in production', () => {
  it('refuse names that resolve to a private or local address, before any request is made', async () => {
    expect(config.mode).toBe('production');
    for (const url of ['https://localhost:9/stratus', 'https://127.0.0.1:9/stratus']) {
      const exchange = await callSeller({ url, keyId: 'SKtest', secret: 'secret', activity: 'newInstance', body: '{}' });
      expect([url, exchange.verdict, exchange.httpStatus]).toEqual([url, 'privateAddress', null]);
    }
  });
});
