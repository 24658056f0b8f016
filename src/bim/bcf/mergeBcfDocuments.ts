import { EXTENSION_LISTS } from './extensionLists';
import type { BcfDocument, BcfExtensions } from './types';

/**
 * A review with an imported file folded in, as a new document (neither input is changed): a topic the review already
 * has (same GUID) is replaced by the imported one — BCF round trips return the same topics, updated — new topics are
 * appended, extension lists are united, and the review keeps its own project unless it has none.
 */
export function mergeBcfDocuments(review: BcfDocument, imported: BcfDocument): BcfDocument {
  const incoming = new Map(imported.topics.map((topic) => [topic.guid, topic]));
  const known = new Set(review.topics.map((topic) => topic.guid));
  const extensions = {} as BcfExtensions;
  for (const { key } of EXTENSION_LISTS) extensions[key] = [...new Set([...review.extensions[key], ...imported.extensions[key]])];
  return {
    project: review.project ?? imported.project,
    extensions,
    topics: [...review.topics.map((topic) => incoming.get(topic.guid) ?? topic), ...imported.topics.filter((topic) => !known.has(topic.guid))],
  };
}
