// SEL-1, ADM-1: applying to sell, the admin's decision, and who may see and do what.
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { accounts, auditLog, notifications } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { expectCloudError } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import { rolesOf, type Actor } from '../domain/actor';
import { newRequestId } from '../domain/ids';
import { SellerConditionsNotMet } from '../domain/seller-onboarding';
import { applyAsSeller, approveApplication, getApplication, listApplications, myApplication, pendingApplicationCount, rejectApplication } from './seller-applications';

const { db } = throwawayDatabase();
afterEach(() => clock.reset());

const admin: Actor = { userId: 'admin-user', accountId: '9000000000000001', roles: ['buyer', 'admin'], requestId: newRequestId() };

const form = {
  companyName: 'Example Cloud Software Co., Ltd.',
  foundedOn: '2019-06-01',
  registeredCapital: '1000000',
  staffCount: '12',
  supportHours: '7x12',
  contactEmail: 'partners@example.test',
  agreement: 'on',
};

const sellerStatus = async (actor: Actor) => (await db().select().from(accounts).where(eq(accounts.id, actor.accountId)).limit(1)).at(0)!.sellerStatus;
const rolesNow = async (actor: Actor) => rolesOf({ sellerStatus: await sellerStatus(actor), isAdmin: false });
const kindsFor = async (actor: Actor) => (await db().select().from(notifications).where(eq(notifications.accountId, actor.accountId))).map((n) => ({ kind: n.kind, params: n.params }));

describe('SEL-1 applying', () => {
  it('a qualifying application waits for review, stored in fen, and the account is "applied"', async () => {
    clock.set(new Date('2026-05-15T02:00:00Z'));
    const buyer = await newBuyer('Example Cloud');
    expect(await myApplication(buyer)).toEqual({ sellerStatus: 'none', application: null });
    const application = await applyAsSeller(buyer, form);
    expect(application).toMatchObject({
      accountId: buyer.accountId,
      companyName: 'Example Cloud Software Co., Ltd.',
      foundedOn: '2019-06-01',
      registeredCapitalFen: 100_000_000,
      staffCount: 12,
      supportHours: '7x12',
      contactEmail: 'partners@example.test',
      status: 'pending',
      decisionNote: null,
      decidedAt: null,
    });
    expect(application.agreementAcceptedAt).toEqual(application.submittedAt);
    expect(await myApplication(buyer)).toEqual({ sellerStatus: 'applied', application });
    expect(await rolesNow(buyer)).toEqual(['buyer']);
  });

  it('every failed condition comes back at once, and nothing is stored', async () => {
    const buyer = await newBuyer();
    const error = await expectCloudError(async () => await applyAsSeller(buyer, { ...form, registeredCapital: '499999.99', staffCount: '4', agreement: undefined }), 'SellerCondition.RegisteredCapital');
    expect(error).toBeInstanceOf(SellerConditionsNotMet);
    expect((error as SellerConditionsNotMet).failures.map((f) => f.code)).toEqual(['SellerCondition.RegisteredCapital', 'SellerCondition.StaffCount', 'SellerCondition.Agreement']);
    expect(await myApplication(buyer)).toEqual({ sellerStatus: 'none', application: null });
    const audited = await db().select().from(auditLog).where(and(eq(auditLog.accountId, buyer.accountId), eq(auditLog.action, 'ApplyAsSeller')));
    expect(audited.map((a) => [a.outcome, a.errorCode])).toEqual([['error', 'SellerCondition.RegisteredCapital']]);
  });

  it('one application waits at a time', async () => {
    const buyer = await newBuyer();
    await applyAsSeller(buyer, form);
    await expectCloudError(async () => await applyAsSeller(buyer, form), 'InvalidSellerApplication.Pending');
  });
});

describe('ADM-1 the admin decides', () => {
  it('approval makes the account a seller and tells it; an approved seller cannot apply again', async () => {
    const buyer = await newBuyer();
    const { id } = await applyAsSeller(buyer, form);
    const approved = await approveApplication(admin, id);
    expect(approved).toMatchObject({ id, status: 'approved', decidedBy: 'admin-user' });
    expect(approved.decidedAt).not.toBeNull();
    expect(await sellerStatus(buyer)).toBe('approved');
    expect(await rolesNow(buyer)).toEqual(['buyer', 'seller']);
    expect(await kindsFor(buyer)).toEqual([{ kind: 'sellerApplicationApproved', params: { companyName: form.companyName } }]);
    await expectCloudError(async () => await applyAsSeller(buyer, form), 'InvalidSellerApplication.AlreadySeller');
    await expectCloudError(async () => await approveApplication(admin, id), 'IncorrectSellerApplicationStatus');
    await expectCloudError(async () => await rejectApplication(admin, id, { note: 'too late' }), 'IncorrectSellerApplicationStatus');
  });

  it('a rejection needs a reason the applicant reads; the applicant may then apply again', async () => {
    const buyer = await newBuyer();
    const first = await applyAsSeller(buyer, form);
    await expectCloudError(async () => await rejectApplication(admin, first.id, { note: '   ' }), 'InvalidParameter.DecisionNote');
    await expectCloudError(async () => await rejectApplication(admin, first.id, {}), 'InvalidParameter.DecisionNote');
    const rejected = await rejectApplication(admin, first.id, { note: 'The business licence number does not match the company name.' });
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: 'The business licence number does not match the company name.' });
    expect(await myApplication(buyer)).toEqual({ sellerStatus: 'rejected', application: rejected });
    expect(await rolesNow(buyer)).toEqual(['buyer']);
    expect(await kindsFor(buyer)).toEqual([{ kind: 'sellerApplicationRejected', params: { companyName: form.companyName, note: 'The business licence number does not match the company name.' } }]);

    const second = await applyAsSeller(buyer, { ...form, companyName: 'Example Cloud Software (Hangzhou) Co., Ltd.' });
    expect(second.id).toBeGreaterThan(first.id);
    expect(await myApplication(buyer)).toEqual({ sellerStatus: 'applied', application: second });
    await approveApplication(admin, second.id);
    expect(await rolesNow(buyer)).toEqual(['buyer', 'seller']);
  });

  it('the queue lists pending applications oldest first with the account name, and decided ones by status', async () => {
    clock.set(new Date('2030-07-01T00:00:00Z'));
    const early = await newBuyer('Early applicant');
    const a = await applyAsSeller(early, form);
    clock.advance(60_000);
    const late = await newBuyer('Late applicant');
    const b = await applyAsSeller(late, form);
    const pending = (await listApplications(admin)).items.map((r) => [r.application.id, r.accountName]);
    expect(pending.indexOf(pending.find(([id]) => id === a.id)!)).toBeLessThan(pending.indexOf(pending.find(([id]) => id === b.id)!));
    expect(pending).toContainEqual([a.id, 'Early applicant']);
    const before = await pendingApplicationCount(admin);
    await rejectApplication(admin, b.id, { note: 'Missing licence' });
    expect(await pendingApplicationCount(admin)).toBe(before - 1);
    const rejected = await listApplications(admin, { status: 'rejected' });
    expect(rejected.items[0].application).toMatchObject({ id: b.id, status: 'rejected' });
    expect(await listApplications(admin, { status: 'pending', pageSize: 1 })).toMatchObject({ page: 1, pageSize: 1, total: before - 1 });
  });

  it('unknown applications are not found', async () => {
    await expectCloudError(async () => await approveApplication(admin, 999_999), 'InvalidSellerApplicationId.NotFound');
    await expectCloudError(async () => await rejectApplication(admin, Number.NaN, { note: 'x' }), 'InvalidSellerApplicationId.NotFound');
  });
});

describe('SEL-1 authorization', () => {
  it('a buyer (or a seller) cannot review; only admins see the queue', async () => {
    const applicant = await newBuyer();
    const { id } = await applyAsSeller(applicant, form);
    const other = await newBuyer();
    await expectCloudError(async () => await approveApplication(other, id), 'Forbidden');
    await expectCloudError(async () => await approveApplication(applicant, id), 'Forbidden');
    await expectCloudError(async () => await rejectApplication(other, id, { note: 'no' }), 'Forbidden');
    await expectCloudError(async () => await listApplications(other), 'Forbidden');
    await expectCloudError(async () => await pendingApplicationCount(other), 'Forbidden');
    const seller: Actor = { ...other, roles: ['buyer', 'seller'] };
    await expectCloudError(async () => await approveApplication(seller, id), 'Forbidden');
    expect((await getApplication(applicant, id)).status).toBe('pending');
  });

  it("another account's application reads as not found; an admin reads it", async () => {
    const applicant = await newBuyer();
    const { id } = await applyAsSeller(applicant, form);
    await expectCloudError(async () => await getApplication(await newBuyer(), id), 'InvalidSellerApplicationId.NotFound');
    expect((await getApplication(admin, id)).accountId).toBe(applicant.accountId);
    // Reading "mine" never shows someone else's.
    expect((await myApplication(await newBuyer())).application).toBeNull();
  });

  it('the platform acting without a role cannot apply', async () => {
    const buyer = await newBuyer();
    await expectCloudError(async () => await applyAsSeller({ ...buyer, roles: [] }, form), 'Forbidden');
  });
});
