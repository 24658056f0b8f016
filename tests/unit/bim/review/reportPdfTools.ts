/** pdftotext / pdfimages / pdfinfo / pdffonts (Debian poppler-utils, `node scripts/ensure-debian.mjs poppler-utils`) on PDF bytes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler-utils program on the PDF bytes; its stdout. */
export function poppler(program: 'pdftotext' | 'pdfimages' | 'pdfinfo' | 'pdffonts', pdf: Uint8Array, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'sao-report-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, pdf);
    const result = spawnSync(program, [...args, path, ...(program === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
    if (result.error) throw new Error(`${program} could not run (node scripts/ensure-debian.mjs poppler-utils): ${result.error.message}`);
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text without its whitespace: a long word (a SHA-256) may be broken over two lines. */
export const squash = (text: string): string => text.replace(/\s+/g, '');
