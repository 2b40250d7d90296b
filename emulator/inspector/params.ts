import { ApiError, invalid, validationError } from "../http/errors";

// Request member checks shared by the operations, with AWS's wording.

export type Body = Record<string, unknown>;

export function maxResults(body: Body, max: number, min = 1): number {
  const v = body.maxResults;
  if (v === undefined || v === null) return max;
  if (typeof v !== "number" || !Number.isInteger(v)) throw invalid("maxResults", "Member must be an integer");
  if (v > max) throw invalid("maxResults", `Member must have value less than or equal to ${max}`);
  if (v < min) throw invalid("maxResults", `Member must have value greater than or equal to ${min}`);
  return v;
}

export function oneOf<T extends string>(body: Body, name: string, values: readonly T[], required = false): T | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw invalid(name, "Member must not be null");
    return undefined;
  }
  if (typeof v !== "string" || !values.includes(v as T)) {
    throw validationError([{ name, message: `Value '${String(v)}' at '${name}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(", ")}]` }]);
  }
  return v as T;
}

export function stringList(body: Body, name: string, min: number, max: number, pattern?: RegExp): string[] | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw invalid(name, "Member must be a list of strings");
  if (v.length > max) throw invalid(name, `Member must have length less than or equal to ${max}`);
  if (v.length < min) throw invalid(name, `Member must have length greater than or equal to ${min}`);
  if (pattern) {
    const bad = v.find((x) => !pattern.test(x));
    if (bad !== undefined) throw invalid(name, `Member must satisfy regular expression pattern: ${pattern.source}`);
  }
  return v as string[];
}

export function encodeToken(payload: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeToken(body: Body): Record<string, number> | undefined {
  const v = body.nextToken;
  if (v === undefined || v === null || v === "") return undefined;
  try {
    if (typeof v !== "string") throw new Error();
    const out = JSON.parse(Buffer.from(v, "base64url").toString("utf8"));
    if (typeof out !== "object" || out === null || Array.isArray(out)) throw new Error();
    if (!Object.values(out).every((x) => Number.isInteger(x) && (x as number) >= 0)) throw new Error();
    return out;
  } catch {
    throw new ApiError(400, "ValidationException", "The nextToken provided is invalid.", { reason: "FIELD_VALIDATION_FAILED", fields: [{ name: "nextToken", message: "Invalid pagination token" }] });
  }
}
