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
