// The test-only session route must not exist outside test mode (issue 14): vitest runs with the
// default mode, production, where a request to it opens no account.
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { config } from '../../lib/config';
import { throwawayDatabase } from '../helpers/database';
import { POST } from '../../app/api/test/session/route';

const { db } = throwawayDatabase();

describe('the test session endpoint', () => {
  it('answers 404, sets no cookie and creates no user when the server is not in test mode', async () => {
    expect(config.mode).toBe('production');
    const body = JSON.stringify({ name: 'Intruder', email: 'intruder@example.test', password: 'correct horse battery' });
    const response = await POST(new Request('http://127.0.0.1/api/test/session', { method: 'POST', body }));
    expect(response.status).toBe(404);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await db().select({ n: count() }).from(users).limit(1)).at(0)!.n).toBe(0);
  });
});
