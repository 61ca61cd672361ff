// Server actions reach components as props from the page, which imports them from its own
// actions.ts: components never import from app/. These are the shapes they take.
import type { ActionState } from '@/lib/auth/action';

/** A server action called by a form with useActionState. */
export type FormAction<T = unknown> = (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/** A form's server action for one item, which the component binds to the item's id. */
export type ItemFormAction<Id = string, T = unknown> = (id: Id, state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/** Reports how an action ended: the refusal's words, or undefined when it went through. */
export type OnSettled = (error?: string) => void;
