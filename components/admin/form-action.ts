import type { ActionState } from '@/lib/auth/action';

/** A server action bound to the item it acts on, called by a form with useActionState. */
export type FormAction = (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>;

/** Reports how an action ended: the refusal's words, or undefined when it went through. */
export type OnSettled = (error?: string) => void;
