// The console's words for a refusal (issue 16): "Enter a name" rather than the API's "The
// required parameter name is missing." Shared by server actions (lib/auth/action.ts) and forms
// that check as the user types (the import wizard). The API keeps the catalogue's wording
// (lib/english-errors.ts).
import { messageKeyOf, type CloudErrorCode, type CloudErrorParams } from '../lib/domain/errors';

type Translate = { (key: never, params?: never): string; has(key: never): boolean };
export type Refusal = { code: CloudErrorCode; params: CloudErrorParams; field?: string };

/** `fieldErrors` translates console.json's fieldErrors, `errors` its errors (the catalogue). */
export function consoleMessage(error: Refusal, fieldErrors: Translate, errors: Translate): string {
  const t = (translate: Translate, key: string, params?: CloudErrorParams) => translate(key as never, params as never);
  const has = (key: string) => fieldErrors.has(key as never);
  if (error.field) {
    // A refusal of a field the console words its own way, e.g. naming the one account of a share list that failed.
    const own = `byField.${error.field}.${messageKeyOf(error.code)}`;
    if (has(own)) return t(fieldErrors, own, error.params);
    const kind = error.code === 'MissingParameter' ? 'missing' : error.code === 'InvalidParameter' ? 'invalid' : undefined;
    if (kind) return has(`${kind}.${error.field}`) ? t(fieldErrors, `${kind}.${error.field}`) : t(fieldErrors, kind === 'missing' ? 'missingAny' : 'invalidAny');
  }
  return t(errors, messageKeyOf(error.code), error.params);
}

type Params = Record<string, string | number>;

/**
 * A notification's parameters in the reader's words: its region by name, and the refusal it
 * reports (a scaling group's failed launch, MKT-9) as the catalogue words it, not its code.
 */
export function notificationParams(params: Params, translate: Translate): Params {
  const t = (key: string, values?: Params) => translate(key as never, values as never);
  const reasonKey = typeof params.code === 'string' ? `errors.${params.code}` : null;
  return {
    ...params,
    ...(typeof params.regionId === 'string' ? { region: t(`regions.${params.regionId}`) } : {}),
    ...(reasonKey ? { reason: translate.has(reasonKey as never) ? t(reasonKey, params) : String(params.code) } : {}),
  };
}
