// A batch's outcomes shaped for people: each refusal in the catalogue's words (issue 16).
import type { BatchOutcome } from '../services/batch';
import { describeError } from './action';

export type BatchReport = { id: string; ok: boolean; message?: string }[];

export async function reportOutcomes(outcomes: BatchOutcome[]): Promise<BatchReport> {
  return Promise.all(outcomes.map(async (o) => (o.ok ? { id: o.id, ok: true } : { id: o.id, ok: false, message: (await describeError(o.error)).message })));
}
