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
  const issue = result.error.issues[0];
  const field = String(issue.path[0] ?? '');
  // An issue with no path is about the input as a whole (a wrong type, not a missing field).
  const raw = issue.path.length === 0 ? input : input && typeof input === 'object' && Object.hasOwn(input, field) ? (input as Record<string, unknown>)[field] : undefined;
  if (raw === undefined || raw === null || raw === '') throw new CloudError('MissingParameter', { param: field }, field);
  throw new CloudError((Object.hasOwn(codes, field) ? codes[field] : undefined) ?? 'InvalidParameter', { param: field }, field);
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
