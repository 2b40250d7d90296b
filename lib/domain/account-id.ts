// An AWS account id (12 digits), checked the same way at every boundary that takes one (settings,
// filters, scopes, gate artifacts, Inspector's findings); the error quotes the value that failed.
import { z } from "zod";
import { expectedGot } from "./expected-got";

export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

const accountIdExpected = expectedGot("expected a 12-digit account id");

export const accountIdMessage = (value: unknown) => accountIdExpected({ input: value });

export const accountIdSchema = z.string({ error: accountIdExpected }).regex(ACCOUNT_ID_PATTERN, { error: accountIdExpected });
