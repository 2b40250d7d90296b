// Database URLs carry credentials: text about a database (a config error, a readiness reason, a
// log line) passes through here first, so neither the URL nor its password ever leaves the process.

/** Masks the password of every `[scheme://]user:password@host` in the text (up to its last @). */
export const redactUrlPassword = (text: string): string =>
  text.replace(/(\/\/[^:@/\s]*):\S*@/g, "$1:***@").replace(/(^|\s)(?!\S*\/\/)([^:@/\s]*):\S*@/g, "$1$2:***@");

/** Also removes the given URL itself and its password wherever they appear (e.g. in a driver error). */
export function redactDatabaseText(text: string, url?: string): string {
  let out = text;
  if (url) {
    out = out.split(url).join("[DATABASE_URL]");
    const password = URL.canParse(url) ? new URL(url).password : "";
    for (const p of password ? [password, decodeURIComponent(password)] : []) out = out.split(p).join("***");
  }
  return redactUrlPassword(out);
}
