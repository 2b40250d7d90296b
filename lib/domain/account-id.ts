// An AWS account id (12 digits), checked the same way at every boundary that takes one (settings,
// filters, scopes, gate artifacts, Inspector's findings); the error quotes the value that failed.
import { z } from "zod";

export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** The value as an error message quotes it: JSON-quoted, cut to 40 characters. */
function quoted(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

export const accountIdMessage = (value: unknown) => `expected a 12-digit account id, got ${quoted(value)}`;

export const accountIdSchema = z.string().regex(ACCOUNT_ID_PATTERN, { error: (issue) => accountIdMessage(issue.input) });
