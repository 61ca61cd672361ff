// The only module that touches stored files: uploaded objects and imported disks, under the
// storage directory. Uploads stream to a temporary file and are renamed into place when
// complete, so a broken upload leaves nothing behind and no file is held in memory.
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { config } from '../config';
import { CloudError } from '../domain/errors';
import { HEADER_BYTES } from '../domain/imports';

export const objectPath = (objectId: string) => path.join(config.storageDir, 'objects', objectId);
export const diskPath = (imageId: string) => path.join(config.storageDir, 'disks', imageId);

/** Streams an upload to disk; fails (and keeps nothing) past maxBytes or short of the announced length. */
export async function writeObjectFile(objectId: string, body: WebReadableStream<Uint8Array> | Readable, expectedBytes: number | null, maxBytes: number): Promise<number> {
  const final = objectPath(objectId);
  const partial = `${final}.partial`;
  fs.mkdirSync(path.dirname(final), { recursive: true });
  let written = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.length;
      if (written > maxBytes) return done(new CloudError('EntityTooLarge', { max: `${Math.floor(maxBytes / 1024 ** 2)} MiB` }));
      done(null, chunk);
    },
  });
  try {
    const source = body instanceof Readable ? body : Readable.fromWeb(body);
    await pipeline(source, counter, fs.createWriteStream(partial));
    if (expectedBytes !== null && written !== expectedBytes) throw new CloudError('IncompleteBody');
    fs.renameSync(partial, final);
    return written;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error instanceof CloudError ? error : new CloudError('IncompleteBody');
  }
}

export function removeFile(file: string): void {
  fs.rmSync(file, { force: true });
}

/** The first and last 512 bytes of a file and its size: enough to tell RAW, VHD and QCOW2 apart. */
export function readEnds(file: string): { head: Uint8Array; tail: Uint8Array; size: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(HEADER_BYTES, size));
    fs.readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(size >= HEADER_BYTES ? HEADER_BYTES : 0);
    if (tail.length) fs.readSync(fd, tail, 0, HEADER_BYTES, size - HEADER_BYTES);
    return { head, tail, size };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Copies up to `length` bytes of `from` into `to` starting at `offset`, resuming where an
 * earlier (perhaps interrupted) step stopped: `to` is cut back to `offset` first.
 */
export function copyRange(from: string, to: string, offset: number, length: number): number {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const source = fs.openSync(from, 'r');
  const target = fs.openSync(to, fs.existsSync(to) ? 'r+' : 'w');
  try {
    fs.ftruncateSync(target, offset);
    const buffer = Buffer.alloc(Math.min(length, 8 * 1024 * 1024));
    let copied = 0;
    while (copied < length) {
      const read = fs.readSync(source, buffer, 0, Math.min(buffer.length, length - copied), offset + copied);
      if (read === 0) break;
      fs.writeSync(target, buffer, 0, read, offset + copied);
      copied += read;
    }
    return copied;
  } finally {
    fs.closeSync(source);
    fs.closeSync(target);
  }
}
