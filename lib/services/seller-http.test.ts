// SEL-4: outside test mode (vitest runs as production), a seller's interface that resolves to
// this machine or a private network is never called; the name is resolved once and the
// connection goes to the address that was checked (issue 12: DNS rebinding).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../config';
import { callSeller, type Resolve } from './seller-http';

const call = (url: string, options?: Parameters<typeof callSeller>[1]) => callSeller({ url, keyId: 'SKtest', secret: 'secret', activity: 'newInstance', body: '{}' }, options);

/** A resolver answering each name with the next of its answers (the last one from then on), counting its calls. */
function rebinding(...answers: string[][]): Resolve & { calls: number } {
  const resolve = Object.assign(
    async () => {
      const answer = answers[Math.min(resolve.calls, answers.length - 1)];
      resolve.calls += 1;
      return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
    { calls: 0 },
  );
  return resolve;
}

/** A local HTTP server on the given address counting the requests it gets. */
async function server(host: string, port = 0): Promise<{ port: number; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const s = http.createServer((_req, res) => {
    hits += 1;
    res.end('not a seller');
  });
  await new Promise<void>((resolve) => s.listen(port, host, resolve));
  return { port: (s.address() as AddressInfo).port, hits: () => hits, close: () => new Promise((resolve) => s.close(() => resolve())) };
}

describe('calls to sellers in production', () => {
  it('refuse names that resolve to a private or local address, before any request is made', async () => {
    expect(config.mode).toBe('production');
    for (const url of ['https://localhost:9/stratus', 'https://127.0.0.1:9/stratus', 'https://[::ffff:7f00:1]:9/stratus']) {
      const exchange = await call(url);
      expect([url, exchange.verdict, exchange.httpStatus]).toEqual([url, 'privateAddress', null]);
    }
  });

  it('refuse a name when any of its addresses is not public (NAT64, 6to4, hex-mapped, benchmarking)', async () => {
    for (const address of ['64:ff9b::7f00:1', '2002:7f00:1::', '::ffff:7f00:1', '198.18.0.1', '192.0.0.8', 'fec0::1']) {
      const resolve = rebinding(['8.8.8.8', address]);
      expect([address, (await call('https://seller.example.com/stratus', { resolve })).verdict]).toEqual([address, 'privateAddress']);
    }
  });
});

describe('DNS rebinding (issue 12)', () => {
  let checked: Awaited<ReturnType<typeof server>>;
  let rebound: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    checked = await server('127.0.0.1');
    // Same port on another loopback address: where a second resolution would lead.
    rebound = await server('127.0.0.2', checked.port);
  });
  afterAll(async () => {
    await checked.close();
    await rebound.close();
  });

  it('connects to the address that was checked: the name is resolved once, a changed answer is never used', async () => {
    const resolve = rebinding(['127.0.0.1'], ['127.0.0.2']);
    const exchange = await call(`http://rebind.example:${checked.port}/stratus`, { resolve, localPorts: [checked.port] });
    expect(exchange.httpStatus).toBe(200);
    expect([resolve.calls, checked.hits(), rebound.hits()]).toEqual([1, 1, 0]);
  });

  it('a name whose one answer is 127.0.0.1 is refused and never called, whatever it would answer next', async () => {
    const resolve = rebinding(['127.0.0.1'], ['8.8.8.8']);
    expect((await call(`http://rebind.example:${checked.port}/stratus`, { resolve })).verdict).toBe('privateAddress');
    expect([resolve.calls, checked.hits()]).toEqual([1, 1]);
  });

  it('STRATUS_ALLOW_LOCAL_INTERFACES lists ports: a local port not listed is refused', async () => {
    const exchange = await call(`http://127.0.0.1:${checked.port}/stratus`, { localPorts: [checked.port + 1] });
    expect(exchange.verdict).toBe('privateAddress');
    expect(checked.hits()).toBe(1);
  });

  it('an answer longer than 64 KiB is not read to its end and is a bad answer; the log keeps 4,000 characters', async () => {
    const big = http.createServer((_req, res) => res.end('x'.repeat(1024 * 1024)));
    await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
    const port = (big.address() as AddressInfo).port;
    const exchange = await call(`http://127.0.0.1:${port}/stratus`, { localPorts: [port] });
    await new Promise((resolve) => big.close(resolve));
    expect([exchange.verdict, exchange.response?.length]).toEqual(['badAnswer', 4000]);
  });
});
