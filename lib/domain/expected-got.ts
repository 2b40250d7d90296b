// What a refused value's error says: what was expected, then the value itself, JSON-quoted and cut to
// 40 characters. Every schema that takes one value of a list quotes it, so the error says which entry
// failed (`?severity=HIGH&severity=SEVERE`) without its caller adding the value again.

/** The value as an error message quotes it; "nothing" when there was none. */
export function quotedValue(value: unknown): string {
  if (value === undefined || value === null) return "nothing";
  const text = typeof value === "string" ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** `${expected}, got "…"`, as a Zod `error` option (or called with the value). */
export const expectedGot = (expected: string) => (issue: { input?: unknown }) => `${expected}, got ${quotedValue(issue.input)}`;
