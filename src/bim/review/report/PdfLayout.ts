/**
 * Laying the report's blocks out on A4 pages with pdf-lib: a cursor that moves down the page and starts a new one
 * when the next line, row or image does not fit; headings kept with what follows; table rows never split unless
 * taller than a page; header rows repeated on each page a table runs onto.
 */
import type { PDFDocument, PDFFont, PDFImage, PDFPage, RGB } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { drawable, textWidth, wrapText } from './pdfText';
import { say } from './reportText';
import type { ReportBlock, ReportCell, ReportImage, ReportLang, ReportTone } from './types';

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN = 48;
const FOOTER = 28;
const WIDTH = PAGE[0] - 2 * MARGIN;
export const SIZE = { title: 16, h2: 12.5, h3: 10.5, body: 9, small: 7.5 };
export const LEADING = 1.35;
const PAD = 3.5;
const IMAGE_MAX_HEIGHT = 300;
const FACT_LABEL_WIDTH = 150;
export const COLOR: Record<ReportTone | 'heading' | 'rule' | 'shade', RGB> = {
  plain: rgb(0.1, 0.12, 0.14), pass: rgb(0.12, 0.42, 0.19), fail: rgb(0.63, 0.11, 0.11), note: rgb(0.36, 0.39, 0.44),
  heading: rgb(0.04, 0.33, 0.58), rule: rgb(0.72, 0.75, 0.78), shade: rgb(0.93, 0.95, 0.97),
};

interface Cell { lines: string[]; font: PDFFont; color: RGB; shade: boolean }

/** A cursor down A4 pages: adds a page when the next thing does not fit. */
export class PdfLayout {
  private page: PDFPage;
  private y = 0;

  constructor(
    private readonly document: PDFDocument, private readonly lang: ReportLang, private readonly regular: PDFFont, private readonly bold: PDFFont,
  ) {
    this.page = this.addPage();
  }

  private addPage(): PDFPage {
    this.page = this.document.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
    return this.page;
  }

  private get room(): number {
    return this.y - MARGIN - FOOTER;
  }

  /** Starts a new page unless `height` fits on this one (keeps a heading with what follows it). */
  keep(height: number): void {
    if (height > this.room) this.addPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  paragraph(text: string, size: number, font: PDFFont, color: RGB, indent = 0, prefix = ''): void {
    const lineHeight = size * LEADING;
    wrapText(font, text, size, WIDTH - indent).forEach((line, index) => {
      this.keep(lineHeight);
      this.y -= lineHeight;
      if (prefix && index === 0) this.page.drawText(prefix, { x: MARGIN + indent - 9, y: this.y + 0.25 * size, size, font, color });
      this.page.drawText(line, { x: MARGIN + indent, y: this.y + 0.25 * size, size, font, color });
    });
    this.y -= size * 0.3;
  }

  async block(b: ReportBlock): Promise<void> {
    switch (b.kind) {
      case 'subheading':
        this.gap(4);
        this.keep(SIZE.h3 * LEADING + 2 * SIZE.body * LEADING);
        return this.paragraph(b.text, SIZE.h3, this.bold, COLOR.plain);
      case 'paragraph':
        return this.paragraph(b.text, SIZE.body, this.regular, COLOR[b.tone]);
      case 'list':
        for (const item of b.items) this.paragraph(item, SIZE.body, this.regular, COLOR.plain, 12, '•');
        return;
      case 'facts':
        this.table(null, [FACT_LABEL_WIDTH, WIDTH - FACT_LABEL_WIDTH], b.rows.map(([label, value]) => [{ text: label }, value]), true);
        return;
      case 'table':
        // The caption stays with the header row and a first row.
        this.keep(4 * SIZE.body * LEADING + 4 * PAD);
        this.paragraph(b.caption, SIZE.body, this.bold, COLOR.plain);
        this.table(b.columns, columnWidths(this.regular, this.bold, b.columns, b.rows), b.rows, false);
        return;
      case 'image':
        return this.image(b.image);
    }
  }

  private cell(cell: ReportCell, width: number, font: PDFFont, shade: boolean): Cell {
    return { lines: wrapText(font, cell.text, SIZE.body, width - 2 * PAD), font, color: COLOR[cell.tone ?? 'plain'], shade };
  }

  /** Rows that do not fit move to the next page, where the header row is drawn again. */
  private table(columns: string[] | null, widths: number[], rows: ReportCell[][], labelled: boolean): void {
    const header = columns && columns.map((text, i) => this.cell({ text }, widths[i]!, this.bold, true));
    const lineHeight = SIZE.body * LEADING;
    const height = (cells: Cell[]) => Math.max(...cells.map((c) => c.lines.length)) * lineHeight + 2 * PAD;
    if (header) this.keep(height(header) + lineHeight + 2 * PAD);
    if (header) this.row(header, widths);
    for (const row of rows) {
      let cells = row.map((c, i) => this.cell(c, widths[i]!, labelled && i === 0 ? this.bold : this.regular, labelled && i === 0));
      const fresh = PAGE[1] - 2 * MARGIN - FOOTER - (header ? height(header) : 0);
      if (height(cells) > this.room && height(cells) <= fresh) this.newTablePage(header, widths);
      // A row taller than the room left is drawn in parts, each part ending the page.
      while (height(cells) > this.room) {
        const fit = Math.floor((this.room - 2 * PAD) / lineHeight);
        if (fit >= 1) {
          this.row(cells.map((c) => ({ ...c, lines: c.lines.slice(0, fit) })), widths);
          cells = cells.map((c) => ({ ...c, lines: c.lines.slice(fit) }));
        }
        this.newTablePage(header, widths);
      }
      this.row(cells, widths);
    }
    this.gap(6);
  }

  private newTablePage(header: Cell[] | null, widths: number[]): void {
    this.addPage();
    if (header) this.row(header, widths);
  }

  private row(cells: Cell[], widths: number[]): void {
    const lineHeight = SIZE.body * LEADING;
    const height = Math.max(1, ...cells.map((c) => c.lines.length)) * lineHeight + 2 * PAD;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const width = widths[i]!;
      this.page.drawRectangle({
        x, y: this.y - height, width, height, borderColor: COLOR.rule, borderWidth: 0.5, color: cell.shade ? COLOR.shade : undefined,
      });
      cell.lines.forEach((line, n) => {
        this.page.drawText(line, { x: x + PAD, y: this.y - PAD - (n + 1) * lineHeight + 0.25 * SIZE.body, size: SIZE.body, font: cell.font, color: cell.color });
      });
      x += width;
    });
    this.y -= height;
  }

  private async image({ format, bytes, alt }: ReportImage): Promise<void> {
    let embedded: PDFImage;
    try {
      embedded = format === 'png' ? await this.document.embedPng(bytes) : await this.document.embedJpg(bytes);
    } catch (error) {
      // One damaged snapshot must not cost the whole report: the report says so where the image would be.
      const reason = error instanceof Error ? error.message : String(error);
      return this.paragraph(say(this.lang, 'pdf.imageUnreadable', { alt, reason }), SIZE.body, this.regular, COLOR.fail);
    }
    const scale = Math.min(1, WIDTH / embedded.width, IMAGE_MAX_HEIGHT / embedded.height);
    const [width, height] = [embedded.width * scale, embedded.height * scale];
    this.keep(height + 2 * SIZE.small * LEADING + 6);
    this.y -= height + 4;
    this.page.drawImage(embedded, { x: MARGIN, y: this.y, width, height });
    this.paragraph(alt, SIZE.small, this.regular, COLOR.note);
  }

  numberPages(label: (page: number, pages: number) => string): void {
    const pages = this.document.getPages();
    pages.forEach((page, index) => {
      const text = drawable(this.regular, label(index + 1, pages.length));
      const width = textWidth(this.regular, text, SIZE.small);
      page.drawText(text, { x: PAGE[0] - MARGIN - width, y: MARGIN - 4, size: SIZE.small, font: this.regular, color: COLOR.note });
    });
  }
}

/**
 * Column widths that fill the text width: a column whose widest text fits an equal share keeps that width, the
 * others share the rest in proportion to their widest text (and wrap).
 */
function columnWidths(regular: PDFFont, bold: PDFFont, columns: string[], rows: ReportCell[][]): number[] {
  const width = (font: PDFFont, text: string) => textWidth(font, drawable(font, text), SIZE.body);
  // 1 pt of slack: the cell wraps at its width less the padding, which must not round below the text's width.
  const natural = columns.map((column, i) => Math.max(width(bold, column), ...rows.map((row) => width(regular, row[i]?.text ?? ''))) + 2 * PAD + 1);
  const share = WIDTH / columns.length;
  const narrow = natural.filter((w) => w <= share).reduce((a, b) => a + b, 0);
  const wide = natural.filter((w) => w > share).reduce((a, b) => a + b, 0);
  if (wide === 0) return natural.map((w) => (w * WIDTH) / narrow);
  return natural.map((w) => (w <= share ? w : (w * (WIDTH - narrow)) / wide));
}
