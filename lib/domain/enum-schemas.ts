// Zod schemas of the shared enums, for server-side parsing (URL filters, API bodies, sync mapping).
// A refused value is quoted in the error, beside the values that were expected (expected-got.ts).
import { z } from "zod";
import { expectedGot } from "./expected-got";
import { findingStatuses, findingTypes, fixAvailableValues, resourceTypes } from "./finding-enums";
import { lifecycleStatuses } from "./lifecycle";
import { severityOrder } from "./severity";

/** "A, B or C": a list that wraps between its values on a narrow screen. */
const oneOf = (values: readonly string[]) => (values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`);

/** One of `values`; the error lists them and quotes what came instead. */
export const enumSchema = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: expectedGot(`expected one of ${oneOf(values)}`) });

export const severitySchema = enumSchema(severityOrder);
export const findingStatusSchema = enumSchema(findingStatuses);
export const findingTypeSchema = enumSchema(findingTypes);
export const resourceTypeSchema = enumSchema(resourceTypes);
export const fixAvailableSchema = enumSchema(fixAvailableValues);
/** A cached finding's status (the explorer's filter): Inspector's statuses plus GONE. */
export const lifecycleStatusSchema = enumSchema(lifecycleStatuses);
