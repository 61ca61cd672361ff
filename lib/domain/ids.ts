// Resource ids in the formats of product.md §2: a prefix, a dash, 20 lowercase alphanumerics.
// Account ids are 16 digits, never starting with 0 (like Alibaba Cloud's UIDs).

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_BODY_LENGTH = 20;

/** m- image, i- instance, t- task (product.md §2); o- order, l- license; asg- scaling group (Alibaba ESS's). */
export type ResourcePrefix = 'm' | 'i' | 't' | 'o' | 'l' | 'asg';

type RandomBytes = (length: number) => Uint8Array;

const cryptoBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/** Uniform characters from random bytes: bytes above the largest multiple of the alphabet size are dropped, so no character is favoured. */
function randomString(alphabet: string, length: number, random: RandomBytes): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export function newResourceId(prefix: ResourcePrefix, random: RandomBytes = cryptoBytes): string {
  return `${prefix}-${randomString(ALPHABET, ID_BODY_LENGTH, random)}`;
}

export function isResourceId(prefix: ResourcePrefix, value: string): boolean {
  return new RegExp(`^${prefix}-[a-z0-9]{${ID_BODY_LENGTH}}$`).test(value);
}

export function newAccountId(random: RandomBytes = cryptoBytes): string {
  return randomString('123456789', 1, random) + randomString('0123456789', 15, random);
}

export function isAccountId(value: string): boolean {
  return /^[1-9][0-9]{15}$/.test(value);
}

/** Request ids in Alibaba's shape (uppercase UUID), for audit rows and API answers. */
export function newRequestId(): string {
  return globalThis.crypto.randomUUID().toUpperCase();
}

/** A ClientToken for a form (IMP-8): random, and made without crypto.randomUUID, which plain-http pages lack. */
export function newClientToken(random: RandomBytes = cryptoBytes): string {
  return Array.from(random(16), (b) => b.toString(16).padStart(2, '0')).join('');
}
