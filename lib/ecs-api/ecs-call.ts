// One ECS API request as both servers see it: the lean node:http front (server.ts) and Next's
// route handler (app/api/ecs, for `next dev`). Header names are lower case.
export type EcsCall = {
  method: string;
  /** The path and query, e.g. "/?Action=DescribeRegions&…". */
  url: string;
  headers: ReadonlyMap<string, string>;
  body: string;
};

export type EcsAnswer = { status: number; headers: [string, string][]; body: string };

/**
 * API-1: the SDKs call the site root (pop-core posts its form to "/", the generated SDK cannot
 * add a path). A request to "/" that carries an action is an ECS call, as is any on /api/ecs.
 */
export function isEcsCall(method: string, pathname: string, search: URLSearchParams, header: (name: string) => string | null | undefined): boolean {
  if (pathname === '/api/ecs') return true;
  if (pathname !== '/') return false;
  const form = method === 'POST' && (header('content-type') ?? '').includes('application/x-www-form-urlencoded');
  return header('x-acs-action') != null || search.has('Action') || form;
}

/** A web Request (Next's route handler, tests) as an EcsCall. */
export async function callOfRequest(request: Request): Promise<EcsCall> {
  const url = new URL(request.url);
  const headers = new Map<string, string>();
  for (const [name, value] of request.headers) headers.set(name.toLowerCase(), value);
  return { method: request.method, url: url.pathname + url.search, headers, body: request.method === 'POST' ? await request.text() : '' };
}

export function responseOf(answer: EcsAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
