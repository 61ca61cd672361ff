// The test-only clock must not exist outside test mode (issue 2): vitest runs with the default
// mode, production.
import { describe, expect, it } from 'vitest';
import { clock } from '../../lib/clock';
import { config } from '../../lib/config';
import { GET, POST } from '../../app/api/test/clock/route';

describe('the test clock endpoint', () => {
  it('answers 404 and moves nothing when the server is not in test mode', async () => {
    expect(config.mode).toBe('production');
    expect((await GET()).status).toBe(404);
    const moved = await POST(new Request('http://127.0.0.1/api/test/clock', { method: 'POST', body: JSON.stringify({ advanceMs: 3_600_000 }) }));
    expect(moved.status).toBe(404);
    expect(clock.offsetMs()).toBe(0);
  });
});
