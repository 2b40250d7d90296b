// The guard for server actions: the same Host, Origin and permission checks as withGuard (Next.js
// also compares a server action's Origin with its Host), the actor resolved once per request.
import { headers } from "next/headers";
import { AppError, inputTextError, issuesError } from "./app-error";
import { nulFormField } from "@/lib/domain/without-nul";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";
import { admit, type GuardContext } from "./guard";
import type { Permission } from "./permissions";
import { allowedHosts, checkOrigin, NUL_EXPECTED } from "./request-checks";

/** `form`: the action's submitted form (null for an action that takes none), refused by the name of a
 *  field holding a NUL character (PostgreSQL's text holds none) once the caller is admitted. Required,
 *  so that a new action says which it is rather than skip the check by leaving it out. */
export async function guardAction(permission: Permission, form: FormData | null): Promise<GuardContext> {
  const h = await headers();
  // Server actions post multipart form data, so the JSON rule is for route handlers only.
  checkOrigin(h, `http://${h.get("host") ?? ""}/`, allowedHosts());
  const admitted = await admit(h, `http://${h.get("host") ?? ""}/`, { permission, mutating: false });
  const field = form && nulFormField(form);
  if (field) throw issuesError(400, [{ field, message: NUL_EXPECTED }]);
  return admitted;
}

/** A plain message for form state: coded errors say what; anything else is not shown. */
export function actionError(err: unknown): string {
  err = inputTextError(err) ?? err;
  if (err instanceof AppError) return err.message;
  console.error(`inspectorate: internal error in a server action (${internalErrorKind(err)})`);
  return "Something went wrong; nothing was changed.";
}
