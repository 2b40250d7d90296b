// Typed arrays a web worker reuses from one question to the next, for the findings index's passes
// (findings-index-answers.ts, findings-index-groups.ts): a pass over 636k matches that took fresh
// arrays of a few MB for each question spent as long again having the memory given (page faults, on
// this VM far more than the pass itself) and collected. A scratch array is the caller's only until
// it next awaits: take it, fill it and read what you need out of it in one synchronous stretch.
type Scratch = Int32Array | Uint8Array | Float64Array;

const held = new Map<string, Scratch>();

/** The scratch array named `name`, `length` long, every element `fill` ("none": as the last user
 *  left it, for a pass that writes before it reads). Names are per use: two arrays used in the same
 *  stretch need two names. */
export function scratch<T extends Scratch>(name: string, make: (n: number) => T, length: number, fill: number | "none" = 0): T {
  let a = held.get(name) as T | undefined;
  if (!a || a.length < length) {
    a = make(Math.max(length, Math.ceil((a?.length ?? 0) * 1.5)));
    held.set(name, a);
  }
  const view = a.subarray(0, length) as T;
  if (fill !== "none") view.fill(fill);
  return view;
}

export const int32 = (n: number) => new Int32Array(n);
export const uint8 = (n: number) => new Uint8Array(n);
export const float64 = (n: number) => new Float64Array(n);
