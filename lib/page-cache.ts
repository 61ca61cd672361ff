// Issue 13: the public marketplace pages, whole, from memory, for the node:http front ahead of
// Next. A signed-out visitor's page depends only on its URL, the language and the marketplace
// (lib/services/marketplace-cache.ts keeps the revision every change to it bumps), so it is
// rendered once per revision and language. The one thing a page must not share is its CSP
// nonce: the copy kept is split where the nonce was, and every answer gets a fresh nonce, in
// its scripts and in its security headers (the same headers proxy.ts gives a page).
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { LOCALE_COOKIE, resolveLocale } from '../i18n/locales';
import { isProductCode } from './domain/marketplace';
import { responseSecurityHeaders } from './response-headers';
import { marketplaceRevision } from './services/marketplace-cache';

/** Pages kept (oldest out first): search URLs come from visitors. */
const MAX_PAGES = 200;

/**
 * The cache key of a request for a public page, or null when it must be rendered for itself:
 * not a marketplace page, not a plain GET/HEAD of the HTML (client navigations fetch RSC
 * payloads, forms post actions), or any cookie but the language (a session shows the buyer's name).
 */
export function publicPageKey(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): string | null {
  if ((method !== 'GET' && method !== 'HEAD') || !url) return null;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const product = path.startsWith('/marketplace/products/') ? path.slice('/marketplace/products/'.length) : null;
  if (path !== '/marketplace' && path !== '/marketplace/search' && !(product && isProductCode(product))) return null;
  if (['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch'].some((h) => headers[h] !== undefined)) return null;
  if (query !== -1 && new URLSearchParams(url.slice(query)).has('_rsc')) return null;
  const cookies = (headers.cookie ?? '').split(';').map((c) => c.trim()).filter(Boolean).map((c) => c.split('=', 2) as [string, string?]);
  if (cookies.some(([name]) => name !== LOCALE_COOKIE)) return null;
  const locale = resolveLocale(cookies.find(([name]) => name === LOCALE_COOKIE)?.[1], headers['accept-language'] ?? null);
  return `${locale} ${url}`;
}

type Page = { revision: number; headers: [string, string][]; parts: Buffer[] };
const pages = new Map<string, Page>();

/** Headers of the kept copy that belong to one answer, or that each answer gets anew. */
const perAnswer = new Set(['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'strict-transport-security', ...responseSecurityHeaders(new Headers(), 'page', 'n').map(([name]) => name.toLowerCase())]);

function splitAt(body: Buffer, nonce: string): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(nonce, 0, 'latin1'); at !== -1; at = body.indexOf(nonce, from, 'latin1')) {
    parts.push(body.subarray(from, at));
    from = at + nonce.length;
  }
  return [...parts, body.subarray(from)];
}

function send(request: IncomingMessage, response: ServerResponse, page: Page): void {
  const nonce = randomBytes(16).toString('base64');
  const forwarded = new Headers();
  const proto = request.headers['x-forwarded-proto'];
  if (typeof proto === 'string') forwarded.set('x-forwarded-proto', proto);
  const stamp = Buffer.from(nonce, 'latin1');
  let body = Buffer.concat(page.parts.flatMap((part, i) => (i === 0 ? [part] : [stamp, part])));
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (gzip) body = gzipSync(body, { level: 1 });
  response.statusCode = 200;
  for (const [name, value] of page.headers) response.setHeader(name, value);
  for (const [name, value] of responseSecurityHeaders(forwarded, 'page', nonce)) response.setHeader(name, value);
  if (gzip) response.setHeader('Content-Encoding', 'gzip');
  response.setHeader('Content-Length', body.length);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Keeps what `render` answers to a GET, if it is a page every signed-out visitor would get alike. */
function keepAnswer(response: ServerResponse, key: string, revision: number): void {
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = ((chunk: unknown, ...rest: unknown[]) => (collect(chunk, rest[0]), write(chunk, ...rest))) as ServerResponse['write'];
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') collect(chunk, rest[0]);
    const nonce = /'nonce-([^']+)'/.exec(String(response.getHeader('content-security-policy') ?? ''))?.[1];
    const html = String(response.getHeader('content-type') ?? '').startsWith('text/html');
    if (response.statusCode === 200 && html && nonce && !response.hasHeader('set-cookie') && !response.hasHeader('content-encoding')) {
      const headers = Object.entries(response.getHeaders()).filter(([name]) => !perAnswer.has(name)).map(([name, value]) => [name, String(value)] as [string, string]);
      if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
      pages.set(key, { revision, headers, parts: splitAt(Buffer.concat(chunks), nonce) });
    }
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
}

/** Answers a public page from memory when it can; else `render` (Next's request handler) answers, and a GET's page is kept. */
export async function servePublicPage(request: IncomingMessage, response: ServerResponse, render: (request: IncomingMessage, response: ServerResponse) => Promise<unknown>): Promise<void> {
  const key = publicPageKey(request.method, request.url, request.headers);
  if (!key) return void (await render(request, response));
  // Read before the render: a change while it runs moves the revision, so its page is not served.
  const revision = await marketplaceRevision();
  const page = pages.get(key);
  if (page?.revision === revision) return send(request, response, page);
  if (request.method === 'GET') {
    delete request.headers['accept-encoding']; // rendered plain, so the kept copy can take a new nonce
    keepAnswer(response, key, revision);
  }
  await render(request, response);
}
