// Defensive readers for raw JSON from Inspector: absent or odd-typed fields become undefined.
export type Json = Record<string, unknown>;
export const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
/** The stored raw finding text as an object; malformed text (never written by the sync) reads as {}. */
export function parseJsonObject(text: unknown): Json {
  if (typeof text !== "string") return obj(text);
  try {
    return obj(JSON.parse(text));
  } catch {
    return {};
  }
}
