/**
 * The report as a printable PDF (pdf-lib): A4 pages, the Noto Sans font embedded as a subset (pdf-lib's standard
 * fonts are WinAnsi and cannot write Vietnamese), text wrapped to the column, tables whose rows move to the next
 * page with their header row repeated (a row taller than a page is split), snapshots embedded, and every page
 * numbered. Pure: the caller supplies the font files (the app fetches its bundled copy, the tests read it).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { COLOR, LEADING, PdfLayout, SIZE } from './PdfLayout';
import { say } from './reportText';
import type { ReviewReport } from './types';

/** TrueType (or OpenType) files of the font's regular and bold faces. */
export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/**
 * pdf-lib draws each glyph at its advance width and ignores fontkit's positioning, so the positioning features
 * (kern, mark, mkmk) only cost time: with them fontkit takes ~5 ms per string on Noto Sans. `ccmp` is off because it
 * decomposes some precomposed letters (ị → i + dot below) and pdf-lib keeps one Unicode value per glyph: the plain
 * "i" would then read back as "ị" (or "ị" as "i") when the PDF is searched or copied. pdf-lib adds its defaults to
 * the object, hence a new one per font.
 */
const FONT_OPTIONS = () => ({ subset: true, features: { ccmp: false, kern: false, mark: false, mkmk: false } });

export async function writeReportPdf(report: ReviewReport, fonts: ReportFonts): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([document.embedFont(fonts.regular, FONT_OPTIONS()), document.embedFont(fonts.bold, FONT_OPTIONS())]);
  document.setTitle(`${report.title} ${report.reference}`, { showInWindowTitleBar: true });
  document.setSubject(report.reference);
  document.setLanguage(report.lang === 'vi' ? 'vi-VN' : 'en-GB');
  document.setProducer('Sao');

  const layout = new PdfLayout(document, report.lang, regular, bold);
  layout.paragraph(report.title, SIZE.title, bold, COLOR.heading);
  layout.paragraph(report.reference, SIZE.h2, bold, COLOR.plain);
  for (const section of report.sections) {
    layout.gap(10);
    layout.keep(SIZE.h2 * LEADING + 3 * SIZE.body * LEADING);
    layout.paragraph(section.title, SIZE.h2, bold, COLOR.heading);
    for (const block of section.blocks) await layout.block(block);
  }
  layout.gap(12);
  for (const line of [report.generatedAt, report.legalBasis, say(report.lang, 'pdf.fontNotice')]) layout.paragraph(line, SIZE.small, regular, COLOR.note);
  layout.numberPages((page, pages) => say(report.lang, 'pdf.page', { reference: report.reference, page, pages }));
  return document.save();
}
