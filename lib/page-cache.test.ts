// Issue 13: whole public pages from memory for signed-out visitors, each answer with a fresh
// CSP nonce (issue 12's policy unchanged), rendered again after any marketplace change.
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProducts } from '../db/seed/marketplace-data';
import { seedTestMarketplace, throwawayDatabase } from '../tests/helpers/database';
import { publicPageKey, servePublicPage } from './page-cache';
import { responseSecurityHeaders } from './response-headers';
import { delistOwnProduct } from './services/products';

const { db } = throwawayDatabase();
const product = seedProducts.find((p) => p.status !== 'delisted')!;
let sellers: Awaited<ReturnType<typeof seedTestMarketplace>>;
let origin: string;
let server: http.Server;
const renders: string[] = [];

/** Stands in for Next: a fresh nonce per render, in the policy and on the page's scripts. */
async function render(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const nonce = randomBytes(16).toString('base64');
  renders.push(request.url!);
  for (const [name, value] of responseSecurityHeaders(new Headers(), 'page', nonce)) response.setHeader(name, value);
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.write(`<html><script nonce="${nonce}">self.__next_f=[]</script>`);
  response.end(`<p>render ${renders.length} of ${request.url}</p><script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></html>`);
}

beforeAll(async () => {
  sellers = await seedTestMarketplace(db());
  server = http.createServer((req, res) => void servePublicPage(req, res, render));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(origin + path, { headers });
  const body = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  return { response, body, nonce };
}

describe('public pages served from memory (issue 13)', () => {
  it('a second visitor gets the same page without a render, with a nonce of its own in the policy and every script', async () => {
    const path = `/marketplace/products/${product.code}`;
    const first = await get(path);
    const second = await get(path);
    expect(renders.filter((url) => url === path)).toHaveLength(1);
    expect(second.nonce).toBeDefined();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).not.toContain(first.nonce);
    expect(second.body).toBe(first.body.replaceAll(first.nonce!, second.nonce!));
    expect(second.body.match(new RegExp(second.nonce!.replace(/[+/=]/g, '\\$&'), 'g'))).toHaveLength(3);
    // Every issue-12 security header, made for this answer.
    for (const [name, value] of responseSecurityHeaders(new Headers(), 'page', second.nonce)) expect(second.response.headers.get(name)).toBe(value);
  });

  it('a marketplace change (a seller delisting a product, MKT-8) makes the next request render again', async () => {
    const path = '/marketplace/search?q=linux';
    await get(path);
    await get(path);
    expect(renders.filter((url) => url === path)).toHaveLength(1);
    const { accountId } = sellers.get(product.seller)!;
    await delistOwnProduct({ userId: `user-${accountId}`, accountId, roles: ['buyer', 'seller'], requestId: 'r' }, product.code);
    expect((await get(path)).body).toContain(`render ${renders.length} of ${path}`);
    expect(renders.filter((url) => url === path)).toHaveLength(2);
  });

  it('a signed-in visitor, a client navigation or another language is never answered with another visitor’s page', async () => {
    const path = '/marketplace';
    await get(path);
    const before = renders.length;
    await get(path, { cookie: 'better-auth.session_token=abc' });
    await get(path, { rsc: '1' });
    await get(path, { cookie: 'NEXT_LOCALE=zh-CN' });
    expect(renders.length - before).toBe(3);
    await get(path, { 'accept-language': 'zh-CN,zh;q=0.9' }); // the same language as the cookie: kept
    expect(renders.length - before).toBe(3);
  });
});

describe('which requests are public pages', () => {
  const key = (method: string, url: string, headers: Record<string, string> = {}) => publicPageKey(method, url, headers);
  it('the marketplace home, search and product pages, by language and URL', () => {
    expect(key('GET', '/marketplace')).toBe('en /marketplace');
    expect(key('HEAD', '/marketplace/search?q=mysql&page=2', { 'accept-language': 'zh' })).toBe('zh-CN /marketplace/search?q=mysql&page=2');
    expect(key('GET', '/marketplace/products/mysq000201', { cookie: 'NEXT_LOCALE=zh-CN' })).toBe('zh-CN /marketplace/products/mysq000201');
  });
  it('not the console, a malformed product code, a form post, an RSC payload or any request with a cookie but the language', () => {
    expect(key('GET', '/console/instances')).toBeNull();
    expect(key('GET', '/marketplace/products/../../console')).toBeNull();
    expect(key('POST', '/marketplace/products/mysq000201')).toBeNull();
    expect(key('GET', '/marketplace/search?_rsc=1x2y')).toBeNull();
    expect(key('GET', '/marketplace', { 'next-router-prefetch': '1' })).toBeNull();
    expect(key('GET', '/marketplace', { cookie: 'NEXT_LOCALE=en; __Secure-better-auth.session_token=abc' })).toBeNull();
  });
});
