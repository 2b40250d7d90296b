// The guard for server actions: the same Host, Origin and permission checks as withGuard (Next.js
// also compares a server action's Origin with its Host), the actor resolved once per request.
import { headers } from "next/headers";
import { AppError, inputTextError } from "./app-error";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";
import { admit, type GuardContext } from "./guard";
import type { Permission } from "./permissions";
import { allowedHosts, checkOrigin } from "./request-checks";

export async function guardAction(permission: Permission): Promise<GuardContext> {
  const h = await headers();
  // Server actions post multipart form data, so the JSON rule is for route handlers only.
  checkOrigin(h, `http://${h.get("host") ?? ""}/`, allowedHosts());
  return admit(h, `http://${h.get("host") ?? ""}/`, { permission, mutating: false });
}

/** A plain message for form state: coded errors say what; anything else is not shown. */
export function actionError(err: unknown): string {
  err = inputTextError(err) ?? err;
  if (err instanceof AppError) return err.message;
  console.error(`inspectorate: internal error in a server action (${internalErrorKind(err)})`);
  return "Something went wrong; nothing was changed.";
}
