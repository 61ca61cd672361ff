// ImportImage (seed 003): the parameter rules of IMP-3/IMP-4 with the seed's error codes, and
// reading a disk file's format and size (IMP-6). Pure: the service hands in the bytes it read.
import { CloudError } from './errors';
import { isValidDescription, isValidResourceName } from './names';

export const importFormats = ['RAW', 'VHD', 'QCOW2'] as const;
export type DiskFormat = (typeof importFormats)[number];

export const architectures = ['x86_64', 'i386'] as const;
export const osTypes = ['linux', 'windows'] as const;

/** The platforms ImportImage accepts (Alibaba's list, with the distributions Stratus seeds). */
export const importPlatforms = [
  'Aliyun',
  'Anolis',
  'AlmaLinux',
  'CentOS',
  'CentOS Stream',
  'CoreOS',
  'Customized Linux',
  'Debian',
  'Fedora',
  'FreeBSD',
  'Gentoo',
  'OpenSUSE',
  'Others Linux',
  'RedHat',
  'Rocky Linux',
  'SUSE',
  'Ubuntu',
  'Windows Server 2012',
  'Windows Server 2016',
  'Windows Server 2019',
  'Windows Server 2022',
] as const;

export type ImportRequest = {
  regionId: string;
  imageName?: string;
  description: string;
  architecture: (typeof architectures)[number];
  osType: (typeof osTypes)[number];
  platform: (typeof importPlatforms)[number];
  format: DiskFormat;
  ossBucket: string;
  ossObject: string;
  diskImageSize?: number;
  clientToken?: string;
};

/** IMP-4: the system disk's size in GiB (DiskImageSize), when given. */
export const DISK_IMAGE_SIZE = { min: 1, max: 2048 } as const;

export type DiskDeviceMapping = { format?: unknown; ossBucket?: unknown; ossObject?: unknown; diskImageSize?: unknown };

export type ImportInput = {
  regionId?: unknown;
  imageName?: unknown;
  description?: unknown;
  architecture?: unknown;
  osType?: unknown;
  platform?: unknown;
  diskDeviceMappings?: DiskDeviceMapping[];
  clientToken?: unknown;
};

const given = (value: unknown): value is string => typeof value === 'string' && value !== '';

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, code: ConstructorParameters<typeof CloudError>[0], field: string): T {
  if (value === undefined || value === null || value === '') return fallback;
  const match = allowed.find((a) => a.toLowerCase() === String(value).toLowerCase());
  if (!match) throw new CloudError(code, { value: String(value) }, field);
  return match;
}

/** IMP-3 … IMP-5: every parameter, in the seed's order, with the seed's error code. */
export function parseImportRequest(input: ImportInput): ImportRequest {
  if (!given(input.regionId)) throw new CloudError('MissingParameter', { param: 'RegionId' }, 'regionId');
  if (input.imageName !== undefined && input.imageName !== '' && (typeof input.imageName !== 'string' || !isValidResourceName(input.imageName))) {
    throw new CloudError('InvalidImageName.Malformed', {}, 'imageName');
  }
  const description = input.description === undefined || input.description === null ? '' : input.description;
  if (typeof description !== 'string' || !isValidDescription(description)) throw new CloudError('InvalidDescription.Malformed', {}, 'description');
  const architecture = oneOf(input.architecture, architectures, 'x86_64', 'InvalidArchitecture.Malformed', 'architecture');
  const osType = oneOf(input.osType, osTypes, 'linux', 'InvalidOSType.Malformed', 'osType');
  const platform = oneOf(input.platform, importPlatforms, 'Others Linux', 'InvalidPlatform.Malformed', 'platform');
  if (platform.startsWith('Windows') !== (osType === 'windows')) throw new CloudError('InvalidPlatform.Malformed', { value: platform }, 'platform');

  // IMP-4: only the system disk, DiskDeviceMapping.1.
  const mappings = input.diskDeviceMappings ?? [];
  if (mappings.length > 1) throw new CloudError('InvalidParameter', { param: `DiskDeviceMapping.${mappings.length}` }, 'diskDeviceMappings');
  const disk = mappings[0] ?? {};
  const format = oneOf(disk.format, importFormats, 'RAW', 'InvalidFormat.Malformed', 'format');
  if (!given(disk.ossBucket)) throw new CloudError('MissingParameter', { param: 'DiskDeviceMapping.1.OSSBucket' }, 'ossBucket');
  if (!given(disk.ossObject)) throw new CloudError('MissingParameter', { param: 'DiskDeviceMapping.1.OSSObject' }, 'ossObject');
  let diskImageSize: number | undefined;
  if (disk.diskImageSize !== undefined && disk.diskImageSize !== null && disk.diskImageSize !== '') {
    diskImageSize = Number(disk.diskImageSize);
    // Not a size at all is told apart from too small for the file (issue 16): the same code, its own words.
    if (!Number.isInteger(diskImageSize) || diskImageSize < DISK_IMAGE_SIZE.min || diskImageSize > DISK_IMAGE_SIZE.max) throw new CloudError('InvalidImageSize', { problem: 'range', ...DISK_IMAGE_SIZE }, 'diskImageSize');
  }
  const clientToken = input.clientToken === undefined || input.clientToken === '' ? undefined : input.clientToken;
  if (clientToken !== undefined && (typeof clientToken !== 'string' || clientToken.length > 64 || !/^[\x20-\x7e]+$/.test(clientToken))) {
    throw new CloudError('InvalidParameter', { param: 'ClientToken' }, 'clientToken');
  }
  return {
    regionId: input.regionId,
    imageName: input.imageName ? String(input.imageName) : undefined,
    description,
    architecture,
    osType,
    platform,
    format,
    ossBucket: disk.ossBucket,
    ossObject: disk.ossObject,
    diskImageSize,
    clientToken,
  };
}

// ─── Reading the file (IMP-6) ────────────────────────────────────────────────

const GIB = 1024 ** 3;
export const HEADER_BYTES = 512;

const VHD_COOKIE = 'conectix';
const QCOW2_MAGIC = [0x51, 0x46, 0x49, 0xfb]; // "QFI\xfb"

export type DiskFacts = { format: DiskFormat; virtualSizeBytes: number; sizeGib: number };

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function uint64(bytes: Uint8Array, offset: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 8);
  return Number(view.getBigUint64(0, false));
}

function sniff(head: Uint8Array, tail: Uint8Array): DiskFormat {
  if (head.length >= 4 && QCOW2_MAGIC.every((b, i) => head[i] === b)) return 'QCOW2';
  if (tail.length === HEADER_BYTES && ascii(tail, 0, 8) === VHD_COOKIE) return 'VHD';
  return 'RAW';
}

export type DiskCheck = { ok: true; disk: DiskFacts } | { ok: false; reason: string; params?: Record<string, string | number> };

/**
 * What the file really is: `head` is its first 512 bytes (fewer if it is shorter), `tail` its
 * last 512. The declared format must match the content; the size comes from the file.
 */
export function inspectDisk(declared: DiskFormat, head: Uint8Array, tail: Uint8Array, fileSize: number): DiskCheck {
  if (fileSize === 0) return { ok: false, reason: 'emptyFile' };
  const found = sniff(head, tail);
  if (found !== declared) return { ok: false, reason: 'formatMismatch', params: { declared, found } };
  let virtualSizeBytes = fileSize;
  if (found === 'VHD') virtualSizeBytes = uint64(tail, 48);
  if (found === 'QCOW2') {
    if (head.length < 32) return { ok: false, reason: 'truncatedHeader', params: { format: 'QCOW2' } };
    virtualSizeBytes = uint64(head, 24);
  }
  if (virtualSizeBytes <= 0) return { ok: false, reason: 'noDiskSize', params: { format: found } };
  return { ok: true, disk: { format: found, virtualSizeBytes, sizeGib: Math.max(1, Math.ceil(virtualSizeBytes / GIB)) } };
}

/** The system disk must hold the disk in the file (the seed's InvalidImageSize). */
export function assertDiskFits(diskImageSize: number | undefined, disk: DiskFacts): number {
  if (diskImageSize !== undefined && diskImageSize < disk.sizeGib) throw new CloudError('InvalidImageSize', { problem: 'small', needed: disk.sizeGib, given: diskImageSize }, 'diskImageSize');
  return diskImageSize ?? disk.sizeGib;
}
