/**
 * Text for the PDF: what pdf-lib can draw with one embedded font. pdf-lib places glyphs one by one (no shaping),
 * so Vietnamese must be precomposed (NFC: "ệ" one glyph, not "e" + two combining marks), and a character the font
 * lacks becomes an ASCII stand-in (Noto Sans has no ≤ ≥) or "?" rather than an invisible .notdef box. Lines are wrapped at spaces, and a word wider than the
 * line (a SHA-256, a UUID) is broken between characters.
 */
import type { PDFFont } from 'pdf-lib';

const characterSets = new WeakMap<PDFFont, Set<number>>();
const advances = new WeakMap<PDFFont, Map<string, number>>();

const STAND_INS: Record<string, string> = { '≤': '<=', '≥': '>=', '≠': '!=', '−': '-', '×': 'x', '→': '->' };

export function drawable(font: PDFFont, text: string): string {
  let supported = characterSets.get(font);
  if (!supported) characterSets.set(font, (supported = new Set(font.getCharacterSet())));
  let out = '';
  for (const char of text.normalize('NFC')) out += supported.has(char.codePointAt(0)!) ? char : (STAND_INS[char] ?? '?');
  return out;
}

/**
 * Width of drawable text in points: the sum of its characters' advances, cached per font. pdf-lib's own
 * `widthOfTextAtSize` lays the whole string out with fontkit on every call (seconds for a report's worth of
 * wrapping); the PDF shows glyphs at their advance widths without kerning, so the sum is what is drawn (a ligature
 * only makes it narrower).
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let cache = advances.get(font);
  if (!cache) advances.set(font, (cache = new Map()));
  let width = 0;
  for (const char of text) {
    let advance = cache.get(char);
    if (advance === undefined) cache.set(char, (advance = font.widthOfTextAtSize(char, 1)));
    width += advance;
  }
  return width * size;
}

/** `text` as lines no wider than `width` points at `size`; newlines in the text start new lines. */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const space = textWidth(font, ' ', size);
  const lines: string[] = [];
  for (const paragraph of text.replace(/\t/g, ' ').split(/\r?\n/).map((line) => drawable(font, line))) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      const wordWidth = textWidth(font, word, size);
      if (line && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      const pieces = wordWidth <= width ? [word] : breakWord(font, word, size, width);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1)!;
      lineWidth = textWidth(font, line, size);
    }
    lines.push(line);
  }
  return lines;
}

/** A word too wide for a line, as pieces that each fit `width`. */
function breakWord(font: PDFFont, word: string, size: number, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const char of word) {
    const advance = textWidth(font, char, size);
    if (piece && pieceWidth + advance > width) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += char;
    pieceWidth += advance;
  }
  pieces.push(piece);
  return pieces;
}
