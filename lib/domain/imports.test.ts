import { describe, expect, it } from 'vitest';
import { CloudError, errorCatalogue } from './errors';
import { assertDiskFits, HEADER_BYTES, importPlatforms, inspectDisk, parseImportRequest, type ImportInput } from './imports';

const valid: ImportInput = { regionId: 'cn-hangzhou', imageName: 'centos-54', diskDeviceMappings: [{ ossBucket: 'ecsimageos', ossObject: 'CentOS_5.4_32.raw' }] };

/** The code and HTTP status a request is refused with, or 'ok'. */
function refusal(input: ImportInput): [string, number] | 'ok' {
  try {
    parseImportRequest(input);
    return 'ok';
  } catch (error) {
    if (!(error instanceof CloudError)) throw error;
    return [error.code, error.httpStatus];
  }
}

const disk = (over: Record<string, unknown>) => ({ ...valid, diskDeviceMappings: [{ ...valid.diskDeviceMappings![0], ...over }] });

describe('ImportImage parameters (IMP-3, IMP-4), codes and HTTP statuses of seed 003', () => {
  it('accepts the seed’s example and fills the defaults', () => {
    expect(parseImportRequest(valid)).toMatchObject({ architecture: 'x86_64', osType: 'linux', platform: 'Others Linux', format: 'RAW', description: '' });
  });

  it.each([
    ['no RegionId', { ...valid, regionId: undefined }, ['MissingParameter', 400]],
    ['no OSSBucket', disk({ ossBucket: undefined }), ['MissingParameter', 400]],
    ['no OSSObject', disk({ ossObject: '' }), ['MissingParameter', 400]],
    ['no disk mapping at all', { ...valid, diskDeviceMappings: [] }, ['MissingParameter', 400]],
  ])('%s → %j', (_, input, expected) => {
    expect(refusal(input as ImportInput)).toEqual(expected);
  });

  it.each([
    ['a', ['InvalidImageName.Malformed', 400]],
    ['ab', 'ok'],
    ['a'.repeat(128), 'ok'],
    ['a'.repeat(129), ['InvalidImageName.Malformed', 400]],
    ['1centos', ['InvalidImageName.Malformed', 400]],
    ['http://centos', ['InvalidImageName.Malformed', 400]],
    ['https://centos', ['InvalidImageName.Malformed', 400]],
    ['中文镜像', 'ok'],
    ['centos_5.4-x:1', 'ok'],
  ])('ImageName %j → %j', (imageName, expected) => {
    expect(refusal({ ...valid, imageName })).toEqual(expected);
  });

  it.each([
    ['x'.repeat(256), 'ok'],
    ['x'.repeat(257), ['InvalidDescription.Malformed', 400]],
    ['https://example.com', ['InvalidDescription.Malformed', 400]],
    ['', 'ok'],
  ])('Description of %#', (description, expected) => {
    expect(refusal({ ...valid, description })).toEqual(expected);
  });

  it.each([
    ['architecture', 'i386', 'ok'],
    ['architecture', 'x86_64', 'ok'],
    ['architecture', 'arm64', ['InvalidArchitecture.Malformed', 400]],
    ['osType', 'windows', ['InvalidPlatform.Malformed', 400]], // windows with the default Linux platform
    ['osType', 'linux', 'ok'],
    ['osType', 'macos', ['InvalidOSType.Malformed', 400]],
    ['platform', 'Solaris', ['InvalidPlatform.Malformed', 400]],
  ])('%s %j → %j', (field, value, expected) => {
    expect(refusal({ ...valid, [field]: value })).toEqual(expected);
  });

  it.each(importPlatforms)('Platform %s is accepted with its OS type', (platform) => {
    expect(refusal({ ...valid, platform, osType: platform.startsWith('Windows') ? 'windows' : 'linux' })).toBe('ok');
  });

  it.each([
    ['RAW', 'ok'],
    ['VHD', 'ok'],
    ['QCOW2', 'ok'],
    ['qcow2', 'ok'],
    ['VMDK', ['InvalidFormat.Malformed', 400]],
  ])('Format %s → %j', (format, expected) => {
    expect(refusal(disk({ format }))).toEqual(expected);
  });

  it('DiskImageSize must be a positive whole number of GiB', () => {
    expect(refusal(disk({ diskImageSize: '40' }))).toBe('ok');
    expect(refusal(disk({ diskImageSize: 0 }))).toEqual(['InvalidImageSize', 400]);
    expect(refusal(disk({ diskImageSize: '4.5' }))).toEqual(['InvalidImageSize', 400]);
  });

  it('only DiskDeviceMapping.1 is accepted (IMP-4)', () => {
    expect(refusal({ ...valid, diskDeviceMappings: [valid.diskDeviceMappings![0], { ossBucket: 'b', ossObject: 'data.raw' }] })).toEqual(['InvalidParameter', 400]);
  });

  it('ClientToken is at most 64 ASCII characters', () => {
    expect(refusal({ ...valid, clientToken: 'x'.repeat(64) })).toBe('ok');
    expect(refusal({ ...valid, clientToken: 'x'.repeat(65) })).toEqual(['InvalidParameter', 400]);
    expect(refusal({ ...valid, clientToken: '令牌' })).toEqual(['InvalidParameter', 400]);
  });

  it('the other codes of the seed’s table carry its statuses', () => {
    expect(errorCatalogue).toMatchObject({
      'RegionId.NotFound': 400,
      IncorrectImageStatus: 400,
      'InvalidImageName.Duplicated': 400,
      'QuotaExceed.Image': 403,
      'QuotaExceed.Snapshot': 403,
      Forbidden: 400,
      ImageIsImporting: 403,
      'InvalidRegion.NotSupport': 403,
    });
  });
});

// ─── Real small files, made here (IMP-6) ─────────────────────────────────────

const GIB = 1024 ** 3;

function vhdFooter(sizeBytes: number): Uint8Array {
  const footer = new Uint8Array(HEADER_BYTES);
  footer.set(new TextEncoder().encode('conectix'), 0);
  new DataView(footer.buffer).setBigUint64(40, BigInt(sizeBytes)); // original size
  new DataView(footer.buffer).setBigUint64(48, BigInt(sizeBytes)); // current size
  return footer;
}

function qcow2Header(sizeBytes: number): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  header.set([0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3], 0);
  new DataView(header.buffer).setBigUint64(24, BigInt(sizeBytes));
  return header;
}

/** head and tail of a file, as the service reads them. */
function ends(file: Uint8Array): [Uint8Array, Uint8Array] {
  return [file.subarray(0, HEADER_BYTES), file.length >= HEADER_BYTES ? file.subarray(file.length - HEADER_BYTES) : new Uint8Array()];
}

describe('disk files (IMP-6)', () => {
  it('a RAW file is its own size', () => {
    const raw = new Uint8Array(3 * 1024 * 1024).fill(7);
    expect(inspectDisk('RAW', ...ends(raw), raw.length)).toEqual({ ok: true, disk: { format: 'RAW', virtualSizeBytes: raw.length, sizeGib: 1 } });
  });

  it('a VHD takes its size from the conectix footer', () => {
    const vhd = new Uint8Array(4096 + HEADER_BYTES);
    vhd.set(vhdFooter(20 * GIB), 4096);
    expect(inspectDisk('VHD', ...ends(vhd), vhd.length)).toEqual({ ok: true, disk: { format: 'VHD', virtualSizeBytes: 20 * GIB, sizeGib: 20 } });
  });

  it('a QCOW2 takes its virtual size from its header', () => {
    const qcow = new Uint8Array(8192);
    qcow.set(qcow2Header(40 * GIB + 1), 0);
    expect(inspectDisk('QCOW2', ...ends(qcow), qcow.length)).toEqual({ ok: true, disk: { format: 'QCOW2', virtualSizeBytes: 40 * GIB + 1, sizeGib: 41 } });
  });

  it('a file declared VHD without the footer fails, naming what it is', () => {
    const raw = new Uint8Array(8192).fill(1);
    expect(inspectDisk('VHD', ...ends(raw), raw.length)).toEqual({ ok: false, reason: 'formatMismatch', params: { declared: 'VHD', found: 'RAW' } });
  });

  it('a QCOW2 file declared RAW fails', () => {
    const qcow = new Uint8Array(1024);
    qcow.set(qcow2Header(GIB), 0);
    expect(inspectDisk('RAW', ...ends(qcow), qcow.length)).toMatchObject({ ok: false, reason: 'formatMismatch', params: { found: 'QCOW2' } });
  });

  it('a truncated VHD (footer cut off) and a truncated QCOW2 header fail; an empty file fails', () => {
    const vhd = new Uint8Array(4096 + HEADER_BYTES);
    vhd.set(vhdFooter(GIB), 4096);
    const cut = vhd.subarray(0, vhd.length - 100);
    expect(inspectDisk('VHD', ...ends(cut), cut.length)).toMatchObject({ ok: false, reason: 'formatMismatch' });
    const shortQcow = qcow2Header(GIB).subarray(0, 20);
    expect(inspectDisk('QCOW2', shortQcow, new Uint8Array(), shortQcow.length)).toEqual({ ok: false, reason: 'truncatedHeader', params: { format: 'QCOW2' } });
    expect(inspectDisk('RAW', new Uint8Array(), new Uint8Array(), 0)).toEqual({ ok: false, reason: 'emptyFile' });
  });

  it('DiskImageSize smaller than the disk in the file is InvalidImageSize', () => {
    const facts = { format: 'VHD' as const, virtualSizeBytes: 20 * GIB, sizeGib: 20 };
    expect(assertDiskFits(40, facts)).toBe(40);
    expect(assertDiskFits(undefined, facts)).toBe(20);
    expect(() => assertDiskFits(19, facts)).toThrow(expect.objectContaining({ code: 'InvalidImageSize' }));
  });
});
