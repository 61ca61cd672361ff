// server.ts as a seller (or the marketplace's end-to-end tests) runs it: its own process,
// settings from the environment, its URL printed on one line, state read over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { signRequest, verifyBodySign } from './signing.js';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
});

function startServer(env: Record<string, string>): Promise<string> {
  const server = path.join(import.meta.dirname, 'server.ts');
  child = spawn(process.execPath, ['--import', 'tsx', server], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child!.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

it('starts from the environment, answers a signed call and exposes its state', async () => {
  const url = await startServer({ SELLER_KEYS: 'ak-1:secret-one,ak-2:secret-two', EXPOSE_STATE: '1' });
  const body = JSON.stringify({
    activity: 'newInstance',
    orderId: 'o-server',
    orderLineId: 'l-server',
    productCode: 'lnmp000101',
    skuCode: 'lnmp000101-free',
    accountId: '1234567890123456',
    regionId: 'cn-hangzhou',
    period: null,
    amountFen: 0,
    testOrder: true,
  });
  const timestamp = String(Date.now());
  const nonce = 'server-test-nonce-0001';
  const signature = signRequest({ accessKey: 'ak-2', secret: 'secret-two', nonce, timestamp, body });
  const res = await fetch(`${url}/?${new URLSearchParams({ accessKey: 'ak-2', timestamp, nonce, signature })}`, { method: 'POST', body });
  const text = await res.text();
  expect(JSON.parse(text)).toMatchObject({ resultCode: '000000', instanceId: expect.any(String) });
  expect(verifyBodySign('secret-two', res.headers.get('body-sign'), text)).toBe(true);
  expect(await (await fetch(`${url}/_state`)).json()).toMatchObject({ failMode: 'none', effects: { 'l-server': 1 } });
});
