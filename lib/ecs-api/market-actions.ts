// The Cloud Marketplace actions (product `market`, Version 2015-11-01, issue 18), answered in
// the shapes of @alicloud/market20151101's models. Each is a thin adapter over the services
// the console uses (API-5): the rules live there.
//
// Stratus ids are strings (o-…, l-…) where Alibaba's models type some ids as numbers: the
// generated SDK refuses a string in a number field, so those fields are left out and the ids
// travel in the string fields next to them (docs/api.md, "The Cloud Marketplace API").
import { CloudError } from '../domain/errors';
import { formatFen, yuanText } from '../domain/money';
import { searchProducts, type ProductQuery } from '../services/marketplace';
import type { Handler } from './actions';
import { groups, optional, page, type Params } from './params';

/** Filter.N.Key → the search's own filter; sort values are Alibaba's. */
const sorts = new Map([
  ['created_on-desc', 'newest'],
  ['price-desc', 'price_desc'],
  ['price-asc', 'price_asc'],
  ['user_count-desc', 'relevance'],
  ['score-desc', 'relevance'],
]);

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

export const marketActions = new Map<string, Handler>(
  Object.entries({
    DescribeProducts: (_actor, p) => {
      const query = productQuery(p);
      const result = query ? searchProducts(query) : { items: [], total: 0, ...page(p) };
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
  } satisfies Record<string, Handler>),
);

/** Market reads, audited by the endpoint (changes audit themselves in their use case). */
export const marketReadActions = new Set(['DescribeProducts']);
