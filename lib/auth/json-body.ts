// A route's JSON body, read at the boundary: a body that is not JSON, or one holding a NUL character
// (U+0000) in any text or key (PostgreSQL's text and jsonb hold none), is refused by its field's name
// before anything reads it. A NUL reaching the database is caught after (app-error.ts), without the name.
import { AppError } from "./app-error";
import { NUL_EXPECTED } from "./request-checks";
import { nulField } from "@/lib/domain/without-nul";

const JSON_EXPECTED = "expected a JSON object";

/** The parsed body, or an AppError ("invalid", 400) naming the field. */
export async function jsonBody(request: Request): Promise<unknown> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("invalid", `body: ${JSON_EXPECTED}`, [{ field: "body", message: JSON_EXPECTED }]);
  }
  refuseNul(body);
  return body;
}

/** Throws the "invalid" AppError naming where a NUL sits in a parsed value (a body, a policy document). */
export function refuseNul(value: unknown, root = "body"): void {
  const field = nulField(value, root);
  if (field !== null) throw new AppError("invalid", `${field}: ${NUL_EXPECTED}`, [{ field, message: NUL_EXPECTED }]);
}
