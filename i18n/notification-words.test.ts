// MKT-9: a scaling group's failed launch is told in the reader's words: the refusal's own
// message (not its code) and the region by name, in English and 简体中文.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { catalogues } from './messages';
import { notificationParams } from './console-words';

const told = (locale: 'en' | 'zh-CN', params: Record<string, string | number>) => {
  const t = createTranslator({ locale, messages: catalogues[locale] });
  return t('notifications.kinds.scalingFailed', notificationParams(params, t) as never);
};

describe('MKT-9 a failed scale-out notification', () => {
  it('MKT-9: names the refusal in words, not its code', () => {
    const params = { group: 'web', groupId: 'asg-1', code: 'InvalidImageFamily_MissingAvailableImage', imageFamily: 'api' };
    expect(told('en', params)).toBe('Scaling group web could not add instances: The image family api has no available image in this region.');
    expect(told('zh-CN', params)).toContain('镜像族 api 在该地域没有可用镜像。');
    expect(told('zh-CN', params)).not.toContain('InvalidImageFamily');
  });

  it('MKT-9: a license shortfall names the region by name', () => {
    const params = { group: 'web', groupId: 'asg-1', code: 'QuotaExceed_BuyImage', productCode: 'lnmp000101', regionId: 'cn-hangzhou', needed: 3, available: 1 };
    expect(told('en', params)).toContain('in China (Hangzhou)');
    expect(told('zh-CN', params)).toContain('华东1（杭州）');
  });
});
