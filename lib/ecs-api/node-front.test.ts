// Issue 13: the ECS API answered from node:http, ahead of Next. Same answers as the route
// handler (API-1 … API-3), the same security headers (issue 12), a bounded body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { v1Request } from '../../tests/helpers/ecs-requests';
import { config } from '../config';
import { createAccessKey } from '../services/access-keys';
import { isEcsCall } from './ecs-call';
import { serveEcsCall } from './node-front';

throwawayDatabase();
let origin = '';
const server = http.createServer((req, res) => void serveEcsCall(req, res));
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve(void (origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`)))));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const over = async (request: Request) => {
  const url = new URL(request.url);
  return fetch(`${origin}/${url.search}`, { method: request.method, headers: request.headers, body: request.method === 'POST' ? await request.text() : undefined });
};

describe('the node:http front of the ECS API', () => {
  it('answers a signed call at the site root as JSON with the API security headers', async () => {
    const key = await createAccessKey(await newBuyer());
    const response = await over(v1Request(key, { Action: 'DescribeRegions' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect((await response.json()).Regions.Region.length).toBeGreaterThan(0);
  });

  it('a form POST signed as pop-core sends it', async () => {
    const key = await createAccessKey(await newBuyer());
    const response = await over(v1Request(key, { Action: 'DescribeRegions' }, 'POST'));
    expect(response.status).toBe(200);
  });

  it('a body over STRATUS_API_MAX_BODY_BYTES is refused with RequestEntityTooLarge, unread', async () => {
    const response = await fetch(`${origin}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a'.repeat(config.apiMaxBodyBytes + 1) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ Code: 'RequestEntityTooLarge', RequestId: expect.any(String) });
    expect(response.headers.get('connection')).toBe('close');
  });

  it('routes only ECS calls: /api/ecs, and "/" with an action, an ACS3 action header or a form', () => {
    const none = () => undefined;
    const form = (name: string) => (name === 'content-type' ? 'application/x-www-form-urlencoded' : undefined);
    expect(isEcsCall('GET', '/api/ecs', new URLSearchParams(), none)).toBe(true);
    expect(isEcsCall('GET', '/', new URLSearchParams('Action=DescribeRegions'), none)).toBe(true);
    expect(isEcsCall('POST', '/', new URLSearchParams(), (n) => (n === 'x-acs-action' ? 'DescribeRegions' : undefined))).toBe(true);
    expect(isEcsCall('POST', '/', new URLSearchParams(), form)).toBe(true);
    expect(isEcsCall('GET', '/', new URLSearchParams(), none)).toBe(false);
    expect(isEcsCall('GET', '/marketplace', new URLSearchParams('Action=DescribeRegions'), none)).toBe(false);
    expect(isEcsCall('GET', '/api/ecs/x', new URLSearchParams(), none)).toBe(false);
  });
});
