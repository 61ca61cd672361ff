// Issue 12 (noticed while closing it): every call refused before the caller is known costs an
// audit row, so one address gets a budget of such refusals a minute; past it, Throttling at once.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, platformSettings } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { v1Request } from '../../tests/helpers/ecs-requests';
import { createAccessKey } from '../services/access-keys';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
const BUDGET = 5;
beforeAll(async () => {
  await db().insert(platformSettings).values({ key: 'apiRefusalsPerAddressPerMinute', value: BUDGET, updatedAt: new Date() });
});

const from = (address: string, request: Request) => {
  const headers = new Headers(request.headers);
  headers.set('x-forwarded-for', address);
  return new Request(request, { headers });
};
const refusedAudits = async () => (await db().select().from(auditLog).where(eq(auditLog.outcome, 'error'))).length;

describe('refused calls per client address', () => {
  it('past the budget an address is answered Throttling with Retry-After and no audit row; other addresses and good calls elsewhere are unaffected', async () => {
    const forged = { accessKeyId: 'LTAI00000000000000000000', accessKeySecret: 'not-the-secret-of-anyone-000000' };
    const before = await refusedAudits();
    const codes: string[] = [];
    for (let n = 0; n < BUDGET + 3; n++) {
      const answer = await handleEcsRequest(from('203.0.113.7', v1Request(forged, { Action: 'DescribeRegions' })));
      codes.push(((await answer.json()) as { Code: string }).Code);
      if (n === BUDGET + 2) {
        expect(answer.status).toBe(429);
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(codes.slice(0, BUDGET)).toEqual(Array(BUDGET).fill('InvalidAccessKeyId.NotFound'));
    expect(codes.slice(BUDGET + 1)).toEqual(['Throttling', 'Throttling']);
    expect(await refusedAudits() - before).toBe(BUDGET);

    const key = await createAccessKey(await newBuyer());
    const ok = await handleEcsRequest(from('198.51.100.9', v1Request(key, { Action: 'DescribeRegions' })));
    expect(ok.status).toBe(200);
  });
});
