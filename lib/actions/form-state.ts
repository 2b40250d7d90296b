// What a server action answers a form that only needs to say saved or why not (alert rules and
// channels, group mappings, a test message): the form shows the message, and clears once ok.
export interface FormState {
  ok: boolean;
  message: string | null;
}

/** A form's state before its first submission. */
export const NO_FORM_STATE: FormState = { ok: false, message: null };
