/**
 * The planner's review of an as-built BIM submission (issue 6, Decree 269/2025 Art. 20.2, 21.3): the record of one
 * submitted IFC file, what was checked on it, the issues raised, the decision and every change in an audit log.
 * Plain data (structured-clone safe): what the review store holds, IndexedDB keeps and the report prints.
 */
import type { LocalizedText } from '../../geo';
import type { BcfDocument } from '../bcf/types';
import type { IdsCheckOutcome } from '../ids/types';
import type { PlanReport } from '../plan/types';

/** received → checking → returned | accepted. A returned submission comes back as a new submission (a new file). */
export type SubmissionStatus = 'received' | 'checking' | 'returned' | 'accepted';

/** The submitted IFC file. Its bytes are kept in IndexedDB under `sha256`, so a review can reopen it after a reload. */
export interface SubmittedFile {
  name: string;
  bytes: number;
  /** Lower-case hex SHA-256 of the file's bytes: the file's identity in the record and the report. */
  sha256: string;
}

/** An IDS check of the submission (src/bim/ids): which IDS, when, and its outcome (a report, or why it was refused). */
export interface IdsCheckRecord {
  idsFileName: string;
  /** The IDS's own title (`info/title`), empty when it was refused before being read. */
  idsTitle: string;
  checkedAt: string;
  outcome: IdsCheckOutcome;
}

/** A plan conformance check (src/bim/plan): the plan, the parcel and the report with its scene visuals. */
export interface PlanCheckRecord {
  planFileName: string;
  checkedAt: string;
  report: PlanReport;
}

/** A reviewer's comment on the submission as a whole (issues about elements are BCF topics). */
export interface ReviewComment {
  id: string;
  author: string;
  at: string;
  text: string;
}

export type DecisionOutcome = 'returned' | 'accepted';

export interface SubmissionDecision {
  outcome: DecisionOutcome;
  /** Required: why the submission is accepted or what the investor must fix. */
  reason: string;
  reviewer: string;
  at: string;
}

/** The accepted model as 3D Tiles in the city's as-built layer (src/bim/asbuilt). */
export interface AsBuiltRecord {
  /** Key of the stored tileset (the as-built layer's own IndexedDB). */
  tilesetId: string;
  tiles: number;
  bytes: number;
  features: number;
  convertedAt: string;
}

export type AuditAction =
  | 'received'
  | 'detailsEdited'
  | 'checkingStarted'
  | 'idsChecked'
  | 'planChecked'
  | 'issuesChanged'
  | 'issuesImported'
  | 'issuesExported'
  | 'commented'
  | 'decided'
  | 'addedToCityModel'
  | 'reportExported';

/** One line of the audit log: append-only, numbered within the submission. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  /** What changed, with its figures ("IDS handover.ids: 3 of 5 specifications pass"). */
  summary: LocalizedText;
}

/** The editable details of a submission (the investor states them; the reviewer may correct them). */
export interface SubmissionDetails {
  project: string;
  investor: string;
  /** The parcel the building stands on (the plan's parcel id or the demo's OSM id), when known. */
  parcelId: string | null;
}

export interface AsBuiltSubmission extends SubmissionDetails {
  /** Unique, stable ID (Art. 21.3.a): a UUID v4, shown as `HS-` and its first 8 hex digits. */
  id: string;
  file: SubmittedFile;
  receivedAt: string;
  status: SubmissionStatus;
  ids: IdsCheckRecord | null;
  plan: PlanCheckRecord | null;
  /** Review issues as BCF 3.0 topics (src/bim/bcf). */
  issues: BcfDocument;
  comments: ReviewComment[];
  decision: SubmissionDecision | null;
  asBuilt: AsBuiltRecord | null;
  audit: AuditEntry[];
  /** ISO time of the last change: the list sorts by it. */
  updatedAt: string;
}
