/**
 * Text for the PDF: what pdf-lib can draw with one embedded font. pdf-lib places glyphs one by one (no shaping),
 * so Vietnamese must be precomposed (NFC: "ệ" one glyph, not "e" + two combining marks), and a character the font
 * lacks becomes "?" rather than an invisible .notdef box. Lines are wrapped at spaces, and a word wider than the
 * line (a SHA-256, a UUID) is broken between characters.
 */
import type { PDFFont } from 'pdf-lib';

const characterSets = new WeakMap<PDFFont, Set<number>>();

export function drawable(font: PDFFont, text: string): string {
  let supported = characterSets.get(font);
  if (!supported) characterSets.set(font, (supported = new Set(font.getCharacterSet())));
  let out = '';
  for (const char of text.normalize('NFC')) out += supported.has(char.codePointAt(0)!) ? char : '?';
  return out;
}

/** `text` as lines no wider than `width` points at `size`; newlines in the text start new lines. */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of drawable(font, text.replace(/\t/g, ' ')).split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      for (const piece of breakWord(font, word, size, width)) {
        if (line) lines.push(line);
        line = piece;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A word as pieces that each fit `width` (only the word itself when it fits). */
function breakWord(font: PDFFont, word: string, size: number, width: number): string[] {
  if (font.widthOfTextAtSize(word, size) <= width) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && font.widthOfTextAtSize(piece + char, size) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}
