// Invoices (REF-7): an electronic invoice for a paid order, issued at once, and voided by the buyer.
// An issued invoice blocks a refund (refunds.ts reads it).
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { invoices } from '../../db/schema';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { INVOICE_TITLE_MAX, TAX_ID_MAX, TAX_ID_MIN } from '../domain/refunds';
import { authorize } from '../domain/permissions';
import { parseInput } from '../domain/validation';
import { requireOwnOrder } from './orders';
import { mutate } from './transaction';
import { changedRows } from '../../db/portable';

const invoiceSchema = z.object({
  orderId: z.string().min(1),
  title: z.string().trim().min(1).max(INVOICE_TITLE_MAX),
  taxId: z
    .string()
    .trim()
    .regex(new RegExp(`^[0-9A-Za-z]{${TAX_ID_MIN},${TAX_ID_MAX}}$`))
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/** Issues an electronic invoice for a paid order at once (no tax authority is wired in). */
export async function requestInvoice(actor: Actor, input: unknown) {
  return await mutate(actor, 'IssueInvoice', async (tx, note) => {
    authorize(actor, 'invoice.manage');
    const request = parseInput(invoiceSchema, input, { orderId: 'InvalidOrderId.NotFound', title: 'InvalidParameter.InvoiceTitle', taxId: 'InvalidParameter.InvoiceTitle' });
    note.target = request.orderId;
    const order = await requireOwnOrder(tx, actor, request.orderId);
    if (order.status !== 'paid' || order.amountFen <= 0) throw new CloudError('IncorrectOrderStatus', { status: order.status });
    const now = clock.now();
    const existing = (await tx.select().from(invoices).where(eq(invoices.orderId, order.id)).limit(1)).at(0);
    if (existing?.status === 'issued') throw new CloudError('InvalidInvoice.Issued', { orderId: order.id });
    const values = { orderId: order.id, accountId: actor.accountId, title: request.title, taxId: request.taxId ?? null, status: 'issued', issuedAt: now, voidedAt: null };
    await tx.insert(invoices).values(values).onConflictDoUpdate({ target: invoices.orderId, set: values });
    return values;
  });
}

export async function voidInvoice(actor: Actor, orderId: string): Promise<void> {
  await mutate(actor, 'VoidInvoice', async (tx, note) => {
    authorize(actor, 'invoice.manage');
    note.target = orderId;
    const order = await requireOwnOrder(tx, actor, orderId);
    const updated = await tx
      .update(invoices)
      .set({ status: 'voided', voidedAt: clock.now() })
      .where(and(eq(invoices.orderId, order.id), eq(invoices.status, 'issued')));
    if (changedRows(updated) === 0) throw new CloudError('InvalidInvoice.NotFound', { orderId });
  });
}
