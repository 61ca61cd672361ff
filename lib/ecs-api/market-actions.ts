// The Cloud Marketplace actions (product `market`, Version 2015-11-01, issue 18), answered in
// the shapes of @alicloud/market20151101's models (market-shapes.ts). Each is a thin adapter
// over the services the console uses (API-5): the rules live there.
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { formatFen, yuanText } from '../domain/money';
import { listFailedDeliveries } from '../services/deliveries';
import { describeOwnLicenses, getOwnLicense } from '../services/licenses';
import { getProduct, searchProducts, type ProductQuery } from '../services/marketplace';
import { purchaseLicenses, quoteLicenses } from '../services/orders';
import { getOrder } from '../services/refunds';
import { imageUsage, sellerLicense, sellerOrder } from '../services/seller-sales';
import { quoteRenewal, renewInstance } from '../services/subscriptions';
import type { Handler } from './actions';
import { licenseShape, millis, orderShape, periodOf, yuan } from './market-shapes';
import { groups, optional, page, required, type Params } from './params';

/** Filter.N.Key → the search's own filter; sort values are Alibaba's. */
const sorts = new Map([
  ['created_on-desc', 'newest'],
  ['price-desc', 'price_desc'],
  ['price-asc', 'price_asc'],
  ['user_count-desc', 'relevance'],
  ['score-desc', 'relevance'],
]);

/** A SKU module (Alibaba's package_version, region, price) with its values. */
const module = (code: string, name: string, values: Record<string, string>[]) => ({ Code: code, Name: name, Properties: { Property: [{ Key: code, Name: name, ShowType: 'list', PropertyValues: { PropertyValue: values } }] } });

function productQuery(p: Params): ProductQuery | null {
  const query: ProductQuery = { q: optional(p, 'SearchTerm'), ...page(p) };
  for (const { Key: key, Value: value } of groups(p, 'Filter')) {
    if (key === 'categoryId') query.category = value as never;
    else if (key === 'pricingModel') query.pricing = value as never;
    else if (key === 'regionId') query.region = value;
    else if (key === 'sort' && sorts.has(value)) query.sort = sorts.get(value) as never;
    // Every Stratus product is an image (MIRROR); asking for another type finds nothing.
    else if (key === 'productType') {
      if (value !== 'MIRROR') return null;
    } else throw new CloudError('InvalidParameter', { param: 'Filter.N.Key' }, 'Filter');
  }
  return query;
}

/** Commodity: the JSON the SDK sends, {productCode, skuCode, quantity, duration, instanceId, components, properties}. */
function commodityOf(p: Params): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(required(p, 'Commodity'));
  } catch {
    throw new CloudError('InvalidParameter', { param: 'Commodity' }, 'Commodity');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CloudError('InvalidParameter', { param: 'Commodity' }, 'Commodity');
  return parsed as Record<string, unknown>;
}

const field = (o: unknown, name: string): unknown => (o && typeof o === 'object' && Object.hasOwn(o, name) ? (o as Record<string, unknown>)[name] : undefined);

/** A license purchase as the console's form sends it: the region in properties or components (or at the top). */
function purchaseOf(c: Record<string, unknown>) {
  const regionId = field(field(c, 'properties'), 'regionId') ?? field(field(c, 'components'), 'regionId') ?? field(c, 'regionId');
  return { productCode: field(c, 'productCode'), skuCode: field(c, 'skuCode'), regionId, quantity: field(c, 'quantity') ?? 1 };
}

const orderTypes = ['INSTANCE_BUY', 'INSTANCE_RENEW'];
function orderTypeOf(p: Params): string {
  const type = required(p, 'OrderType');
  if (!orderTypes.includes(type)) throw new CloudError('InvalidParameter', { param: 'OrderType' }, 'OrderType');
  return type;
}

/** INSTANCE_RENEW names the market instance (a license); the renewal is its ECS instance's (MKT-11). */
async function renewalOf(actor: Actor, c: Record<string, unknown>) {
  const licenseId = field(c, 'instanceId');
  if (typeof licenseId !== 'string' || !licenseId) throw new CloudError('MissingParameter', { param: 'instanceId' }, 'instanceId');
  const license = await getOwnLicense(actor, licenseId);
  if (!license.instanceId) throw new CloudError('InvalidInstance.NotSubscription', { instanceId: licenseId });
  return { license, input: { instanceId: license.instanceId, periods: field(c, 'duration') ?? 1 } };
}

const isvShape = (row: Awaited<ReturnType<typeof imageUsage>>[number]) => ({
  ProductCode: row.productCode,
  ProductName: row.productTitle,
  ProductType: 'MIRROR',
  Status: row.instance.status.toUpperCase(),
  CreatedOn: millis(row.instance.createdAt),
  BeganOn: millis(row.instance.createdAt),
  EndOn: millis(row.instance.expiresAt),
  LicenseCode: row.license?.id ?? '',
  HostJson: JSON.stringify({ InstanceId: row.instance.id, RegionId: row.instance.regionId, Status: row.instance.status, AliUid: row.instance.accountId }),
  ImageJson: JSON.stringify({ ImageId: row.instance.imageId, Version: row.version }),
  ExtendJson: JSON.stringify({ InstanceId: row.license?.id ?? null, OrderId: row.license?.orderId ?? null, CustomerPk: row.instance.accountId }),
  RelationalData: { ServiceStatus: row.instance.status.toUpperCase() },
});

export const marketActions = new Map<string, Handler>(
  Object.entries({
    DescribeProducts: async (_actor, p) => {
      const query = productQuery(p);
      const result = query ? await searchProducts(query) : { items: [], total: 0, ...page(p) };
      return {
        TotalCount: result.total,
        PageNumber: result.page,
        PageSize: result.pageSize,
        ProductItems: {
          ProductItem: result.items.map((c) => ({
            Code: c.code,
            Name: c.title,
            ShortDescription: c.summary,
            SupplierName: c.sellerName,
            OperationSystem: c.osType,
            Tags: c.category,
            DeliveryWay: 'MIRROR',
            PriceInfo: `${formatFen(c.fromPrice.priceFen)} (${c.fromPrice.pricingModel})`,
            SuggestedPrice: yuanText(c.fromPrice.priceFen),
            TargetUrl: `/marketplace/products/${c.code}`,
          })),
        },
      };
    },
    DescribeProduct: async (actor, p) => {
      const { product, versions, regions, skus } = await getProduct(required(p, 'Code'), actor);
      return {
        Code: product.code,
        Name: product.title,
        ShortDescription: product.summary,
        Description: product.description,
        PicUrl: product.logoUrl ?? '',
        Type: 'MIRROR',
        Status: product.status.toUpperCase(),
        ShopInfo: { Name: product.sellerName },
        ProductSkus: {
          ProductSku: skus.map((sku) => ({
            Code: sku.code,
            Name: sku.pricingModel,
            ChargeType: sku.pricingModel === 'hourly' ? 'POSTPAY' : 'PREPAY',
            Hidden: false,
            OrderPeriods: { OrderPeriod: [{ Name: sku.pricingModel, PeriodType: periodOf(sku.pricingModel) }] },
            Modules: {
              Module: [
                module('package_version', 'Version', versions.map((v) => ({ Value: v.version, DisplayName: v.version }))),
                module('regionId', 'Region', regions.map((r) => ({ Value: r, DisplayName: r }))),
                module('price', 'Price', [{ Value: yuanText(sku.priceFen), DisplayName: formatFen(sku.priceFen), Type: sku.pricingModel }]),
              ],
            },
          })),
        },
        // Each version's image in each region, which Modules cannot say.
        ProductExtras: { ProductExtra: [{ Key: 'versions', Label: 'Versions', Order: 1, Type: 'json', Values: JSON.stringify(versions.map((v) => ({ Version: v.version, Images: v.images.map((i) => ({ ImageId: i.imageId, RegionId: i.regionId })) }))) }] },
      };
    },

    DescribePrice: async (actor, p) => {
      const commodity = commodityOf(p);
      const renewal = orderTypeOf(p) === 'INSTANCE_RENEW' ? await renewalOf(actor, commodity) : undefined;
      const quote = renewal ? await quoteRenewal(actor, renewal.input) : await quoteLicenses(actor, purchaseOf(commodity));
      return {
        ProductCode: renewal?.license.productCode ?? String(field(commodity, 'productCode')),
        Currency: 'CNY',
        Cycle: periodOf(quote.pricingModel),
        Duration: renewal ? Number(renewal.input.periods) : 1,
        OriginalPrice: yuan(quote.amountFen),
        DiscountPrice: 0,
        TradePrice: yuan(quote.amountFen),
        Cuxiao: false,
        Coupons: { Coupon: [] },
        PromotionRules: { PromotionRule: [] },
      };
    },

    CreateOrder: async (actor, p) => {
      const type = orderTypeOf(p);
      const paymentType = optional(p, 'PaymentType');
      // Stratus pays from the wallet at once; there is no order left to pay by hand.
      if (paymentType !== undefined && paymentType !== 'AUTO') throw new CloudError('InvalidParameter', { param: 'PaymentType' }, 'PaymentType');
      const commodity = commodityOf(p);
      const clientToken = optional(p, 'ClientToken');
      if (type === 'INSTANCE_RENEW') {
        const { license, input } = await renewalOf(actor, commodity);
        return { OrderId: (await renewInstance(actor, { ...input, clientToken })).orderId, InstanceIds: { InstanceId: [license.id] } };
      }
      const order = await purchaseLicenses(actor, { ...purchaseOf(commodity), clientToken });
      return { OrderId: order.orderId, InstanceIds: { InstanceId: order.licenseIds } };
    },

    DescribeOrder: async (actor, p) => {
      const { order, title, licenses } = await getOrder(actor, required(p, 'OrderId'));
      const licenseIds = licenses.map((l) => l.id);
      return { ...orderShape(order, title, licenseIds), InstanceIds: { InstanceId: licenseIds } };
    },

    DescribeInstances: async (actor, p) => {
      const type = optional(p, 'ProductType');
      const codes = (name: string) => optional(p, name)?.split(',').map((c) => c.trim()).filter(Boolean);
      const result = type && type !== 'MIRROR' ? { items: [], total: 0, ...page(p) } : await describeOwnLicenses(actor, { productCodes: codes('Codes'), exceptCodes: codes('ExceptCodes'), ...page(p) });
      return { TotalCount: result.total, PageNumber: result.page, PageSize: result.pageSize, InstanceItems: { InstanceItem: result.items.map(licenseShape) } };
    },

    DescribeInstance: async (actor, p) => licenseShape(await getOwnLicense(actor, required(p, 'InstanceId'))),

    DescribeOrderForIsv: async (actor, p) => {
      const { order, title, licenseIds } = await sellerOrder(actor, required(p, 'OrderId'));
      return { ...orderShape(order, title, licenseIds), InstanceIds: licenseIds };
    },

    DescribeInstanceForIsv: async (actor, p) => licenseShape(await sellerLicense(actor, required(p, 'InstanceId'))),

    DescribeImageInstanceForIsv: async (actor, p) => {
      const [row] = await imageUsage(actor, { instanceId: optional(p, 'EcsInstanceId'), buyerAccountId: optional(p, 'CustomerPk'), limit: 1 });
      if (!row) throw new CloudError('InvalidInstanceId.NotFound', { instanceId: optional(p, 'EcsInstanceId') ?? '' }, 'EcsInstanceId');
      return isvShape(row);
    },

    DescribeFailedNotifications: async (actor, p) => {
      const result = await listFailedDeliveries(actor, page(p));
      return {
        TotalCount: result.total,
        PageNumber: result.page,
        PageSize: result.pageSize,
        NotificationList: result.items.map((d) => ({ NotificationRequestId: String(d.id), Action: d.activity, CreateTime: millis(d.createdAt), Message: d.lastError ?? '' })),
      };
    },
  } satisfies Record<string, Handler>),
);

/** Market reads, audited by the endpoint (changes audit themselves in their use case). */
export const marketReadActions = new Set(['DescribeProducts', 'DescribeProduct', 'DescribePrice', 'DescribeOrder', 'DescribeInstances', 'DescribeInstance', 'DescribeOrderForIsv', 'DescribeInstanceForIsv', 'DescribeImageInstanceForIsv', 'DescribeFailedNotifications']);
