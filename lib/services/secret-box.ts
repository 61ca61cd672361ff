// Secrets Stratus must use again later (AccessKey secrets to check API signatures, seller keys
// to sign lifecycle calls) are kept encrypted with AES-256-GCM under a key derived from the
// server's auth secret, never in the clear.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { authSecret } from '../auth/secret';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Unbiased base62: bytes ≥ 248 are dropped. */
export const random62 = (length: number) =>
  Array.from(randomBytes(length * 2), (b) => b)
    .filter((b) => b < 248)
    .slice(0, length)
    .map((b) => BASE62[b % 62])
    .join('');

function cipherKey(): Buffer {
  return createHash('sha256').update(`${authSecret()}:access-keys`).digest();
}

export function encrypt(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

export function decrypt(stored: string): string {
  const [iv, tag, data] = stored.split('.').map((p) => Buffer.from(p, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', cipherKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
