"use client";
// A form posting to a server action (useActionState) that keeps what the user typed when the server
// refuses it. React 19 resets a form once its `action` has run, whether the server accepted the
// submission or named a field to fix, so a refused form came back empty. Submitted from onSubmit
// inside a transition instead, it is not reset by React; this resets it only when `accepted` says the
// server took it. The form keeps its `action` too, so it still posts before the page has hydrated.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

export function useKeptForm<S extends object>(serverAction: (state: S, form: FormData) => Promise<S>, initial: S, accepted: (state: S) => boolean) {
  // (A form state is a plain object, never a promise: Awaited<S> is S.)
  const [state, action, pending] = useActionState<S, FormData>(serverAction as (s: Awaited<S>, f: FormData) => Promise<S>, initial as Awaited<S>);
  const ref = useRef<HTMLFormElement>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(form));
  };
  const seen = useRef(state);
  useEffect(() => {
    if (state === seen.current) return;
    seen.current = state;
    if (accepted(state as S)) ref.current?.reset();
  }, [state, accepted]);
  return { state: state as S, pending, form: { ref, action, onSubmit } };
}
