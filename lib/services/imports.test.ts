import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const storage = vi.hoisted(() => {
  const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'stratus-storage-'));
  process.env.STRATUS_STORAGE_DIR = dir;
  return dir;
});

import { images, tasks } from '../../db/schema';
import { bundled } from '../../tests/helpers/bundle';
import { databaseLocation, newBuyer, throwawayDatabase } from '../../tests/helpers/database';
import { expectCloudError, settle } from '../../tests/helpers/marketplace';
import { clock } from '../clock';
import type { Actor } from '../domain/actor';
import { HEADER_BYTES } from '../domain/imports';
import { describeImages, deleteImage } from './images';
import { cancelTask, importImage } from './imports';
import { diskPath } from './object-files';
import { createBucket, deleteBucket, grantImportRole, putObject } from './storage';

const { db } = throwawayDatabase();
const workerScript = bundled('tests/concurrency/run-worker.ts');
afterEach(() => clock.reset());
beforeAll(() => expect(storage).toContain('stratus-storage-'));

const GIB = 1024 ** 3;

function vhd(sizeGib: number, dataBytes = 4096): Buffer {
  const file = Buffer.alloc(dataBytes + HEADER_BYTES, 3);
  file.fill(0, dataBytes);
  file.write('conectix', dataBytes, 'ascii');
  file.writeBigUInt64BE(BigInt(sizeGib * GIB), dataBytes + 48);
  return file;
}

async function upload(actor: Actor, bucketId: string, key: string, content: Buffer) {
  return putObject(actor, { bucketId, key, contentLength: content.length, body: Readable.from([content]) });
}

/** A buyer with the import role, a bucket in cn-hangzhou and a file in it. */
async function ready(content: Buffer, key = 'disk.raw') {
  const buyer = await newBuyer();
  await grantImportRole(buyer);
  const bucket = await createBucket(buyer, { regionId: 'cn-hangzhou', name: `b-${buyer.accountId}` });
  await upload(buyer, bucket.id, key, content);
  return { buyer, bucket };
}

const request = (bucket: string, object: string, extra: Record<string, unknown> = {}, disk: Record<string, unknown> = {}) => ({
  regionId: 'cn-hangzhou',
  imageName: 'imported',
  ...extra,
  diskDeviceMappings: [{ ossBucket: bucket, ossObject: object, ...disk }],
});

const taskOf = async (taskId: string) => (await db().select().from(tasks).where(eq(tasks.id, taskId)).limit(1)).at(0)!;
const imageOf = async (imageId: string) => (await db().select().from(images).where(eq(images.id, imageId)).limit(1)).at(0)!;

describe('object storage (IMP-1)', () => {
  it('streams an upload to disk, refuses a short body without keeping anything, and deletes only empty buckets', async () => {
    const buyer = await newBuyer();
    const bucket = await createBucket(buyer, { regionId: 'cn-hangzhou', name: 'uploads-1' });
    await expectCloudError(async () => await createBucket(buyer, { regionId: 'cn-hangzhou', name: 'uploads-1' }), 'BucketAlreadyExists');
    await expectCloudError(async () => await createBucket(buyer, { regionId: 'cn-hangzhou', name: 'Bad_Name' }), 'InvalidBucketName');
    const stored = await upload(buyer, bucket.id, 'a.raw', Buffer.alloc(5000, 1));
    expect(stored.sizeBytes).toBe(5000);
    await expect(putObject(buyer, { bucketId: bucket.id, key: 'short.raw', contentLength: 9000, body: Readable.from([Buffer.alloc(100)]) })).rejects.toMatchObject({ code: 'IncompleteBody' });
    expect(fs.readdirSync(path.join(storage, 'objects')).filter((f) => f.endsWith('.partial'))).toEqual([]);
    await expectCloudError(async () => await deleteBucket(buyer, bucket.id), 'BucketNotEmpty');
    await expect(upload(await newBuyer(), bucket.id, 'x', Buffer.alloc(1))).rejects.toMatchObject({ code: 'InvalidOSSBucket.NotFound' });
  });
});

describe('ImportImage', () => {
  it('IMP-2: without the authorisation the import fails with Forbidden (the seed’s 400)', async () => {
    const buyer = await newBuyer();
    const bucket = await createBucket(buyer, { regionId: 'cn-hangzhou', name: 'noauth' });
    await upload(buyer, bucket.id, 'disk.raw', Buffer.alloc(2048, 1));
    const error = await expectCloudError(async () => await importImage(buyer, request('noauth', 'disk.raw')), 'Forbidden');
    expect(error.httpStatus).toBe(400);
    await grantImportRole(buyer);
    expect((await importImage(buyer, request('noauth', 'disk.raw'))).imageId).toMatch(/^m-/);
  });

  it('IMP-1: the bucket must be the caller’s, in the import’s region', async () => {
    const { bucket } = await ready(Buffer.alloc(2048, 1));
    const other = await newBuyer();
    await grantImportRole(other);
    await expectCloudError(async () => await importImage(other, request(bucket.name, 'disk.raw')), 'InvalidOSSBucket.NotFound');
    const { buyer } = await ready(Buffer.alloc(2048, 1));
    await expectCloudError(async () => await importImage(buyer, request(`b-${buyer.accountId}`, 'disk.raw', { regionId: 'cn-beijing' })), 'InvalidOSSBucket.NotFound');
    await expectCloudError(async () => await importImage(buyer, request(`b-${buyer.accountId}`, 'nope.raw')), 'InvalidOSSObject.NotFound');
  });

  it('IMP-6/IMP-7: a RAW import copies the file with progress; the image is Creating until Available', async () => {
    const content = Buffer.alloc(40 * 1024 * 1024, 9); // three 16 MiB steps
    const { buyer, bucket } = await ready(content);
    const { imageId, taskId } = await importImage(buyer, request(bucket.name, 'disk.raw'));
    expect((await imageOf(imageId)).status).toBe('Creating');
    expect((await taskOf(taskId)).status).toBe('Waiting');
    await expectCloudError(async () => await deleteImage(buyer, imageId), 'ImageIsImporting');
    const seen: number[] = [];
    for (let i = 0; i < 10 && (await taskOf(taskId)).status !== 'Finished'; i++) {
      await settle(1);
      seen.push((await taskOf(taskId)).progress);
    }
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
    expect(await taskOf(taskId)).toMatchObject({ status: 'Finished', progress: 100 });
    expect(await imageOf(imageId)).toMatchObject({ status: 'Available', sizeGib: 1, source: 'import' });
    expect(fs.statSync(diskPath(imageId)).size).toBe(content.length);
  });

  it('IMP-6: a VHD sizes the image from its footer; DiskImageSize below it is InvalidImageSize', async () => {
    const { buyer, bucket } = await ready(vhd(20), 'disk.vhd');
    await expectCloudError(async () => await importImage(buyer, request(bucket.name, 'disk.vhd', {}, { format: 'VHD', diskImageSize: 10 })), 'InvalidImageSize');
    const { imageId } = await importImage(buyer, request(bucket.name, 'disk.vhd', {}, { format: 'VHD', diskImageSize: 40 }));
    expect((await imageOf(imageId)).sizeGib).toBe(40);
    await settle();
    expect((await imageOf(imageId)).status).toBe('Available');
  });

  it('IMP-6: a file that is not what the declared format says fails the task with the reason', async () => {
    const { buyer, bucket } = await ready(Buffer.alloc(8192, 1), 'plain.raw');
    const { imageId, taskId } = await importImage(buyer, request(bucket.name, 'plain.raw', {}, { format: 'VHD' }));
    await settle();
    expect(await taskOf(taskId)).toMatchObject({ status: 'Failed' });
    expect(JSON.parse((await taskOf(taskId)).failureReason!)).toEqual({ reason: 'formatMismatch', declared: 'VHD', found: 'RAW' });
    expect((await imageOf(imageId)).status).toBe('CreateFailed');
  });

  it('IMP-7: CancelTask cancels and removes the half-made image', async () => {
    const { buyer, bucket } = await ready(Buffer.alloc(40 * 1024 * 1024, 2));
    const { imageId, taskId } = await importImage(buyer, request(bucket.name, 'disk.raw'));
    await settle(1);
    await cancelTask(buyer, taskId);
    expect((await taskOf(taskId)).status).toBe('Cancelled');
    expect((await describeImages(buyer, { regionId: 'cn-hangzhou', ownerAlias: 'self' })).items.map((i) => i.id)).not.toContain(imageId);
    expect(fs.existsSync(diskPath(imageId))).toBe(false);
    await expectCloudError(async () => await cancelTask(buyer, taskId), 'IncorrectTaskStatus');
    await expectCloudError(async () => await cancelTask(await newBuyer(), taskId), 'InvalidTaskId.NotFound');
    await settle();
    expect((await taskOf(taskId)).status).toBe('Cancelled');
  });

  it('issue 16: an import without a name is named by the China time it started', async () => {
    const { buyer, bucket } = await ready(Buffer.alloc(4096, 1));
    clock.set(new Date('2026-12-01T07:03:22.000Z'));
    const { imageId } = await importImage(buyer, request(bucket.name, 'disk.raw', { imageName: undefined }));
    expect((await imageOf(imageId)).name).toBe('import-20261201150322');
  });

  it('IMP-8: the same ClientToken returns the same image; other parameters are a mismatch', async () => {
    const { buyer, bucket } = await ready(Buffer.alloc(4096, 1));
    const first = await importImage(buyer, request(bucket.name, 'disk.raw', { clientToken: 'import-1' }));
    expect(await importImage(buyer, request(bucket.name, 'disk.raw', { clientToken: 'import-1' }))).toEqual(first);
    expect(await db().select().from(tasks).where(eq(tasks.accountId, buyer.accountId))).toHaveLength(1);
    await expectCloudError(async () => await importImage(buyer, request(bucket.name, 'disk.raw', { clientToken: 'import-1', imageName: 'other' })), 'IdempotentParameterMismatch');
  });

  it('a server killed in the middle of an import: after a restart the task finishes, and the disk is whole', async () => {
    const content = Buffer.alloc(160 * 1024 * 1024);
    for (let i = 0; i < content.length; i += 4096) content.writeUInt32LE(i, i); // recognisable bytes
    const { buyer, bucket } = await ready(content);
    const { imageId, taskId } = await importImage(buyer, request(bucket.name, 'disk.raw'));
    const env = { ...process.env, STRATUS_JOB_LEASE_MS: '1500', STRATUS_STORAGE_DIR: storage };
    const startServer = (...crashMidTask: string[]) => spawn(process.execPath, [workerScript, databaseLocation(), ...crashMidTask], { env, stdio: 'ignore' });
    const waitFor = async (ok: () => Promise<boolean>, ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await ok()) return;
      throw new Error('timed out');
    };
    // The first server kills itself after the first 16 MiB step, holding the second step's job.
    let server: ChildProcess = startServer(taskId);
    try {
      await new Promise((r) => server.once('exit', r));
      const atKill = await taskOf(taskId);
      expect(atKill).toMatchObject({ status: 'Processing', progress: 10 });
      expect((await imageOf(imageId)).status).toBe('Creating');
      server = startServer(); // the restart
      await waitFor(async () => (await taskOf(taskId)).status === 'Finished', 60_000);
    } finally {
      server.kill('SIGKILL');
    }
    expect((await imageOf(imageId)).status).toBe('Available');
    expect(fs.readFileSync(diskPath(imageId)).equals(content)).toBe(true);
  }, 120_000);
});

