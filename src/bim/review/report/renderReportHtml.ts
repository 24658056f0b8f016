/**
 * The report as one self-contained HTML file: inline CSS, snapshots as data: URLs, nothing fetched, so it opens
 * offline, archives as one file and prints on A4 (`@page`, tables that repeat their header rows). Well-formed
 * XML as well as HTML (polyglot markup), so a test can read it back with an XML parser.
 */
import type { ReportBlock, ReportCell, ReportImage, ReportSection, ReviewReport } from './types';

const CSS = `
:root { color-scheme: light; font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; line-height: 1.45; color: #1b1f24; }
body { max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
header { border-bottom: 0.15rem solid #0b5394; margin-bottom: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; color: #0b5394; break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; break-after: avoid; }
.reference { font-size: 1.1rem; font-weight: 600; margin: 0 0 0.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9em; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 0.0625rem solid #b8c0c8; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
/* A SHA-256 or a GlobalId may break anywhere; a column heading only between words. */
td { overflow-wrap: anywhere; }
thead th { background: #e8eef5; }
th[scope="row"] { width: 14rem; background: #f4f6f8; font-weight: 600; }
tr { break-inside: avoid; }
.pass { color: #1e6b30; font-weight: 600; }
.fail { color: #a11d1d; font-weight: 600; }
.note { color: #5b6470; font-style: italic; }
figure { margin: 0.75rem 0; break-inside: avoid; }
figure img { max-width: 100%; max-height: 20rem; border: 0.0625rem solid #b8c0c8; }
figcaption { font-size: 0.85rem; color: #5b6470; }
footer { margin-top: 2rem; border-top: 0.0625rem solid #b8c0c8; font-size: 0.85rem; color: #5b6470; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  a { color: inherit; }
}
`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function renderReportHtml(report: ReviewReport): string {
  return [
    '<!DOCTYPE html>',
    `<html xmlns="http://www.w3.org/1999/xhtml" lang="${report.lang}" xml:lang="${report.lang}">`,
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escape(`${report.title} ${report.reference}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escape(report.title)}</h1><p class="reference">${escape(report.reference)}</p></header>`,
    '<main>',
    ...report.sections.map(section),
    '</main>',
    `<footer><p>${escape(report.generatedAt)}</p><p>${escape(report.legalBasis)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section({ id, title, blocks }: ReportSection): string {
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escape(title)}</h2>\n${blocks.map(block).join('\n')}\n</section>`;
}

function cell({ text, tone }: ReportCell, tag: 'td' | 'th' = 'td'): string {
  const attributes = tag === 'th' ? ' scope="row"' : tone && tone !== 'plain' ? ` class="${tone}"` : '';
  return `<${tag}${attributes}>${escape(text)}</${tag}>`;
}

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'facts':
      return `<table class="facts"><tbody>${b.rows.map(([label, value]) => `<tr>${cell({ text: label }, 'th')}${cell(value)}</tr>`).join('')}</tbody></table>`;
    case 'table':
      return [
        `<table><caption>${escape(b.caption)}</caption>`,
        `<thead><tr>${b.columns.map((c) => `<th scope="col">${escape(c)}</th>`).join('')}</tr></thead>`,
        `<tbody>${b.rows.map((row) => `<tr>${row.map((c) => cell(c)).join('')}</tr>`).join('\n')}</tbody></table>`,
      ].join('\n');
    case 'subheading':
      return `<h3>${escape(b.text)}</h3>`;
    case 'paragraph':
      return `<p${b.tone === 'plain' ? '' : ` class="${b.tone}"`}>${escape(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
    case 'image':
      return `<figure><img src="${dataUrl(b.image)}" alt="${escape(b.image.alt)}" /><figcaption>${escape(b.image.alt)}</figcaption></figure>`;
  }
}

function dataUrl({ format, bytes }: ReportImage): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short on large snapshots.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/${format === 'png' ? 'png' : 'jpeg'};base64,${btoa(binary)}`;
}
