// How a colour looks with a colour-vision deficiency (Machado, Oliveira & Fernandes 2009, full
// severity, applied in linear RGB) and how far apart two colours are (CIELAB ΔE*76).
import { linear, rgbOf } from "./contrast";

type Matrix = [number[], number[], number[]];
export const deficiencies: Record<"protanopia" | "deuteranopia" | "tritanopia", Matrix> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const identity: Matrix = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];

function lab([r, g, b]: number[]): [number, number, number] {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** The colour as seen with `deficiency` (or normal vision), in CIELAB. */
export function seenAs(hex: string, deficiency?: keyof typeof deficiencies): [number, number, number] {
  const m = deficiency ? deficiencies[deficiency] : identity;
  const c = rgbOf(hex).map(linear);
  return lab(m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))));
}

export function deltaE(a: string, b: string, deficiency?: keyof typeof deficiencies): number {
  const [p, q] = [seenAs(a, deficiency), seenAs(b, deficiency)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
