// WCAG 2.x colour arithmetic for the palette and the heatmap: relative luminance, contrast ratio,
// and mixing a colour into white (what a tinted cell looks like).
type Rgb = [number, number, number];

export const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
export const hexOf = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

/** sRGB channel (0-255) to linear light (0-1). */
export const linear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `share` of `hex` over white, as a solid colour (0 = white, 1 = the colour itself). */
export function tint(hex: string, share: number): string {
  return hexOf(rgbOf(hex).map((c) => 255 + (c - 255) * share) as Rgb);
}

/** WCAG AA for normal text. */
export const minTextContrast = 4.5;
