// One error type for every protocol; each protocol adapter renders it in its own shape.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface FieldProblem {
  name: string;
  message: string;
}

/** AWS-style "N validation error(s) detected: ..." from a list of field problems. */
export function validationError(problems: FieldProblem[], reason = "FIELD_VALIDATION_FAILED"): ApiError {
  const n = problems.length;
  const text = `${n} validation error${n === 1 ? "" : "s"} detected: ${problems.map((p) => p.message).join("; ")}`;
  return new ApiError(400, "ValidationException", text, {
    reason,
    fields: problems.map((p) => ({ name: p.name, message: p.message })),
  });
}

export function invalid(name: string, constraint: string): ApiError {
  return validationError([{ name, message: `Value at '${name}' failed to satisfy constraint: ${constraint}` }]);
}

export const accessDenied = (message: string) => new ApiError(403, "AccessDeniedException", message);
export const notFound = (message: string) => new ApiError(404, "ResourceNotFoundException", message);
