// Every request but Next's static files and console uploads passes here.
// - Security headers (issue 12) on pages and the API, with a fresh nonce per page request:
//   Next reads it from the request's Content-Security-Policy and puts it on its scripts.
// - API-1: a request to "/" that carries an action goes to the ECS endpoint. server.ts answers
//   those itself before Next sees them; this rewrite is for `next dev`.
import { NextResponse, type NextRequest } from 'next/server';
import { isEcsCall } from './lib/ecs-api/ecs-call';
import { responseSecurityHeaders } from './lib/response-headers';

export function proxy(request: NextRequest) {
  const ecs = isEcsCall(request.method, request.nextUrl.pathname, request.nextUrl.searchParams, (name) => request.headers.get(name));
  const kind = ecs || request.nextUrl.pathname.startsWith('/api/') ? 'api' : 'page';
  const nonce = kind === 'page' ? Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64') : undefined;
  const headers = responseSecurityHeaders(request.headers, kind, nonce);

  const requestHeaders = new Headers(request.headers);
  if (nonce) requestHeaders.set('Content-Security-Policy', new Map(headers).get('Content-Security-Policy')!);
  const response = ecs ? NextResponse.rewrite(new URL(`/api/ecs${request.nextUrl.search}`, request.url), { request: { headers: requestHeaders } }) : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

// Uploads stay out: Next buffers (and cuts at 10 MB) the body of a request the proxy sees; the
// upload route sets the same headers itself.
export const config = { matcher: '/((?!_next/static|_next/image|console/api/buckets/).*)' };
