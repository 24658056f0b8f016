import { create } from 'zustand';
import type { LocalizedText } from '../geo';
import { emptyExtensions } from '../bim/bcf/extensionLists';
import type { BcfDocument } from '../bim/bcf/types';
import type {
  AsBuiltRecord, AsBuiltSubmission, AuditAction, DecisionOutcome, IdsCheckRecord, PlanCheckRecord, SubmissionDetails,
  SubmittedFile,
} from '../bim/review/types';

/**
 * The planner's reviews of as-built submissions (issue 6 §4). Every action that changes a submission appends to
 * its audit log, signed with the reviewer's name, and moves its status on (received → checking on the first check
 * or issue; returned / accepted by a decision). Persistence is not this store's business: `bindReviewPersistence`
 * (src/bim/review) writes every changed record to IndexedDB and hydrates the store at start-up.
 */

export type ReviewSaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * How an open model came to show its submission: a new file received, a file whose SHA-256 matched an undecided
 * submission (linked to it rather than received twice), or a saved submission reopened from its stored file.
 */
export type SubmissionLink = 'received' | 'matched' | 'reopened';

/** Who signs what the app does by itself (the project name read from the file). */
export const SYSTEM_ACTOR = 'Sao';

interface ReviewState {
  submissions: Record<string, AsBuiltSubmission>;
  /** True once the saved reviews have been read back (the panels wait for it before offering to reopen). */
  hydrated: boolean;
  /** Whether the last change reached IndexedDB; `saveError` says why not. */
  saveState: ReviewSaveState;
  saveError: string | null;
  /** An opened file that could not be received as a submission (unreadable, not hashed), and why. */
  receiveFailure: { fileName: string; detail: string } | null;
  /** The reviewer named in the panel; actions are signed with it. */
  reviewer: string;
  /** Which open IFC model (bimStore id) shows which submission, this session only. */
  modelOfSubmission: Record<string, string>;
  /** How each linked submission came to its model (the record says so when a file matched a saved one). */
  linkOfSubmission: Record<string, SubmissionLink>;
  hydrate(submissions: AsBuiltSubmission[], reviewer: string | null): void;
  setSaveState(state: ReviewSaveState, error?: string): void;
  setReceiveFailure(failure: { fileName: string; detail: string } | null): void;
  setReviewer(name: string): void;
  /** Records a received file; returns the new submission's id. */
  receive(details: SubmissionDetails, file: SubmittedFile): string;
  linkModel(submissionId: string, modelId: string | null, how?: SubmissionLink): void;
  /** Fills an empty project with the IFC's IfcProject name once the file is read (signed by `SYSTEM_ACTOR`). */
  takeProjectFromFile(id: string, projectName: string): void;
  editDetails(id: string, details: Partial<SubmissionDetails>): void;
  startChecking(id: string): void;
  recordIds(id: string, record: IdsCheckRecord, summary: LocalizedText): void;
  recordPlan(id: string, record: PlanCheckRecord, summary: LocalizedText): void;
  /** Replaces the BCF topics (a new document built by the issues panel) and logs what changed. */
  setIssues(id: string, issues: BcfDocument, action: 'issuesChanged' | 'issuesImported', summary: LocalizedText): void;
  comment(id: string, text: string): void;
  decide(id: string, outcome: DecisionOutcome, reason: string): void;
  recordAsBuilt(id: string, record: AsBuiltRecord): void;
  /** Logs an action that changes nothing in the record (an export). */
  log(id: string, action: AuditAction, summary: LocalizedText): void;
}

const now = () => new Date().toISOString();

/** `HS-` and the first 8 hex digits of the submission's UUID: how people quote it. */
export function submissionReference(id: string): string {
  return `HS-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

export function emptyIssues(): BcfDocument {
  return { project: null, extensions: emptyExtensions(), topics: [] };
}

export const useReviewStore = create<ReviewState>()((set, get) => {
  /** Applies `change` to one submission, appends the audit line and stamps the time. */
  const update = (
    id: string, action: AuditAction, summary: LocalizedText, change: (s: AsBuiltSubmission) => Partial<AsBuiltSubmission>,
    actor = get().reviewer,
  ): void => {
    const submission = get().submissions[id];
    if (!submission) return;
    const at = now();
    const audit = [...submission.audit, { seq: submission.audit.length + 1, at, actor, action, summary }];
    set((s) => ({ submissions: { ...s.submissions, [id]: { ...submission, ...change(submission), audit, updatedAt: at } } }));
  };
  /** A first check or issue starts the review. */
  const checking = (s: AsBuiltSubmission) => (s.status === 'received' ? { status: 'checking' as const } : {});

  return {
    submissions: {},
    hydrated: false,
    saveState: 'idle',
    saveError: null,
    receiveFailure: null,
    reviewer: '',
    modelOfSubmission: {},
    linkOfSubmission: {},
    hydrate: (saved, reviewer) =>
      set((s) => ({
        hydrated: true,
        reviewer: s.reviewer || reviewer || '',
        // Records made before hydration (none in practice) win over older copies.
        submissions: { ...Object.fromEntries(saved.map((x) => [x.id, x])), ...s.submissions },
      })),
    setSaveState: (saveState, error) => set({ saveState, saveError: error ?? null }),
    setReceiveFailure: (receiveFailure) => set({ receiveFailure }),
    setReviewer: (name) => set({ reviewer: name.trim() }),
    receive: (details, file) => {
      const id = crypto.randomUUID();
      const at = now();
      const summary = {
        vi: `Tiếp nhận tệp ${file.name} (${file.bytes} byte, SHA-256 ${file.sha256.slice(0, 12)}…)`,
        en: `Received ${file.name} (${file.bytes} bytes, SHA-256 ${file.sha256.slice(0, 12)}…)`,
      };
      const submission: AsBuiltSubmission = {
        ...details, id, file, receivedAt: at, status: 'received', ids: null, plan: null, issues: emptyIssues(),
        comments: [], decision: null, asBuilt: null, updatedAt: at,
        audit: [{ seq: 1, at, actor: get().reviewer, action: 'received', summary }],
      };
      set((s) => ({ submissions: { ...s.submissions, [id]: submission } }));
      return id;
    },
    linkModel: (submissionId, modelId, how = 'received') =>
      set((s) => {
        const { [submissionId]: _old, ...rest } = s.modelOfSubmission;
        const { [submissionId]: _oldLink, ...links } = s.linkOfSubmission;
        return modelId === null
          ? { modelOfSubmission: rest, linkOfSubmission: links }
          : { modelOfSubmission: { ...rest, [submissionId]: modelId }, linkOfSubmission: { ...links, [submissionId]: how } };
      }),
    takeProjectFromFile: (id, projectName) => {
      const project = projectName.trim();
      if (!project || get().submissions[id]?.project !== '') return;
      update(
        id, 'detailsEdited',
        { vi: `Tên dự án lấy từ tệp IFC (IfcProject): ${project}`, en: `Project name taken from the IFC file (IfcProject): ${project}` },
        () => ({ project }), SYSTEM_ACTOR,
      );
    },
    editDetails: (id, details) =>
      update(id, 'detailsEdited', describeDetails(details), () => details),
    startChecking: (id) =>
      update(id, 'checkingStarted', { vi: 'Bắt đầu thẩm định', en: 'Review started' }, checking),
    recordIds: (id, record, summary) => update(id, 'idsChecked', summary, (s) => ({ ...checking(s), ids: record })),
    recordPlan: (id, record, summary) => update(id, 'planChecked', summary, (s) => ({ ...checking(s), plan: record })),
    setIssues: (id, issues, action, summary) => update(id, action, summary, (s) => ({ ...checking(s), issues })),
    comment: (id, text) =>
      update(id, 'commented', { vi: `Nhận xét: ${text}`, en: `Comment: ${text}` }, (s) => ({
        ...checking(s),
        comments: [...s.comments, { id: crypto.randomUUID(), author: get().reviewer, at: now(), text }],
      })),
    // A decision is final: a returned submission comes back as a new file, an accepted one is in the city model.
    decide: (id, outcome, reason) =>
      get().submissions[id]?.decision ? undefined : update(
        id, 'decided',
        outcome === 'accepted'
          ? { vi: `Chấp thuận: ${reason}`, en: `Accepted: ${reason}` }
          : { vi: `Trả lại để chỉnh sửa: ${reason}`, en: `Returned for changes: ${reason}` },
        () => ({ status: outcome, decision: { outcome, reason, reviewer: get().reviewer, at: now() } }),
      ),
    recordAsBuilt: (id, record) =>
      update(
        id, 'addedToCityModel',
        {
          vi: `Đưa vào lớp hoàn công của mô hình thành phố: ${record.features} cấu kiện, ${record.tiles} tile`,
          en: `Added to the city's as-built layer: ${record.features} elements, ${record.tiles} tiles`,
        },
        () => ({ asBuilt: record }),
      ),
    log: (id, action, summary) => update(id, action, summary, () => ({})),
  };
});

function describeDetails(details: Partial<SubmissionDetails>): LocalizedText {
  const parts = Object.entries(details).map(([key, value]) => `${key} = ${value ?? '—'}`).join('; ');
  return { vi: `Sửa thông tin hồ sơ: ${parts}`, en: `Details edited: ${parts}` };
}
