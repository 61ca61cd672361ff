// The actions of API-4: each a thin adapter from RPC parameters to one lib/services function
// and from its result to the Alibaba response shape (API-5: the rule lives in the service).
import { createTranslator } from 'next-intl';
import { catalogues } from '../../i18n/messages';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { isTaskOpen } from '../domain/tasks';
import { listInstanceTypes, listRegions, type Image } from '../services/catalogue';
import { imageFromFamily, modifyImageAttribute } from '../services/image-family';
import { copyImage, createImage, deleteImage, describeImages, describeTasks } from '../services/images';
import { cancelTask, importImage } from '../services/imports';
import { describeInstances, getInstance, reInitDisk, releaseInstance, replaceSystemDisk, runInstances, startInstance, stopInstance, type InstanceView } from '../services/instances';
import { modifyInstanceAttribute } from '../services/instance-attributes';
import { listLicenses } from '../services/licenses';
import { describeImageSharePermission, modifyImageSharePermission } from '../services/sharing';
import { groups, jsonList, list, optional, page, required, type Params } from './params';

export type Handler = (actor: Actor, p: Params) => Promise<Record<string, unknown>>;

const en = createTranslator({ locale: 'en', messages: catalogues.en });
export const iso = (d: Date | null | undefined) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '');
const bool = (p: Params, name: string) => optional(p, name)?.toLowerCase() === 'true';

/** Alibaba addresses a system disk by id: here one disk per instance, d- plus the instance's id. */
const diskIdOf = (instanceId: string) => `d-${instanceId.slice(2)}`;
function instanceOfDisk(diskId: string): string {
  if (!/^d-[a-z0-9]{20}$/.test(diskId)) throw new CloudError('InvalidParameter', { param: 'DiskId' }, 'DiskId');
  return `i-${diskId.slice(2)}`;
}

async function ownInstance(actor: Actor, instanceId: string): Promise<InstanceView[]> {
  try {
    return [await getInstance(actor, instanceId)];
  } catch (error) {
    if (error instanceof CloudError && error.code === 'InvalidInstanceId.NotFound') return [];
    throw error;
  }
}

function instanceShape(i: InstanceView) {
  return {
    InstanceId: i.id,
    InstanceName: i.name,
    RegionId: i.regionId,
    ZoneId: `${i.regionId}-a`,
    InstanceType: i.instanceTypeId,
    ImageId: i.imageId,
    Status: i.status,
    Cpu: i.vcpu,
    Memory: i.memoryGib * 1024,
    OSType: i.osType,
    InstanceChargeType: i.billing === 'subscription' ? 'PrePaid' : 'PostPaid',
    CreationTime: iso(i.createdAt),
    ExpiredTime: iso(i.expiresAt),
    // Alibaba's lock reasons: unpaid (MKT-12) or expired (MKT-11) is financial; a platform freeze (ADM-2) is security.
    OperationLocks: { LockReason: i.statusReason && lockReasons.has(i.statusReason) ? [{ LockReason: lockReasons.get(i.statusReason) }] : [] },
  };
}

type ShapedImage = Image & { ownerAlias: string; task: { progress: number } | null };

/** The products the caller holds licenses of in the region (IsSubscribed), read only when some image has a ProductCode. */
async function heldProducts(actor: Actor, regionId: string, items: { productCode: string | null }[]): Promise<Set<string>> {
  return new Set(items.some((i) => i.productCode) ? (await listLicenses(actor)).filter((g) => g.regionId === regionId).map((g) => g.productCode) : []);
}

/** An image as DescribeImages and DescribeImageFromFamily answer it. */
function imageShape(i: ShapedImage, held: Set<string>) {
  return {
    ImageId: i.id,
    ImageName: i.name,
    Description: i.description,
    ImageOwnerAlias: i.ownerAlias,
    ProductCode: i.productCode ?? '',
    ImageVersion: i.productVersion ?? '',
    ImageFamily: i.imageFamily ?? '',
    IsSubscribed: i.productCode ? held.has(i.productCode) : false,
    // Alibaba's Status=Deprecated; the image still launches by id (issue 17).
    Status: i.deprecatedAt && i.status === 'Available' ? 'Deprecated' : i.status,
    Progress: i.task ? `${i.task.progress}%` : i.status === 'Available' ? '100%' : '0%',
    OSType: i.osType,
    Platform: i.platform,
    Architecture: i.architecture,
    Size: i.sizeGib,
    CreationTime: iso(i.createdAt),
    // Stratus's own (docs/api.md): when it was deprecated and the image that replaces it.
    DeprecationTime: iso(i.deprecatedAt),
    SuccessorImageId: i.successorImageId ?? '',
  };
}

const lockReasons = new Map([
  ['arrears', 'financial'],
  ['expired', 'financial'],
  ['violation', 'security'],
]);

/** A Map, so an action named after an Object.prototype member (constructor, __proto__) is unknown. */
export const actions = new Map<string, Handler>(Object.entries({
  DescribeRegions: async () => ({
    Regions: { Region: (await listRegions()).map((r) => ({ RegionId: r.id, LocalName: en(`regions.${r.id}` as never), RegionEndpoint: 'ecs.stratus.local', Status: 'available' })) },
  }),

  DescribeInstanceTypes: async () => ({
    InstanceTypes: { InstanceType: (await listInstanceTypes()).map((t) => ({ InstanceTypeId: t.id, InstanceTypeFamily: `ecs.${t.family}`, CpuCoreCount: t.vcpu, MemorySize: t.memoryGib })) },
  }),

  DescribeImages: async (actor, p) => {
    const regionId = required(p, 'RegionId');
    const alias = optional(p, 'ImageOwnerAlias');
    const result = await describeImages(actor, {
      regionId,
      ownerAlias: alias as never,
      imageId: optional(p, 'ImageId'),
      imageName: optional(p, 'ImageName'),
      productCode: optional(p, 'ProductCode'),
      status: optional(p, 'Status'),
      osType: optional(p, 'OSType'),
      architecture: optional(p, 'Architecture'),
      imageFamily: optional(p, 'ImageFamily'),
      ...page(p),
    });
    const held = await heldProducts(actor, regionId, result.items);
    return {
      RegionId: regionId,
      TotalCount: result.total,
      PageNumber: result.page,
      PageSize: result.pageSize,
      Images: { Image: result.items.map((i) => imageShape(i, held)) },
    };
  },

  DescribeImageFromFamily: async (actor, p) => {
    const regionId = required(p, 'RegionId');
    const found = await imageFromFamily(actor, regionId, required(p, 'ImageFamily'));
    // Alibaba: "If no available image exists in a specific image family, the response is empty."
    if (!found) return { Image: {} };
    const image = { ...found.image, ownerAlias: found.alias, task: null };
    return { Image: imageShape(image, await heldProducts(actor, regionId, [image])) };
  },

  ModifyImageAttribute: async (actor, p) => {
    const imageId = required(p, 'ImageId');
    // SuccessorImageId is Stratus's own parameter (docs/api.md): the image a deprecated one names as its replacement.
    await modifyImageAttribute(actor, { imageId, imageFamily: p.ImageFamily, status: optional(p, 'Status'), successorImageId: optional(p, 'SuccessorImageId'), name: optional(p, 'ImageName'), description: optional(p, 'Description') });
    return {};
  },

  CreateImage: async (actor, p) => ({ ImageId: (await createImage(actor, { instanceId: required(p, 'InstanceId'), name: required(p, 'ImageName'), description: optional(p, 'Description'), imageFamily: optional(p, 'ImageFamily') })).imageId }),

  CopyImage: async (actor, p) => ({
    ImageId: (await copyImage(actor, { imageId: required(p, 'ImageId'), destinationRegionId: required(p, 'DestinationRegionId'), name: optional(p, 'DestinationImageName'), description: optional(p, 'DestinationDescription') })).imageId,
  }),

  ImportImage: async (actor, p) => {
    const disks = groups(p, 'DiskDeviceMapping').map((d) => ({ format: d.Format, ossBucket: d.OSSBucket, ossObject: d.OSSObject, diskImageSize: d.DiskImageSize }));
    const result = await importImage(actor, {
      regionId: p.RegionId,
      imageName: p.ImageName,
      description: p.Description,
      architecture: p.Architecture,
      osType: p.OSType,
      platform: p.Platform,
      diskDeviceMappings: disks,
      clientToken: p.ClientToken,
    });
    return { RegionId: result.regionId, ImageId: result.imageId, ImportTaskId: result.taskId, TaskId: result.taskId };
  },

  DescribeTasks: async (actor, p) => {
    const regionId = optional(p, 'RegionId');
    const result = await describeTasks(actor, { regionId, ...page(p) });
    return {
      RegionId: regionId ?? '',
      TotalCount: result.total,
      PageNumber: result.page,
      PageSize: result.pageSize,
      TaskSet: {
        Task: result.items.map((t) => ({ TaskId: t.id, TaskAction: t.action, TaskStatus: t.status, Progress: `${t.progress}%`, CreationTime: iso(t.createdAt), FinishedTime: iso(t.finishedAt), SupportCancel: isTaskOpen(t.status) ? 'true' : 'false', ImageId: t.imageId })),
      },
    };
  },

  CancelTask: async (actor, p) => (await cancelTask(actor, required(p, 'TaskId')), {}),

  DeleteImage: async (actor, p) => (await deleteImage(actor, required(p, 'ImageId')), {}),

  ModifyImageSharePermission: async (actor, p) => {
    await modifyImageSharePermission(actor, { imageId: required(p, 'ImageId'), addAccounts: list(p, 'AddAccount'), removeAccounts: list(p, 'RemoveAccount'), clientToken: optional(p, 'ClientToken') });
    return {};
  },

  DescribeImageSharePermission: async (actor, p) => {
    const permission = await describeImageSharePermission(actor, required(p, 'ImageId'));
    return {
      ImageId: permission.imageId,
      RegionId: permission.regionId,
      TotalCount: permission.recipients.length,
      PageNumber: 1,
      PageSize: permission.recipients.length,
      Accounts: { Account: permission.recipients.map((r) => ({ AliyunId: r.accountId })) },
      ShareGroups: { ShareGroup: [] },
    };
  },

  RunInstances: async (actor, p) => {
    const { instanceIds } = await runInstances(actor, {
      regionId: required(p, 'RegionId'),
      // Issue 17: ImageFamily stands for the family's newest image when ImageId is not given.
      ...(optional(p, 'ImageId') || !optional(p, 'ImageFamily') ? { imageId: required(p, 'ImageId') } : { imageFamily: optional(p, 'ImageFamily') }),
      instanceTypeId: required(p, 'InstanceType'),
      amount: optional(p, 'Amount') ?? '1',
      name: optional(p, 'InstanceName'),
      clientToken: optional(p, 'ClientToken'),
      dryRun: bool(p, 'DryRun'),
    });
    return { InstanceIdSets: { InstanceIdSet: instanceIds } };
  },

  DescribeInstances: async (actor, p) => {
    const ids = jsonList(p, 'InstanceIds');
    const { page: pageNumber, pageSize } = page(p);
    const result = await describeInstances(actor, { regionId: optional(p, 'RegionId'), status: optional(p, 'Status') as never, page: pageNumber, pageSize });
    // Ids the caller does not own are left out, as Alibaba leaves out ids it cannot find.
    const items = ids ? (await Promise.all(ids.map((id) => ownInstance(actor, id)))).flat() : result.items;
    return { TotalCount: ids ? items.length : result.total, PageNumber: result.page, PageSize: result.pageSize, Instances: { Instance: items.map(instanceShape) } };
  },

  StartInstance: async (actor, p) => (await startInstance(actor, required(p, 'InstanceId')), {}),
  StopInstance: async (actor, p) => (await stopInstance(actor, required(p, 'InstanceId')), {}),
  DeleteInstance: async (actor, p) => (await releaseInstance(actor, required(p, 'InstanceId')), {}),
  // Issue 16: the name only (Alibaba's other attributes have no meaning here).
  ModifyInstanceAttribute: async (actor, p) => (await modifyInstanceAttribute(actor, { instanceId: required(p, 'InstanceId'), instanceName: required(p, 'InstanceName') }), {}),

  ReplaceSystemDisk: async (actor, p) => {
    const instance = await replaceSystemDisk(actor, { instanceId: required(p, 'InstanceId'), imageId: required(p, 'ImageId') });
    return { DiskId: diskIdOf(instance.id) };
  },

  ReInitDisk: async (actor, p) => (await reInitDisk(actor, instanceOfDisk(required(p, 'DiskId'))), {}),
} satisfies Record<string, Handler>));

/** State-changing actions write their own audit rows in their transaction; reads are audited here. */
export const readActions = new Set(['DescribeRegions', 'DescribeInstanceTypes', 'DescribeImages', 'DescribeImageFromFamily', 'DescribeTasks', 'DescribeImageSharePermission', 'DescribeInstances']);
