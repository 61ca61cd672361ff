// Turns a zod verdict into the catalogue's error: MissingParameter for an absent field, else the
// field's own code (e.g. InvalidParameter.Amount), so the API and the console answer alike.
import type { z } from 'zod';
import { CloudError, type CloudErrorCode } from './errors';

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  codes: Partial<Record<string, CloudErrorCode>>,
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // One error per refused field, in the schema's order: the first is the answer, the rest ride along.
  const errors = new Map<string, CloudError>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!errors.has(field)) errors.set(field, issueError(issue.path.length === 0, field, input, codes));
  }
  const [first, ...rest] = errors.values();
  throw rest.length ? new CloudError(first.code, first.params, first.field, rest) : first;
}

function issueError(whole: boolean, field: string, input: unknown, codes: Partial<Record<string, CloudErrorCode>>): CloudError {
  // An issue with no path is about the input as a whole (a wrong type, not a missing field).
  const raw = whole ? input : input && typeof input === 'object' && Object.hasOwn(input, field) ? (input as Record<string, unknown>)[field] : undefined;
  if (raw === undefined || raw === null || raw === '') return new CloudError('MissingParameter', { param: field }, field);
  return new CloudError((Object.hasOwn(codes, field) ? codes[field] : undefined) ?? 'InvalidParameter', { param: field }, field);
}

export const DECISION_NOTE_MAX = 500;

/**
 * ADM-1, ADM-2: the reason a reviewer gives for a rejection or a freeze. The other side reads it
 * as written, so it is required, trimmed, and at most DECISION_NOTE_MAX characters — refused, never cut.
 */
export function parseDecisionNote(input: { note?: unknown }): string {
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (note.length === 0 || note.length > DECISION_NOTE_MAX) throw new CloudError('InvalidParameter.DecisionNote', {}, 'note');
  return note;
}
