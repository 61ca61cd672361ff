// The one wrapper every console server action goes through: who is calling, then the use case,
// then errors shaped for people — a catalogue message, never a raw exception (style.md).
import { getTranslations } from 'next-intl/server';
import type { Actor } from '../domain/actor';
import { CloudError, messageKeyOf } from '../domain/errors';
import { requireSession } from './session';

export type ActionError = { code: string; message: string; field?: string };
export type ActionState<T = unknown> = { ok: true; data: T } | { ok: false; error: ActionError } | null;

export async function describeError(error: unknown): Promise<ActionError> {
  const t = await getTranslations('errors');
  if (error instanceof CloudError) {
    return { code: error.code, message: t(messageKeyOf(error.code), error.params), field: error.field };
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
