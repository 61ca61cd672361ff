// The ECS API served straight from node:http (issue 13): no routing, middleware, web Request and
// Response objects or compression on the way, which cost more than the call itself. Everything
// the call means (API-1 … API-5) is in answerEcsCall; this only moves bytes, within a limit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { config } from '../config';
import { CloudError } from '../domain/errors';
import { newRequestId } from '../domain/ids';
import { responseSecurityHeaders } from '../response-headers';
import type { EcsAnswer, EcsCall } from './ecs-call';
import { answerEcsCall, errorAnswer } from './handle';

/** Header names lower case; a repeated header joined with ", " as the Fetch API does. */
export function headersOf(req: IncomingMessage): Map<string, string> {
  const headers = new Map<string, string>();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    const seen = headers.get(name);
    headers.set(name, seen === undefined ? req.rawHeaders[i + 1] : `${seen}, ${req.rawHeaders[i + 1]}`);
  }
  return headers;
}

/** The body as text, or null when it is longer than `max` bytes (reading stops there). */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > max) return resolve(null);
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > max) {
        req.removeAllListeners('data');
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, headers: Map<string, string>, answer: EcsAnswer, close = false): void {
  const all = [...responseSecurityHeaders(headers, 'api'), ...answer.headers];
  all.push(['content-length', String(Buffer.byteLength(answer.body))]);
  if (close) all.push(['connection', 'close']);
  res.writeHead(answer.status, all.flat());
  res.end(answer.body);
}

export async function serveEcsCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = headersOf(req);
  // server.ts put the peer on the header it reads.
  const forwarded = req.headers['x-forwarded-for'];
  if (typeof forwarded === 'string') headers.set('x-forwarded-for', forwarded);
  const method = req.method ?? 'GET';
  const body = method === 'POST' ? await readBody(req, config.apiMaxBodyBytes) : '';
  if (body === null) {
    // The rest of the body is not read: the connection ends with the answer.
    const tooLarge = new CloudError('RequestEntityTooLarge', { max: `${Math.floor(config.apiMaxBodyBytes / 1024)} KiB` });
    return send(res, headers, errorAnswer(newRequestId(), headers.get('host') ?? 'ecs.stratus.local', tooLarge), true);
  }
  const call: EcsCall = { method, url: req.url ?? '/', headers, body };
  send(res, headers, await answerEcsCall(call));
}
