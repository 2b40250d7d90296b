// A small flowing-layout writer over pdf-lib: headings, paragraphs, tables and a stacked bar
// chart on A4 pages, breaking pages as it goes. Text outside the standard font's character set
// is replaced, so any account name or title renders.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
export const ink = rgb(0.106, 0.133, 0.188);
export const muted = rgb(0.357, 0.392, 0.447);
const line = rgb(0.875, 0.89, 0.918);

export function hexColor(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

export interface Column {
  header: string;
  width: number;
  align?: "left" | "right";
}

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private chars: Set<number>;
  readonly contentWidth = A4.width - 2 * MARGIN;

  private constructor(readonly doc: PDFDocument, readonly font: PDFFont, readonly bold: PDFFont) {
    this.chars = new Set(font.getCharacterSet());
    this.newPage();
  }

  static async create(title: string): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setProducer("Inspectorate");
    doc.setCreator("Inspectorate weekly review");
    const [font, bold] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.HelveticaBold)]);
    return new PdfWriter(doc, font, bold);
  }

  clean(s: string): string {
    return [...s].map((c) => (this.chars.has(c.codePointAt(0)!) ? c : "?")).join("");
  }

  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number) {
    if (this.y - height < MARGIN + 14) this.newPage();
  }

  private fit(s: string, font: PDFFont, size: number, width: number): string {
    let t = this.clean(s);
    if (font.widthOfTextAtSize(t, size) <= width) return t;
    while (t.length > 1 && font.widthOfTextAtSize(`${t}...`, size) > width) t = t.slice(0, -1);
    return `${t}...`;
  }

  heading(text: string, size = 14) {
    this.ensure(size + 18);
    this.y -= size + 8;
    this.page.drawText(this.clean(text), { x: MARGIN, y: this.y, size, font: this.bold, color: ink });
    this.y -= 6;
  }

  /** One line of text, truncated to the page width. */
  text(text: string, opts: { size?: number; bold?: boolean; color?: RGB; indent?: number } = {}) {
    const size = opts.size ?? 9.5;
    this.ensure(size + 4);
    this.y -= size + 3;
    const font = opts.bold ? this.bold : this.font;
    const x = MARGIN + (opts.indent ?? 0);
    this.page.drawText(this.fit(text, font, size, this.contentWidth - (opts.indent ?? 0)), { x, y: this.y, size, font, color: opts.color ?? ink });
  }

  /** Text wrapped at word boundaries to the page width. */
  paragraph(text: string, opts: { size?: number; color?: RGB } = {}) {
    const size = opts.size ?? 9.5;
    let lineText = "";
    for (const word of this.clean(text).split(/\s+/)) {
      const next = lineText ? `${lineText} ${word}` : word;
      if (lineText && this.font.widthOfTextAtSize(next, size) > this.contentWidth) {
        this.text(lineText, opts);
        lineText = word;
      } else lineText = next;
    }
    if (lineText) this.text(lineText, opts);
  }

  /** Labelled figures in a row of boxes, four to a row. */
  tiles(items: { label: string; value: string }[]) {
    const perRow = 4, gap = 8, h = 40;
    const tw = (this.contentWidth - gap * (perRow - 1)) / perRow;
    for (let i = 0; i < items.length; i += perRow) {
      this.ensure(h + gap);
      this.y -= h;
      items.slice(i, i + perRow).forEach((it, j) => {
        const x = MARGIN + j * (tw + gap);
        this.page.drawRectangle({ x, y: this.y, width: tw, height: h, borderColor: line, borderWidth: 0.8 });
        this.page.drawText(this.fit(it.label, this.font, 7.5, tw - 12), { x: x + 6, y: this.y + h - 12, size: 7.5, font: this.font, color: muted });
        this.page.drawText(this.clean(it.value), { x: x + 6, y: this.y + 7, size: 15, font: this.bold, color: ink });
      });
      this.y -= gap;
    }
  }

  gap(h = 6) {
    this.y -= h;
  }

  table(columns: Column[], rows: string[][], size = 8.5) {
    const rowH = size + 5;
    const header = () => {
      this.ensure(rowH * 2);
      this.y -= rowH;
      this.drawRow(columns, columns.map((c) => c.header), this.bold, size);
      this.page.drawLine({ start: { x: MARGIN, y: this.y - 3 }, end: { x: MARGIN + this.contentWidth, y: this.y - 3 }, color: line, thickness: 0.8 });
    };
    header();
    for (const r of rows) {
      if (this.y - rowH < MARGIN + 14) {
        this.newPage();
        header();
      }
      this.y -= rowH;
      this.drawRow(columns, r, this.font, size);
    }
    this.gap(4);
  }

  private drawRow(columns: Column[], cells: string[], font: PDFFont, size: number) {
    let x = MARGIN;
    columns.forEach((c, i) => {
      const t = this.fit(cells[i] ?? "", font, size, c.width - 4);
      const w = font.widthOfTextAtSize(t, size);
      this.page.drawText(t, { x: c.align === "right" ? x + c.width - 4 - w : x, y: this.y, size, font, color: ink });
      x += c.width;
    });
  }

  /** Stacked bars, one per label, with a legend; heights scale to the largest total. */
  stackedBars(labels: string[], series: { name: string; color: RGB; values: number[] }[], height = 120) {
    this.ensure(height + 40);
    const top = this.y - 8;
    const base = top - height;
    const max = Math.max(1, ...labels.map((_, i) => series.reduce((s, x) => s + x.values[i], 0)));
    const slot = this.contentWidth / labels.length;
    labels.forEach((label, i) => {
      let y = base;
      for (const s of series) {
        const h = (s.values[i] / max) * height;
        if (h > 0) this.page.drawRectangle({ x: MARGIN + i * slot + slot * 0.15, y, width: slot * 0.7, height: h, color: s.color });
        y += h;
      }
      const t = this.clean(label);
      this.page.drawText(t, { x: MARGIN + i * slot + (slot - this.font.widthOfTextAtSize(t, 7)) / 2, y: base - 10, size: 7, font: this.font, color: muted });
    });
    let x = MARGIN;
    for (const s of series) {
      this.page.drawRectangle({ x, y: base - 24, width: 8, height: 8, color: s.color });
      this.page.drawText(this.clean(s.name), { x: x + 11, y: base - 23, size: 7.5, font: this.font, color: ink });
      x += 20 + this.font.widthOfTextAtSize(s.name, 7.5) + 10;
    }
    this.y = base - 30;
  }

  /** Page numbers and a footer line on every page. */
  finish(footer: string) {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      const t = this.clean(`${footer}   ·   page ${i + 1} of ${pages.length}`);
      p.drawText(t, { x: MARGIN, y: MARGIN - 16, size: 7.5, font: this.font, color: muted });
    });
    return this.doc.save();
  }
}
