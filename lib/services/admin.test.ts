// ADM-2 freeze/unfreeze, ADM-3 audit log filters, ADM-4 platform settings — operator only.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notifications, products, sellerDeliveries } from '../../db/schema';
import { newBuyer, seedTestMarketplace, throwawayDatabase } from '../../tests/helpers/database';
import { expectCloudError, fund, productImage } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { listAudit } from './audit';
import { freezeInstance, listAllInstances, unfreezeInstance } from './freezes';
import { completeBoot, getInstance, runInstances, startInstance } from './instances';
import { platformDefaults, readSettings, updateSettings } from './settings';

const { db } = throwawayDatabase();
let sellers: Map<string, { accountId: string }>;
beforeAll(async () => {
  sellers = await seedTestMarketplace(db());
  await db().update(products).set({ interfaceUrl: 'https://seller.example.com/calls' }).where(eq(products.code, 'lnmp000101'));
});
afterEach(() => clock.reset());

const admin: Actor = { userId: 'admin-user', accountId: '9000000000000001', roles: ['buyer', 'admin'], requestId: newRequestId() };

async function runningProductInstance(buyer: Actor): Promise<string> {
  await fund(buyer, 100_000);
  const [id] = (await runInstances(buyer, { regionId: 'cn-hangzhou', imageId: await productImage('lnmp000101'), instanceTypeId: 'ecs.g7.large', amount: 1, skuCode: 'lnmp000101-hourly' })).instanceIds;
  await completeBoot({ ...buyer, roles: [] }, [id]);
  return id;
}

describe('ADM-2 freeze and unfreeze', () => {
  it('the operator freezes any account’s instance with a reason; owner and seller are told; unfreezing leaves it stopped', async () => {
    const buyer = await newBuyer();
    const id = await runningProductInstance(buyer);
    expect((await listAllInstances(admin, { q: id })).items.map((r) => r.instance.id)).toEqual([id]);
    await expectCloudError(async () => await freezeInstance(admin, id, { note: '' }), 'InvalidParameter.DecisionNote');
    // The owner reads the reason as written: too long is refused, not cut.
    await expectCloudError(async () => await freezeInstance(admin, id, { note: 'x'.repeat(501) }), 'InvalidParameter.DecisionNote');
    await freezeInstance(admin, id, { note: 'Phishing site reported' });
    expect(await getInstance(buyer, id)).toMatchObject({ status: 'Frozen', statusReason: 'violation' });
    await expectCloudError(async () => await startInstance(buyer, id), 'IncorrectInstanceStatus');
    const sellerCalls = async () => (await db().select().from(sellerDeliveries).where(eq(sellerDeliveries.sellerAccountId, sellers.get('cloudsail')!.accountId))).map((c) => [c.activity, JSON.parse(c.body).status]);
    expect(await sellerCalls()).toEqual([
      ['newInstance', undefined],
      ['updateInstanceStatus', 'frozen'],
    ]);
    expect(await db().select().from(notifications).where(and(eq(notifications.accountId, buyer.accountId), eq(notifications.kind, 'instanceFrozen')))).toHaveLength(1);

    await unfreezeInstance(admin, id);
    expect((await getInstance(buyer, id)).status).toBe('Stopped');
    expect((await sellerCalls()).at(-1)).toEqual(['updateInstanceStatus', 'normal']);
    expect((await startInstance(buyer, id)).status).toBe('Running');
    await expectCloudError(async () => await unfreezeInstance(admin, id), 'IncorrectInstanceStatus');
  });

  it('the operator’s instance search matches an id or name in any case, its % and _ literally (issue 15)', async () => {
    const buyer = await newBuyer();
    const id = await runningProductInstance(buyer);
    const found = async (q: string) => (await listAllInstances(admin, { q })).items.map((r) => r.instance.id);
    expect(await found(id.toUpperCase())).toEqual([id]);
    expect(await found(`${id.slice(0, 3)}_`)).not.toContain(id);
    expect(await found('%')).toEqual([]);
  });

  it('a buyer can neither freeze nor list other accounts’ instances', async () => {
    const buyer = await newBuyer();
    const id = await runningProductInstance(await newBuyer());
    await expectCloudError(async () => await freezeInstance(buyer, id, { note: 'x' }), 'Forbidden');
    await expectCloudError(async () => await listAllInstances(buyer), 'Forbidden');
  });
});

describe('ADM-4 platform settings', () => {
  it('every limit can be changed within its range; changes are audited with before and after', async () => {
    expect(await readSettings(db())).toEqual(platformDefaults);
    await updateSettings(admin, { refundWindowDays: 7, commissionBps: 1500 });
    expect(await readSettings(db())).toMatchObject({ refundWindowDays: 7, commissionBps: 1500, refundsPerYear: 10 });
    const [entry] = (await listAudit(admin, { action: 'UpdateSettings', outcome: 'ok' })).items;
    expect(entry.entry.detail).toEqual({ refundWindowDays: { from: 5, to: 7 }, commissionBps: { from: 1000, to: 1500 } });
    expect((await expectCloudError(async () => await updateSettings(admin, { commissionBps: 10_001 }), 'InvalidParameter.Setting')).params).toEqual({ setting: 'commissionBps' });
    await expectCloudError(async () => await updateSettings(admin, { sharesPerDay: 0 }), 'InvalidParameter.Setting');
    await expectCloudError(async () => await updateSettings(admin, { unknownLimit: 3 }), 'InvalidParameter.Setting');
    await expectCloudError(async () => await updateSettings(await newBuyer(), { refundWindowDays: 1 }), 'Forbidden');
    await updateSettings(admin, platformDefaults);
    expect(await readSettings(db())).toEqual(platformDefaults);
  });
});

describe('ADM-3 audit log', () => {
  it('filters by account, action, outcome, request id and day; buyers cannot read it', async () => {
    const buyer = await newBuyer();
    const id = await runningProductInstance(buyer);
    await expectCloudError(async () => await startInstance(buyer, id), 'IncorrectInstanceStatus');
    const mine = await listAudit(admin, { accountId: buyer.accountId });
    expect(mine.items.map((r) => r.entry.action)).toEqual(expect.arrayContaining(['RunInstances', 'StartInstance']));
    const refused = (await listAudit(admin, { accountId: buyer.accountId, outcome: 'error' })).items;
    expect(refused.map((r) => [r.entry.action, r.entry.target, r.entry.errorCode])).toEqual([['StartInstance', id, 'IncorrectInstanceStatus']]);
    expect((await listAudit(admin, { requestId: refused[0].entry.requestId })).total).toBeGreaterThanOrEqual(1);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // a China (UTC+8) day
    expect((await listAudit(admin, { accountId: buyer.accountId, from: today, to: today })).total).toBe(mine.total);
    expect((await listAudit(admin, { accountId: buyer.accountId, to: '2020-01-01' })).total).toBe(0);
    await expectCloudError(async () => await listAudit(buyer), 'Forbidden');
  });

  it('an action or target filter matches any case, and its % and _ literally (issue 15: the same on every engine)', async () => {
    const buyer = await newBuyer();
    const id = await runningProductInstance(buyer);
    const actions = async (action: string) => (await listAudit(admin, { accountId: buyer.accountId, action })).items.map((r) => r.entry.action);
    expect(await actions('runinstances')).toEqual(['RunInstances']);
    expect(await actions('%')).toEqual([]);
    expect(await actions('Run_nstances')).toEqual([]);
    expect(new Set((await listAudit(admin, { accountId: buyer.accountId, target: id.toUpperCase() })).items.map((r) => r.entry.target))).toEqual(new Set([id]));
  });
});
