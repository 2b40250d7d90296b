import { validationError, type FieldProblem } from "../http/errors";
import type { FilterKind } from "./filter-types";

// Shape checks for filter criteria, reported with AWS's constraint wording.

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function checkString(p: FieldProblem[], at: string, f: unknown, comparisons: readonly string[]): void {
  if (!isObj(f)) return void p.push({ name: at, message: `Value at '${at}' failed to satisfy constraint: Member must be a structure` });
  if (typeof f.comparison !== "string" || !comparisons.includes(f.comparison)) {
    p.push({ name: `${at}.comparison`, message: `Value '${String(f.comparison)}' at '${at}.comparison' failed to satisfy constraint: Member must satisfy enum value set: [${comparisons.join(", ")}]` });
  }
  if (typeof f.value !== "string") p.push({ name: `${at}.value`, message: `Value at '${at}.value' failed to satisfy constraint: Member must not be null` });
  else if (f.value.length < 1 || f.value.length > 1024) {
    p.push({ name: `${at}.value`, message: `Value at '${at}.value' failed to satisfy constraint: Member must have length ${f.value.length < 1 ? "greater than or equal to 1" : "less than or equal to 1024"}` });
  }
}

function checkNumbers(p: FieldProblem[], at: string, f: unknown, fields: string[], range?: [number, number]): void {
  if (!isObj(f)) return void p.push({ name: at, message: `Value at '${at}' failed to satisfy constraint: Member must be a structure` });
  for (const k of fields) {
    const v = f[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== "number" || !Number.isFinite(v)) p.push({ name: `${at}.${k}`, message: `Value at '${at}.${k}' failed to satisfy constraint: Member must be a number` });
    else if (range && (v < range[0] || v > range[1])) p.push({ name: `${at}.${k}`, message: `Value '${v}' at '${at}.${k}' failed to satisfy constraint: Member must have value between ${range[0]} and ${range[1]}` });
  }
}

function checkMap(p: FieldProblem[], at: string, f: unknown): void {
  if (!isObj(f)) return void p.push({ name: at, message: `Value at '${at}' failed to satisfy constraint: Member must be a structure` });
  if (f.comparison !== "EQUALS") p.push({ name: `${at}.comparison`, message: `Value '${String(f.comparison)}' at '${at}.comparison' failed to satisfy constraint: Member must satisfy enum value set: [EQUALS]` });
  if (typeof f.key !== "string" || f.key.length < 1 || f.key.length > 128) p.push({ name: `${at}.key`, message: `Value at '${at}.key' failed to satisfy constraint: Member must have length between 1 and 128` });
  if (f.value !== undefined && (typeof f.value !== "string" || f.value.length > 256)) p.push({ name: `${at}.value`, message: `Value at '${at}.value' failed to satisfy constraint: Member must have length less than or equal to 256` });
}

const PACKAGE_STRINGS = ["name", "version", "release", "architecture", "sourceLayerHash", "sourceLambdaLayerArn", "filePath"];

export function checkEntry(p: FieldProblem[], at: string, kind: FilterKind, f: unknown, comparisons: readonly string[]): void {
  if (kind === "string") checkString(p, at, f, comparisons);
  else if (kind === "date") checkNumbers(p, at, f, ["startInclusive", "endInclusive"]);
  else if (kind === "number") checkNumbers(p, at, f, ["lowerInclusive", "upperInclusive"]);
  else if (kind === "port") checkNumbers(p, at, f, ["beginInclusive", "endInclusive"], [0, 65535]);
  else if (kind === "map") checkMap(p, at, f);
  else if (!isObj(f)) p.push({ name: at, message: `Value at '${at}' failed to satisfy constraint: Member must be a structure` });
  else {
    for (const k of Object.keys(f)) {
      if (k === "epoch") checkNumbers(p, `${at}.epoch`, f.epoch, ["lowerInclusive", "upperInclusive"]);
      else if (PACKAGE_STRINGS.includes(k)) checkString(p, `${at}.${k}`, f[k], comparisons);
      else p.push({ name: `${at}.${k}`, message: `Value at '${at}.${k}' failed to satisfy constraint: Unknown member` });
    }
  }
}

/** Validates a whole criteria object against a key table; throws a ValidationException. */
export function validateCriteria(
  criteria: unknown, at: string, kinds: Record<string, { kind: FilterKind }>, comparisons: readonly string[],
): Record<string, unknown[]> {
  if (criteria === undefined || criteria === null) return {};
  const p: FieldProblem[] = [];
  if (!isObj(criteria)) throw validationError([{ name: at, message: `Value at '${at}' failed to satisfy constraint: Member must be a structure` }]);
  for (const [key, list] of Object.entries(criteria)) {
    const spec = kinds[key];
    const field = at ? `${at}.${key}` : key;
    if (!spec) { p.push({ name: field, message: `Value at '${field}' failed to satisfy constraint: Unknown filter criteria key '${key}'` }); continue; }
    if (list === null) continue;
    if (!Array.isArray(list)) { p.push({ name: field, message: `Value at '${field}' failed to satisfy constraint: Member must be a list` }); continue; }
    if (list.length < 1 || list.length > 10) {
      p.push({ name: field, message: `Value at '${field}' failed to satisfy constraint: Member must have length ${list.length < 1 ? "greater than or equal to 1" : "less than or equal to 10"}` });
      continue;
    }
    list.forEach((f, n) => checkEntry(p, `${field}.${n + 1}.member`, spec.kind, f, comparisons));
  }
  if (p.length) throw validationError(p);
  return criteria as Record<string, unknown[]>;
}
