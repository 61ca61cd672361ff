// The one wrapper every console server action goes through: who is calling, then the use case,
// then errors shaped for people — a catalogue message, never a raw exception (style.md).
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { parseInput } from '../domain/validation';
import { consoleMessage } from '../../i18n/console-words';
import { requireSession } from './session';

/** A refusal in the user's words: `fields` holds every refused field's message, so a form marks them all at once. */
export type ActionError = { code: string; message: string; field?: string; fields?: Record<string, string> };
export type ActionState<T = unknown> = { ok: true; data: T } | { ok: false; error: ActionError } | null;

export async function describeError(error: unknown): Promise<ActionError> {
  const t = await getTranslations('errors');
  if (error instanceof CloudError) {
    const fieldErrors = await getTranslations('fieldErrors');
    const message = (e: CloudError) => consoleMessage(e, fieldErrors as never, t as never);
    const refused = [error, ...error.also].filter((e) => e.field);
    return { code: error.code, message: message(error), field: error.field, ...(refused.length ? { fields: Object.fromEntries(refused.map((e) => [e.field!, message(e)])) } : {}) };
  }
  console.error('[action] unexpected error:', error);
  return { code: 'InternalError', message: t('InternalError') };
}

export async function runAction<T>(work: (actor: Actor) => T | Promise<T>): Promise<ActionState<T>> {
  const { actor } = await requireSession();
  try {
    return { ok: true, data: await work(actor) };
  } catch (error) {
    return { ok: false, error: await describeError(error) };
  }
}

/**
 * Issue 12: a server action is a public endpoint, and its arguments are whatever the client
 * sent (any string for an id or an enum, any value for the form). Every action parses them
 * first; a wrong one answers MissingParameter or InvalidParameter like any refusal.
 */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  return parseInput(schema, args, {});
}

/** The pieces server-action arguments are made of. */
export const arg = {
  /** A resource id, code or key id (the service decides whether it exists for the caller). */
  id: z.string().min(1).max(64),
  /** A row id (refund requests, applications, deliveries). */
  rowId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  form: z.instanceof(FormData),
};

/** runAction with the action's arguments parsed first. */
export function runParsed<S extends z.ZodType, T>(schema: S, args: unknown, work: (actor: Actor, args: z.infer<S>) => T | Promise<T>): Promise<ActionState<T>> {
  return runAction((actor) => work(actor, parseArgs(schema, args)));
}
