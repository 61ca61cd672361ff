// The simulated top-up stays in demo and test mode (issue 12): this file runs as a demo server.
import { vi } from 'vitest';

vi.hoisted(() => {
  process.env.STRATUS_MODE = 'demo';
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { expectCloudError, ledgerSum } from '../../tests/helpers/marketplace';
import { config } from '../config';
import { topUpWallet, walletBalance, walletEntries } from './wallet';

const { db } = throwawayDatabase();

describe('top-up (simulated payment) in demo mode', () => {
  it('credits the wallet from the clearing book: the ledger stays balanced and the top-up is audited', async () => {
    expect(config.mode).toBe('demo');
    const buyer = await newBuyer();
    expect((await topUpWallet(buyer, { amountFen: 12_345 })).balanceFen).toBe(12_345);
    expect(await walletBalance(buyer)).toBe(12_345);
    expect((await walletEntries(buyer)).items).toMatchObject([{ amountFen: 12_345, reason: 'topup' }]);
    expect(await ledgerSum()).toBe(0);
    expect(await db().select().from(auditLog).where(eq(auditLog.accountId, buyer.accountId))).toMatchObject([{ action: 'TopUpWallet', outcome: 'ok', detail: { amountFen: 12_345, simulated: true } }]);
  });

  it.each([
    [99, false],
    [100, true],
    [10_000_000, true],
    [10_000_001, false],
    [-500, false],
    [150.5, false],
  ])('%s fen → accepted: %s', async (amountFen, accepted) => {
    const buyer = await newBuyer();
    if (accepted) expect((await topUpWallet(buyer, { amountFen })).balanceFen).toBe(amountFen);
    else await expectCloudError(async () => await topUpWallet(buyer, { amountFen }), 'InvalidParameter.TopUpAmount');
    expect(await walletBalance(buyer)).toBe(accepted ? amountFen : 0);
  });
});
