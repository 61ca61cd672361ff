// Every line a launch will charge (issue 16, MKT-2, MKT-10, MKT-11), from the code that charges:
// the hourly lines are what meterHour bills for one running hour, the licenses line is the
// purchase decideLaunch makes (priceOrder). The launch preview returns these; the wizard only shows them.
import type { LaunchPurchase } from './launch-decision';
import type { PricingModel } from './marketplace';
import { meterHour } from './metering';
import { subscriptionEnd } from './pricing';
import { timesFen, type Fen } from './money';

export type ChargeLine =
  | { kind: 'compute'; quantity: number; unitFen: Fen; totalFen: Fen }
  | { kind: 'imageFee'; quantity: number; unitFen: Fen; totalFen: Fen }
  | { kind: 'licenses'; pricingModel: PricingModel; quantity: number; unitFen: Fen; totalFen: Fen; endsAt: Date | null };

export type LaunchCharges = {
  lines: ChargeLine[];
  /** Paid when the launch happens: the licenses it buys. */
  dueNowFen: Fen;
  /** Billed for every hour all the instances run: compute and hourly image fees. */
  perHourFen: Fen;
  balanceAfterFen: Fen;
};

export type ChargeInput = {
  amount: number;
  computeFenPerHour: Fen;
  /** The image fee per hour of each instance's license, in the order the launch binds them (0: not hourly). */
  imageFeesPerHour: Fen[];
  /** What the launch buys first, and the unit price of its SKU. */
  purchase: (LaunchPurchase & { unitFen: Fen }) | null;
  balanceFen: Fen;
  now: Date;
};

export function launchCharges(input: ChargeInput): LaunchCharges {
  const { amount, computeFenPerHour, purchase, now } = input;
  const hour = new Date(0);
  const running = [{ from: hour, to: null }];
  const hours = Array.from({ length: amount }, (_, i) => meterHour({ hour, intervals: running, computeFenPerHour, imageFenPerHour: input.imageFeesPerHour[i] ?? 0 })!);
  const lines: ChargeLine[] = [{ kind: 'compute', quantity: amount, unitFen: computeFenPerHour, totalFen: hours.reduce((sum, h) => sum + h.computeFen, 0) }];
  // One line per hourly price: instances holding licenses of another price (held before) get their own.
  const byFee = new Map<Fen, number>();
  for (const h of hours) if (h.imageFen > 0) byFee.set(h.imageFen, (byFee.get(h.imageFen) ?? 0) + 1);
  for (const [unitFen, quantity] of byFee) lines.push({ kind: 'imageFee', quantity, unitFen, totalFen: timesFen(unitFen, quantity) });
  // An hourly purchase costs nothing up front: it is the image fee above.
  const dueNowFen = purchase && purchase.pricingModel !== 'hourly' ? purchase.costFen : 0;
  if (purchase && purchase.pricingModel !== 'hourly') {
    lines.push({ kind: 'licenses', pricingModel: purchase.pricingModel, quantity: purchase.quantity, unitFen: purchase.unitFen, totalFen: purchase.costFen, endsAt: subscriptionEnd(purchase.pricingModel, now) });
  }
  return { lines, dueNowFen, perHourFen: hours.reduce((sum, h) => sum + h.totalFen, 0), balanceAfterFen: input.balanceFen - dueNowFen };
}
