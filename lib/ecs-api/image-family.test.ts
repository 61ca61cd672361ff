// Issue 17 through the real ECS handler: ModifyImageAttribute sets a family and deprecates with
// a successor, DescribeImageFromFamily and RunInstances' ImageFamily take the newest image, and
// DescribeImages filters by ImageFamily and names the successor.
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { images } from '../../db/schema';
import { newBuyer, throwawayDatabase, withoutLaunchMinimum } from '../../tests/helpers/database';
import { acs3Request, v1Request, type Key } from '../../tests/helpers/ecs-requests';
import { settle } from '../../tests/helpers/marketplace';
import { createAccessKey } from '../services/access-keys';
import { createImage } from '../services/images';
import { getInstance, runInstances } from '../services/instances';
import { modifyImageSharePermission } from '../services/sharing';
import type { Actor } from '../domain/actor';
import { handleEcsRequest } from './handle';

const { db } = throwawayDatabase();
beforeEach(async () => await withoutLaunchMinimum(db()));

const REGION = 'cn-hangzhou';
const TYPE = 'ecs.t6-c1m1.large';

async function call(key: Key, action: string, params: Record<string, string>, signature: 'v1' | 'acs3' = 'v1') {
  const request = signature === 'v1' ? v1Request(key, { Action: action, ...params }) : acs3Request(key, action, params);
  const response = await handleEcsRequest(request);
  return { status: response.status, body: await response.json() };
}

async function customImage(owner: Actor, name: string): Promise<string> {
  const systemImage = (await db().select().from(images).where(and(eq(images.regionId, REGION), eq(images.kind, 'system'))).limit(1)).at(0)!.id;
  const [instanceId] = (await runInstances(owner, { regionId: REGION, imageId: systemImage, instanceTypeId: TYPE, amount: 1 })).instanceIds;
  await settle();
  const { imageId } = await createImage(owner, { instanceId, name });
  await settle();
  return imageId;
}

describe('issue 17: image families and deprecation over the ECS API', () => {
  it('ModifyImageAttribute puts v1 and v2 in a family; DescribeImageFromFamily answers v2 in the SDK’s shape; after deprecating v2 it answers v1', async () => {
    const owner = await newBuyer();
    const key = await createAccessKey(owner);
    const v1 = await customImage(owner, 'web-v1');
    const v2 = await customImage(owner, 'web-v2');
    for (const imageId of [v1, v2]) expect((await call(key, 'ModifyImageAttribute', { RegionId: REGION, ImageId: imageId, ImageFamily: 'web' })).status).toBe(200);

    const found = await call(key, 'DescribeImageFromFamily', { RegionId: REGION, ImageFamily: 'web' }, 'acs3');
    expect(found.status).toBe(200);
    expect(found.body.Image).toMatchObject({ ImageId: v2, ImageName: 'web-v2', ImageFamily: 'web', ImageOwnerAlias: 'self', Status: 'Available', Progress: '100%', CreationTime: expect.stringMatching(/Z$/) });

    const deprecated = await call(key, 'ModifyImageAttribute', { RegionId: REGION, ImageId: v2, Status: 'Deprecated', SuccessorImageId: v1 });
    expect(deprecated.status).toBe(200);
    expect((await call(key, 'DescribeImageFromFamily', { RegionId: REGION, ImageFamily: 'web' })).body.Image.ImageId).toBe(v1);

    const listed = await call(key, 'DescribeImages', { RegionId: REGION, ImageFamily: 'web' });
    const byId = new Map(listed.body.Images.Image.map((i: { ImageId: string }) => [i.ImageId, i]));
    expect(listed.body.TotalCount).toBe(2);
    expect(byId.get(v2)).toMatchObject({ Status: 'Deprecated', SuccessorImageId: v1, DeprecationTime: expect.stringMatching(/Z$/), ImageFamily: 'web' });
    expect(byId.get(v1)).toMatchObject({ Status: 'Available', SuccessorImageId: '', DeprecationTime: '' });

    // Status=Deprecated finds what the answer calls Deprecated: v2 only.
    const withStatus = async (Status: string) => (await call(key, 'DescribeImages', { RegionId: REGION, ImageFamily: 'web', Status })).body.Images.Image.map((i: { ImageId: string; Status: string }) => [i.ImageId, i.Status]);
    expect(await withStatus('Deprecated')).toEqual([[v2, 'Deprecated']]);
  });

  it('a Status=Deprecated list shows others’ deprecated images too: asked for by status, they are not a default list', async () => {
    const owner = await newBuyer();
    const image = await customImage(owner, 'old-v1');
    const recipient = await newBuyer();
    await modifyImageSharePermission(owner, { imageId: image, addAccounts: [recipient.accountId] });
    await call(await createAccessKey(owner), 'ModifyImageAttribute', { ImageId: image, Status: 'Deprecated' });
    const key = await createAccessKey(recipient);
    const ids = async (params: Record<string, string>) => (await call(key, 'DescribeImages', { RegionId: REGION, ImageOwnerAlias: 'others', ...params })).body.Images.Image.map((i: { ImageId: string }) => i.ImageId);
    expect(await ids({})).toEqual([]);
    expect(await ids({ Status: 'Deprecated' })).toEqual([image]);
  });

  it('DescribeImages with Status=Deprecated lists the images it answers as Deprecated', async () => {
    const owner = await newBuyer();
    const key = await createAccessKey(owner);
    const [old, current] = [await customImage(owner, 'shop-v1'), await customImage(owner, 'shop-v2')];
    await call(key, 'ModifyImageAttribute', { ImageId: old, Status: 'Deprecated', SuccessorImageId: current });
    const deprecated = await call(key, 'DescribeImages', { RegionId: REGION, ImageOwnerAlias: 'self', Status: 'Deprecated' });
    expect(deprecated.body.TotalCount).toBe(1);
    expect(deprecated.body.Images.Image.map((i: { ImageId: string; Status: string }) => [i.ImageId, i.Status])).toEqual([[old, 'Deprecated']]);
  });

  it('RunInstances with ImageFamily and no ImageId launches the family’s newest image; an empty family answers an empty Image and a launch from it 404', async () => {
    const owner = await newBuyer();
    const key = await createAccessKey(owner);
    const image = await customImage(owner, 'api-v1');
    await call(key, 'ModifyImageAttribute', { ImageId: image, ImageFamily: 'api' });
    const launched = await call(key, 'RunInstances', { RegionId: REGION, ImageFamily: 'api', InstanceType: TYPE });
    expect(launched.status).toBe(200);
    expect((await getInstance(owner, launched.body.InstanceIdSets.InstanceIdSet[0])).imageId).toBe(image);

    expect((await call(key, 'DescribeImageFromFamily', { RegionId: REGION, ImageFamily: 'none-yet' })).body.Image).toEqual({});
    const refused = await call(key, 'RunInstances', { RegionId: REGION, ImageFamily: 'none-yet', InstanceType: TYPE });
    expect(refused).toMatchObject({ status: 404, body: { Code: 'InvalidImageFamily.MissingAvailableImage' } });
    expect((await call(key, 'RunInstances', { RegionId: REGION, InstanceType: TYPE })).body.Code).toBe('MissingParameter');
  });

  it('refuses what Alibaba refuses: a malformed family, a Status other than Deprecated or Available, another account’s image', async () => {
    const owner = await newBuyer();
    const key = await createAccessKey(owner);
    const image = await customImage(owner, 'strict');
    expect((await call(key, 'ModifyImageAttribute', { ImageId: image, ImageFamily: 'aliyun-web' })).body.Code).toBe('InvalidImageFamily.Malformed');
    expect((await call(key, 'ModifyImageAttribute', { ImageId: image, Status: 'Gone' })).body.Code).toBe('InvalidParameter');
    const stranger = await createAccessKey(await newBuyer());
    expect((await call(stranger, 'ModifyImageAttribute', { ImageId: image, Status: 'Deprecated' })).status).toBe(404);
  });

  it('ModifyImageAttribute applies ImageName and Description (issue 17 review), refusing a malformed name with CreateImage’s code', async () => {
    const owner = await newBuyer();
    const key = await createAccessKey(owner);
    const image = await customImage(owner, 'old-name');
    expect((await call(key, 'ModifyImageAttribute', { RegionId: REGION, ImageId: image, ImageName: 'new-name', Description: 'Renamed' }, 'acs3')).status).toBe(200);
    const listed = await call(key, 'DescribeImages', { RegionId: REGION, ImageId: image });
    expect(listed.body.Images.Image[0]).toMatchObject({ ImageName: 'new-name', Description: 'Renamed' });
    const refused = await call(key, 'ModifyImageAttribute', { RegionId: REGION, ImageId: image, ImageName: 'aliyun-web' });
    expect([refused.status, refused.body.Code]).toEqual([400, 'InvalidImageName.Malformed']);
  });
});
