// API-1: the SDKs call the site root (pop-core posts its form to "/", the generated SDK cannot
// add a path). A request to "/" that carries an action goes to the ECS endpoint.
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const form = request.method === 'POST' && (request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded');
  if (request.headers.has('x-acs-action') || url.searchParams.has('Action') || form) {
    return NextResponse.rewrite(new URL(`/api/ecs${url.search}`, request.url));
  }
  return NextResponse.next();
}

export const config = { matcher: '/' };
