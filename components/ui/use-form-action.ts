'use client';

// The one way a console form calls its server action. React resets a form's fields after every
// action, so a refused form would come back empty (its checkboxes unticked); once the page runs,
// this submits through a transition instead (onSubmit's preventDefault tells React not to run
// the action itself), keeps everything typed after a refusal, and resets only after success, as
// before. Before hydration the form still posts to its server action (never a GET that would put
// a password in the address). The refusal's fields carry every field error at once.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { ActionState } from '@/lib/auth/action';
import type { FormAction } from './form-action';
import { useResultToast } from './toast';

/** `success` is the toast's word when the action is done (issue 16); a refusal toasts the short word, the form shows why. */
export function useFormAction<T>(action: FormAction<T>, { resetOnSuccess = true, success }: { resetOnSuccess?: boolean; success?: string } = {}) {
  const [state, dispatch, pending] = useActionState(action, null);
  useResultToast(state, success);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  };
  return { state, pending, form: { ref, action: dispatch, onSubmit, noValidate: true }, ...refusal(state) };
}

/** What a refused state says: each field's message, and the words for the form as a whole. */
export function refusal(state: ActionState<unknown>) {
  const error = state && !state.ok ? state.error : undefined;
  const fieldError = (name: string): string | undefined => (error?.fields && Object.hasOwn(error.fields, name) ? error.fields[name] : undefined);
  /** The message for the top of the form: the refusal unless every field it names is shown by the form. */
  const formError = (shown: readonly string[]): string | undefined => {
    if (!error) return undefined;
    const named = Object.keys(error.fields ?? {});
    return named.length > 0 && named.every((f) => shown.includes(f)) ? undefined : error.message;
  };
  return { error, fieldError, formError };
}
