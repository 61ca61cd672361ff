// Issue 16 ("One Chinese term per concept"): the 简体中文 catalogues name each concept one way,
// as Chinese cloud marketplaces do (商品, 授权, 商家): a synonym coming back fails here.
import { describe, expect, it } from 'vitest';
import { catalogues } from './messages';

const terms = [
  { concept: 'license', term: '授权', not: ['许可证', '许可'] },
  { concept: 'product', term: '商品', not: ['产品'] },
  { concept: 'seller', term: '商家', not: ['卖家', '服务商', '供应商'] },
  { concept: 'marketplace', term: '镜像市场', not: ['云市场'] },
  { concept: 'account', term: '账号', not: ['账户', '帐号', '帐户'] },
];

function messages(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] => (typeof v === 'object' && v ? messages(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]));
}

const zh = messages(catalogues['zh-CN']);

describe('简体中文 terminology', () => {
  for (const { concept, term, not } of terms)
    it(`"${concept}" is always ${term}`, () => {
      expect(zh.some(([, text]) => text.includes(term))).toBe(true);
      expect(zh.filter(([, text]) => not.some((other) => text.includes(other))).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    });
});
