// Stratus records in the shapes of @alicloud/market20151101's models (issue 18). Amounts are
// yuan (numbers with at most two decimals), times are epoch milliseconds, as Alibaba answers.
//
// Stratus ids are strings (o-…, l-…) where the models type OrderId and InstanceId as numbers:
// the generated SDK refuses a string in a number field, so those fields are left out and the
// ids travel in string fields (ExtendJson, LicenseCode, InstanceIds) — docs/api.md says which.
import type { PricingModel } from '../domain/marketplace';
import type { LicenseView } from '../services/licenses';
import type { Order } from '../services/orders';

export const yuan = (fen: number) => fen / 100;
export const millis = (d: Date | null | undefined) => (d ? d.getTime() : 0);

/** Alibaba's period names for a pricing model. */
const periods = new Map<string, string>([
  ['free', 'ONCE'],
  ['per_instance', 'ONCE'],
  ['hourly', 'HOUR'],
  ['monthly', 'MONTH'],
  ['yearly', 'YEAR'],
]);
export const periodOf = (model: PricingModel | string) => periods.get(model) ?? 'ONCE';

/** DescribeOrder / DescribeOrderForIsv: an order, the licenses it bought as its InstanceIds. */
export function orderShape(order: Order, title: string, licenseIds: string[]) {
  return {
    AliUid: order.accountId,
    OrderType: order.kind === 'renewal' ? 'INSTANCE_RENEW' : 'INSTANCE_BUY',
    OrderStatus: order.status.toUpperCase(),
    PayStatus: 'PAID',
    ProductCode: order.productCode,
    ProductName: title,
    ProductSkuCode: order.skuCode,
    PeriodType: periodOf(order.pricingModel),
    Quantity: order.quantity,
    AccountQuantity: licenseIds.length,
    OriginalPrice: yuan(order.amountFen),
    TotalPrice: yuan(order.amountFen),
    PaymentPrice: yuan(order.amountFen),
    CouponPrice: 0,
    CreatedOn: millis(order.createdAt),
    PaidOn: millis(order.createdAt),
    Components: { orderId: order.id, regionId: order.regionId },
  };
}

/** A license as a market "instance": what it is, its status, and the ECS instance holding it. */
export function licenseShape(l: LicenseView) {
  return {
    ProductCode: l.productCode,
    ProductName: l.productTitle,
    ProductSkuCode: l.skuCode,
    ProductType: 'MIRROR',
    SupplierName: l.sellerName,
    Status: l.status.toUpperCase(),
    CreatedOn: millis(l.createdAt),
    BeganOn: millis(l.createdAt),
    EndOn: millis(l.expiresAt),
    LicenseCode: l.id,
    ExtendJson: JSON.stringify({ InstanceId: l.id, OrderId: l.orderId, RegionId: l.regionId, AliUid: l.accountId }),
    HostJson: l.instanceId ? JSON.stringify({ InstanceId: l.instanceId, RegionId: l.regionId }) : '',
    ComponentJson: JSON.stringify({ regionId: l.regionId }),
    AutoRenewal: 'false',
    IsTrial: false,
    RelationalData: { ServiceStatus: l.status === 'in_use' ? 'IN_USE' : l.status.toUpperCase() },
  };
}
