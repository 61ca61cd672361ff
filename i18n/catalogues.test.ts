import { describe, expect, it } from 'vitest';
import { catalogues } from './messages';
import { resolveLocale } from './locales';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** The top-level ICU arguments of a message ({count, plural, …} counts once; its branches do not). */
function placeholders(message: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === '{') {
      if (depth === 0) names.push(/^\{\s*(\w+)/.exec(message.slice(i))![1]);
      depth++;
    } else if (message[i] === '}') depth--;
  }
  return [...new Set(names)].sort();
}

const en = catalogues.en;
const zh = catalogues['zh-CN'];

describe('message catalogues', () => {
  it('English and 简体中文 have exactly the same keys', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('each translation uses the same placeholders as the English message', () => {
    const lookup = (tree: object, path: string) => path.split('.').reduce<any>((node, k) => node[k], tree) as string;
    for (const key of keys(en)) {
      expect(placeholders(lookup(zh, key)), key).toEqual(placeholders(lookup(en, key)));
    }
  });

  it('picks the language from the cookie, then the browser', () => {
    expect(resolveLocale('zh-CN', 'en')).toBe('zh-CN');
    expect(resolveLocale(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(resolveLocale('xx', 'en-US')).toBe('en');
    expect(resolveLocale(undefined, null)).toBe('en');
  });
});
