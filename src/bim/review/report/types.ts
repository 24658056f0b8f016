/**
 * The review report as a document (issue 6 §4): what `buildReviewReport` makes of a submission record, in one
 * language, with its numbers and dates already written out. The HTML and PDF writers only lay it out, so both
 * say exactly the same thing. Plain data (snapshot bytes aside).
 */
import type { LocalizedText } from '../../../geo';

/** The report's language: one of the languages a `LocalizedText` carries. */
export type ReportLang = keyof LocalizedText;

/** How a value reads: a pass, a failure, something not (yet) checked, or plain. */
export type ReportTone = 'plain' | 'pass' | 'fail' | 'note';

export interface ReportCell {
  text: string;
  tone?: ReportTone;
}

export interface ReportImage {
  format: 'png' | 'jpg';
  bytes: Uint8Array;
  /** What the image shows, for screen readers and as the PDF's caption. */
  alt: string;
}

export type ReportBlock =
  /** Label / value pairs: a two-column table whose labels are row headers. */
  | { kind: 'facts'; rows: [label: string, value: ReportCell][] }
  | { kind: 'table'; caption: string; columns: string[]; rows: ReportCell[][] }
  /** A sub-heading within a section (a specification, a topic). */
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string; tone: ReportTone }
  | { kind: 'list'; items: string[] }
  | { kind: 'image'; image: ReportImage };

export type ReportSectionId = 'record' | 'ids' | 'plan' | 'issues' | 'comments' | 'decision' | 'audit';

export interface ReportSection {
  id: ReportSectionId;
  title: string;
  blocks: ReportBlock[];
}

export interface ReviewReport {
  lang: ReportLang;
  title: string;
  /** `HS-…`: printed on every page. */
  reference: string;
  sections: ReportSection[];
  /** "Lập lúc 23/11/2026 17:05 (GMT+7)". */
  generatedAt: string;
  /** The decree and article the review is made under. */
  legalBasis: string;
  /** Base name for the downloaded files, without extension: `bao-cao-tham-dinh-HS-1A2B3C4D`. */
  fileStem: string;
}
