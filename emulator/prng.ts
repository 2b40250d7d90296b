// Seeded, dependency-free randomness. The world must be reproducible from its seed,
// so nothing here reads Math.random or the wall clock.

export function mix32(x: number): number {
  x |= 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = mix32(h ^ mix32((p | 0) + 0x7f4a7c15 + (Math.floor(p / 4294967296) | 0)));
  return h;
}

/** A float in [0, 1) derived from the parts. */
export function hashUnit(...parts: number[]): number {
  return hash32(...parts) / 4294967296;
}

export interface Rng {
  next(): number;
  int(n: number): number;
  range(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function createRng(...seedParts: number[]): Rng {
  let state = hash32(...seedParts) || 1;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    range: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

// Invertible 32-bit permutation: ids embed an index we can recover without a lookup map.
const ODD = 0x2c1b3c6d;
const ODD_INV = (() => {
  let inv = ODD;
  for (let i = 0; i < 5; i++) inv = Math.imul(inv, 2 - Math.imul(ODD, inv));
  return inv >>> 0;
})();

export function perm32(x: number, salt: number): number {
  let y = (x ^ salt) >>> 0;
  y = Math.imul(y, ODD) >>> 0;
  return (y ^ (y >>> 16)) >>> 0;
}

export function unperm32(y: number, salt: number): number {
  let x = (y ^ (y >>> 16)) >>> 0;
  x = Math.imul(x, ODD_INV) >>> 0;
  return (x ^ salt) >>> 0;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

export function hex8(n: number): string {
  return BYTE_HEX[(n >>> 24) & 255] + BYTE_HEX[(n >>> 16) & 255] + BYTE_HEX[(n >>> 8) & 255] + BYTE_HEX[n & 255];
}

/** `count` hex digits derived from the parts. */
export function hexFrom(count: number, ...parts: number[]): string {
  let out = "";
  for (let i = 0; out.length < count; i++) out += hex8(hash32(...parts, i));
  return out.slice(0, count);
}
