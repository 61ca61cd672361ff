// POST /api/payments/notify: the operator's payment gateway reports a payment (docs/payments.md).
// Adapter only: everything happens in lib/services/gateway-payments.ts.
import { handlePaymentNotification } from '@/lib/services/gateway-payments';

export const POST = handlePaymentNotification;
