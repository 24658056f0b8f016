/**
 * Review issues as BCF topics: creating one from the planner's form and the captured viewpoint, editing its status,
 * priority and assignee, commenting, and the audit line each change writes. Pure: every function returns a new
 * topic or document, so the review store's record is replaced, never mutated.
 */
import type { LocalizedText } from '../../../../geo';
import type { BcfDocument, BcfFileReference, BcfTopic, BcfViewpoint } from '../../../bcf/types';

/** BCF 3.0 leaves the values to each project's extensions.xml; these are the ones buildingSMART's examples use. */
export const TOPIC_STATUSES = ['Open', 'In Progress', 'Resolved', 'Closed'] as const;
export const TOPIC_TYPES = ['Issue', 'Request', 'Remark'] as const;
export const PRIORITIES = ['Low', 'Normal', 'High', 'Critical'] as const;

/** What the new-topic form holds. Empty strings are absent values. */
export interface TopicDraft {
  title: string;
  description: string;
  topicType: string;
  topicStatus: string;
  priority: string;
  assignedTo: string;
  /** Comma-separated. */
  labels: string;
}

export const EMPTY_DRAFT: TopicDraft = {
  title: '', description: '', topicType: 'Issue', topicStatus: 'Open', priority: 'Normal', assignedTo: '', labels: '',
};

/** The fields of a topic the list edits in place. */
export type TopicEdit = Partial<Pick<BcfTopic, 'topicStatus' | 'priority' | 'assignedTo'>>;

/** Who makes a change and when (xs:dateTime). */
export interface Signature {
  author: string;
  at: string;
}

export function labelsOf(text: string): string[] {
  return [...new Set(text.split(',').map((label) => label.trim()).filter((label) => label !== ''))];
}

const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** A new topic with one viewpoint, raised on `file` (the submitted model). */
export function newTopic(draft: TopicDraft, viewpoint: BcfViewpoint, file: BcfFileReference, { author, at }: Signature): BcfTopic {
  return {
    guid: crypto.randomUUID(),
    serverAssignedId: null,
    topicType: draft.topicType,
    topicStatus: draft.topicStatus,
    title: draft.title.trim(),
    description: optional(draft.description),
    priority: optional(draft.priority),
    index: null,
    labels: labelsOf(draft.labels),
    creationDate: at,
    creationAuthor: author,
    modifiedDate: null,
    modifiedAuthor: null,
    dueDate: null,
    assignedTo: optional(draft.assignedTo),
    stage: null,
    referenceLinks: [],
    relatedTopics: [],
    files: [file],
    comments: [],
    viewpoints: [viewpoint],
  };
}

/** The topic with `edit` applied and signed as modified; the same object when nothing changes. */
export function editTopic(topic: BcfTopic, edit: TopicEdit, { author, at }: Signature): BcfTopic {
  const changed = (Object.keys(edit) as (keyof TopicEdit)[]).filter((key) => edit[key] !== undefined && edit[key] !== topic[key]);
  if (changed.length === 0) return topic;
  return { ...topic, ...edit, modifiedDate: at, modifiedAuthor: author };
}

export function commentOnTopic(topic: BcfTopic, text: string, { author, at }: Signature): BcfTopic {
  const comment = { guid: crypto.randomUUID(), date: at, author, comment: text.trim(), viewpointGuid: null, modifiedDate: null, modifiedAuthor: null };
  return { ...topic, comments: [...topic.comments, comment] };
}

/** The document with `topic` in place of the one with its GUID, or added at the end. */
export function withTopic(document: BcfDocument, topic: BcfTopic): BcfDocument {
  const known = document.topics.some((entry) => entry.guid === topic.guid);
  return { ...document, topics: known ? document.topics.map((entry) => (entry.guid === topic.guid ? topic : entry)) : [...document.topics, topic] };
}

/** The values a select offers: the usual ones, those the project declares, and the topic's own (kept from a file). */
export function choices(usual: readonly string[], declared: readonly string[], current: string | null): string[] {
  return [...new Set([...usual, ...declared, ...(current ? [current] : [])])];
}

const FIELD_NAMES: Record<keyof TopicEdit, LocalizedText> = {
  topicStatus: { vi: 'trạng thái', en: 'status' },
  priority: { vi: 'mức ưu tiên', en: 'priority' },
  assignedTo: { vi: 'người xử lý', en: 'assigned to' },
};

export function describeNewTopic(topic: BcfTopic): LocalizedText {
  const selected = topic.viewpoints[0]?.components.selection.length ?? 0;
  return {
    vi: `Tạo vấn đề “${topic.title}” (${topic.topicStatus}, ${topic.priority ?? '—'}, giao ${topic.assignedTo ?? '—'}; ${selected} cấu kiện chọn)`,
    en: `New issue “${topic.title}” (${topic.topicStatus}, ${topic.priority ?? '—'}, assigned to ${topic.assignedTo ?? '—'}; ${selected} selected elements)`,
  };
}

/** "status Open → Resolved; priority Normal → High" for the audit log. */
export function describeEdit(before: BcfTopic, after: BcfTopic): LocalizedText {
  const keys = (Object.keys(FIELD_NAMES) as (keyof TopicEdit)[]).filter((key) => before[key] !== after[key]);
  const line = (lang: keyof LocalizedText) => keys.map((key) => `${FIELD_NAMES[key][lang]} ${before[key] ?? '—'} → ${after[key] ?? '—'}`).join('; ');
  return { vi: `Vấn đề “${after.title}”: ${line('vi')}`, en: `Issue “${after.title}”: ${line('en')}` };
}

export function describeComment(topic: BcfTopic, text: string): LocalizedText {
  return { vi: `Bình luận vấn đề “${topic.title}”: ${text.trim()}`, en: `Comment on issue “${topic.title}”: ${text.trim()}` };
}

/** How an import changes the review (mergeBcfDocuments): topics added, and topics the review had that the file replaces. */
export function importCounts(review: BcfDocument, imported: BcfDocument): { added: number; updated: number } {
  const known = new Set(review.topics.map((topic) => topic.guid));
  const updated = imported.topics.filter((topic) => known.has(topic.guid)).length;
  return { added: imported.topics.length - updated, updated };
}

export function describeImport(fileName: string, { added, updated }: { added: number; updated: number }): LocalizedText {
  return {
    vi: `Nhập ${fileName}: ${added} vấn đề mới, ${updated} vấn đề cập nhật`,
    en: `Imported ${fileName}: ${added} new issues, ${updated} updated`,
  };
}

export function describeExport(fileName: string, document: BcfDocument): LocalizedText {
  return { vi: `Xuất ${fileName} (BCF 3.0): ${document.topics.length} vấn đề`, en: `Exported ${fileName} (BCF 3.0): ${document.topics.length} issues` };
}
