// Names of images and instances (IMP-3): 2–128 characters, starting with a letter or a Chinese
// character, then letters, digits, Chinese characters, "_", "-", "." or ":"; never a URL. An
// image's name never starts with "aliyun" or "acs:" either (Alibaba's ImageName, the platform's own).

export const RESOURCE_NAME_MAX = 128;
export const DESCRIPTION_MAX = 256;

const NAME = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5_.:-]+$/; // every allowed character is one UTF-16 unit

export function isValidResourceName(name: string): boolean {
  return name.length <= RESOURCE_NAME_MAX && NAME.test(name) && !startsWithUrl(name);
}

/** Alibaba's ImageName (CreateImage, CopyImage, ModifyImageAttribute): a resource name not starting with "aliyun" or "acs:". */
export function isValidImageName(name: string): boolean {
  return isValidResourceName(name) && !/^(aliyun|acs:)/i.test(name);
}

export function startsWithUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** Descriptions: 0–256 characters, never starting with a URL (IMP-3). */
export function isValidDescription(text: string): boolean {
  return [...text].length <= DESCRIPTION_MAX && !startsWithUrl(text);
}
