// Object storage names (OSS-style) and the import role of IMP-2.
import { CloudError } from './errors';

/** 3–63 characters: lowercase letters, digits and hyphens, starting and ending with a letter or digit. */
export function assertBucketName(name: string): void {
  if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name)) throw new CloudError('InvalidBucketName', { name }, 'name');
}

/** 1–1023 bytes of UTF-8, no leading slash or backslash, no control characters. */
export function assertObjectKey(key: string): void {
  const bytes = new TextEncoder().encode(key).length;
  // eslint-disable-next-line no-control-regex
  if (bytes < 1 || bytes > 1023 || /^[/\\]/.test(key) || /[\u0000-\u001f\u007f]/.test(key)) throw new CloudError('InvalidObjectName', {}, 'key');
}

/** IMP-2: the role and policy actions the image service needs to read an account's buckets. */
export const IMPORT_ROLE = 'AliyunECSImageImportDefaultRole';
export const IMPORT_POLICY_ACTIONS = ['oss:GetObject', 'oss:GetBucketLocation'] as const;
