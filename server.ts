// One server process of Stratus (started by scripts/start.ts, one per core): the ECS API is
// answered here, straight from node:http (lib/ecs-api/node-front.ts), and so are public
// marketplace pages already rendered for this marketplace revision (lib/page-cache.ts); every
// other request goes to Next.js, which serves the pages and server actions.
// Set before Next is loaded (imports are evaluated first, hence the dynamic imports below).
Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });

import http from 'node:http';

const { default: next } = await import('next');
const { isEcsCall } = await import('./lib/ecs-api/ecs-call');
const { serveEcsCall } = await import('./lib/ecs-api/node-front');
const { withPeer } = await import('./lib/domain/client-address');
const { servePublicPage } = await import('./lib/page-cache');

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, dir: process.cwd(), port });
const handlePage = app.getRequestHandler();
await app.prepare();

function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  // The app believes X-Forwarded-For only up to the peer it appends here (lib/domain/client-address.ts).
  const forwarded = req.headers['x-forwarded-for'];
  req.headers['x-forwarded-for'] = withPeer(Array.isArray(forwarded) ? forwarded.join(', ') : forwarded, req.socket.remoteAddress);
  const url = new URL(req.url ?? '/', 'http://stratus.local');
  const header = (name: string) => req.headers[name] as string | undefined;
  if (isEcsCall(req.method ?? 'GET', url.pathname, url.searchParams, header)) return serveEcsCall(req, res);
  // Public marketplace pages for signed-out visitors come from memory while the marketplace is unchanged.
  return servePublicPage(req, res, handlePage);
}

const server = http.createServer((req, res) => {
  route(req, res).catch((error) => {
    console.error('[server]', error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end();
  });
});
// A port in use or refused ends the process, and so `npm start` (which does not retry it).
server.on('error', (error) => {
  console.error(`[server] cannot listen on port ${port}:`, error.message);
  process.exit(1);
});
server.listen(port);
