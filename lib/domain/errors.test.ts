import { describe, expect, it } from 'vitest';
import en from '../../messages/en/console.json';
import zh from '../../messages/zh-CN/console.json';
import { errorCatalogue, isCloudErrorCode, messageKeyOf, type CloudErrorCode } from './errors';

// Every error code product.md names, with the HTTP status it specifies (seed 003's table, API-2, MKT-4).
const specified: Record<string, number> = {
  'QuotaExceed.BuyImage': 403,
  'InvalidAccount.Malformed': 400,
  MissingParameter: 400,
  'InvalidImageName.Malformed': 400,
  'InvalidDescription.Malformed': 400,
  'RegionId.NotFound': 400,
  IncorrectImageStatus: 400,
  'InvalidImageName.Duplicated': 400,
  'QuotaExceed.Image': 403,
  'QuotaExceed.Snapshot': 403,
  Forbidden: 400, // seed 003's table says 400
  'InvalidArchitecture.Malformed': 400,
  'InvalidPlatform.Malformed': 400,
  'InvalidOSType.Malformed': 400,
  'InvalidFormat.Malformed': 400,
  InvalidImageSize: 400,
  ImageIsImporting: 403,
  'InvalidRegion.NotSupport': 403,
  IdempotentParameterMismatch: 400,
  'InvalidAccessKeyId.NotFound': 404,
  SignatureDoesNotMatch: 400,
  SignatureNonceUsed: 400,
  'InvalidTimeStamp.Expired': 400,
  'InvalidAction.NotFound': 404,
  DryRunOperation: 400,
};

describe('CloudError catalogue', () => {
  it.each(Object.entries(specified))('%s is in the catalogue with HTTP %i', (code, status) => {
    expect(isCloudErrorCode(code)).toBe(true);
    expect(errorCatalogue[code as CloudErrorCode]).toBe(status);
  });

  it.each(Object.keys(errorCatalogue) as CloudErrorCode[])('%s has a message in English and 简体中文', (code) => {
    const key = messageKeyOf(code);
    expect((en.errors as Record<string, string>)[key]).toBeTruthy();
    expect((zh.errors as Record<string, string>)[key]).toBeTruthy();
  });
});
