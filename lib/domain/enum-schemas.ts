// Zod schemas of the shared enums, for server-side parsing (URL filters, API bodies, sync mapping).
import { z } from "zod";
import { findingStatuses, findingTypes, fixAvailableValues, resourceTypes } from "./finding-enums";
import { lifecycleStatuses } from "./lifecycle";
import { severityOrder } from "./severity";

export const severitySchema = z.enum(severityOrder);
export const findingStatusSchema = z.enum(findingStatuses);
export const findingTypeSchema = z.enum(findingTypes);
export const resourceTypeSchema = z.enum(resourceTypes);
export const fixAvailableSchema = z.enum(fixAvailableValues);
/** A cached finding's status (the explorer's filter): Inspector's statuses plus GONE. */
export const lifecycleStatusSchema = z.enum(lifecycleStatuses);
