import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidImageFamily, newestOfFamily, successorFitsAudience, successorRefusal } from './image-family';

const regions = ['cn-hangzhou', 'cn-shanghai'];
const families = ['web', 'db', null];
const member = fc.record({
  id: fc.stringMatching(/^m-[a-z0-9]{4}$/),
  regionId: fc.constantFrom(...regions),
  imageFamily: fc.constantFrom(...families),
  status: fc.constantFrom('Available', 'Creating', 'CreateFailed', 'UnAvailable'),
  deprecatedAt: fc.option(fc.constant(new Date(0)), { nil: null }),
  // Few distinct times, so ties (broken by id) happen.
  createdAt: fc.integer({ min: 0, max: 5 }).map((t) => new Date(t * 1000)),
});
/** A list of visible images and the same list in another order. */
const visibleAndShuffled = fc.array(member, { maxLength: 12 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
type Member = { id: string; regionId: string; imageFamily: string | null; status: string; deprecatedAt: Date | null; createdAt: Date };

const usable = (m: Member, regionId: string, family: string) => m.regionId === regionId && m.imageFamily === family && m.status === 'Available' && !m.deprecatedAt;
const later = (a: Member, b: Member) => a.createdAt > b.createdAt || (a.createdAt.getTime() === b.createdAt.getTime() && a.id > b.id);

describe('issue 17: a family resolves to its newest Available, non-deprecated image in the region', () => {
  it('property: the answer is usable, none usable is newer, null only when none is usable, whatever the order', () => {
    fc.assert(
      fc.property(visibleAndShuffled, fc.constantFrom(...regions), fc.constantFrom('web', 'db'), ([visible, shuffled], regionId, family) => {
        const chosen = newestOfFamily(visible, regionId, family);
        const candidates = visible.filter((m) => usable(m, regionId, family));
        expect(chosen === null).toBe(candidates.length === 0);
        if (!chosen) return;
        expect(usable(chosen!, regionId, family)).toBe(true);
        expect(candidates.some((m) => later(m, chosen!))).toBe(false);
        // Row order never changes the answer (its id: equal ids are the same image's).
        expect(newestOfFamily(shuffled, regionId, family)?.id).toBe(chosen!.id);
      }),
    );
  });

  it('skips a newer deprecated image and a newer image still being created', () => {
    const at = (s: number) => new Date(s * 1000);
    const v1 = { id: 'm-v1', regionId: 'cn-hangzhou', imageFamily: 'web', status: 'Available', deprecatedAt: null, createdAt: at(1) };
    const v2 = { ...v1, id: 'm-v2', createdAt: at(2), deprecatedAt: at(3) };
    const v3 = { ...v1, id: 'm-v3', createdAt: at(3), status: 'Creating' };
    expect(newestOfFamily([v3, v2, v1], 'cn-hangzhou', 'web')?.id).toBe('m-v1');
    expect(newestOfFamily([v1], 'cn-shanghai', 'web')).toBeNull();
  });
});

describe('issue 17: image family names follow Alibaba’s ImageFamily rule', () => {
  it.each(['hangzhou-daily-update', 'web.v2:prod_1', '镜像族-web', 'ab'])('accepts %s', (name) => expect(isValidImageFamily(name)).toBe(true));
  it.each(['a', '1web', '-web', 'aliyun-web', 'acs:web', 'web http://x', 'web space', 'x'.repeat(129), ''])('refuses %j', (name) => expect(isValidImageFamily(name)).toBe(false));
});

describe('issue 17: a successor is another Available, non-deprecated image in the same region', () => {
  const image = { id: 'm-1', regionId: 'cn-hangzhou', status: 'Available', deprecatedAt: null };
  it('accepts another usable image of the region', () => expect(successorRefusal(image, { ...image, id: 'm-2' })).toBeNull());
  it.each([
    ['itself', image],
    ['another region', { ...image, id: 'm-2', regionId: 'cn-shanghai' }],
    ['a deprecated image', { ...image, id: 'm-2', deprecatedAt: new Date() }],
    ['an image not Available', { ...image, id: 'm-2', status: 'Creating' }],
  ])('refuses %s', (_, successor) => expect(successorRefusal(image, successor)?.code).toBe('InvalidSuccessorImage'));
});

describe('issue 17: a successor fits the image’s audience (the service refuses, the picker leaves out, the others)', () => {
  const own = { kind: 'custom', productCode: null, ownerAccountId: 'a-1' };
  it.each([
    ['the owner’s other image', own, own, true],
    ['a system image', own, { kind: 'system', productCode: null, ownerAccountId: null }, true],
    ['an image shared with the owner', own, { ...own, ownerAccountId: 'a-2' }, false],
    ['another image of the product', { kind: 'marketplace', productCode: 'p1', ownerAccountId: null }, { kind: 'marketplace', productCode: 'p1', ownerAccountId: null }, true],
    ['the seller’s custom image', { kind: 'marketplace', productCode: 'p1', ownerAccountId: null }, { kind: 'custom', productCode: 'p1', ownerAccountId: 's-1' }, false],
  ])('%s', (_, image, successor, fits) => expect(successorFitsAudience(image, successor)).toBe(fits));
});
