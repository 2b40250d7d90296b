// PostgreSQL's text and jsonb hold no NUL character (U+0000): one finding whose title, tag or resource
// name carried one failed its whole batch ("unsupported Unicode escape sequence"), at every sync, until
// Inspector changed it. The modelled copies take U+FFFD, the replacement character, in its place; the
// raw JSON keeps Inspector's text exactly (there the NUL is an escape of six ASCII characters). A
// request holding one is refused instead (request-checks.ts), its parameter's name shown this way.
const REPLACEMENT = "\ufffd";

export const textWithoutNul = (s: string): string => (s.includes("\0") ? s.replaceAll("\0", REPLACEMENT) : s);

/** The same in JSON text as JSON.stringify writes it: each `\u0000` escape that is not itself escaped
 *  (one after an even number of backslashes). Text without one is returned as it is, unscanned. */
export const jsonWithoutNul = (json: string): string =>
  json.includes("\\u0000") ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, `$1\\u${REPLACEMENT.charCodeAt(0).toString(16)}`) : json;

/** Where a NUL sits in a parsed JSON value: the dotted path of the first text or key holding one
 *  ("reason", "scope.accounts.0"; `root` for a text at the top), or null. Walked with a stack of its
 *  own: a request's body may nest deeper than the call stack goes. */
export function nulField(value: unknown, root = "body"): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\0")) return path || root;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, item] = entries[i];
        const at = path ? `${path}.${textWithoutNul(k)}` : textWithoutNul(k);
        if (k.includes("\0")) return at;
        stack.push([item, at]);
      }
    }
  }
  return null;
}

/** The name of the first field of a submitted form whose name or text holds a NUL, or null (files
 *  are bytes, not text, and are left to their readers). */
export function nulFormField(form: FormData): string | null {
  for (const [name, value] of form.entries()) {
    if (name.includes("\0") || (typeof value === "string" && value.includes("\0"))) return textWithoutNul(name);
  }
  return null;
}
