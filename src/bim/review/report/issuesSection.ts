import type { BcfDocument, BcfTopic } from '../../bcf/types';
import { formatDateTime, formatNumber } from './format';
import { say } from './reportText';
import type { ReportBlock, ReportCell, ReportLang } from './types';
import { MAX_ELEMENTS_LISTED } from './idsSection';

/** The BCF topics: per topic its facts, description, selected elements, comments and snapshots. */
export function issuesBlocks(lang: ReportLang, issues: BcfDocument): ReportBlock[] {
  if (issues.topics.length === 0) return [{ kind: 'paragraph', text: say(lang, 'issues.none'), tone: 'plain' }];
  return [
    { kind: 'paragraph', text: say(lang, 'issues.count', { count: formatNumber(lang, issues.topics.length, 0) }), tone: 'plain' },
    ...issues.topics.flatMap((topic, index) => topicBlocks(lang, topic, index + 1)),
  ];
}

function topicBlocks(lang: ReportLang, topic: BcfTopic, number: number): ReportBlock[] {
  const optional = (value: string | null): ReportCell => (value ? { text: value } : { text: say(lang, 'notGiven'), tone: 'note' });
  const blocks: ReportBlock[] = [
    { kind: 'subheading', text: `${number}. ${topic.title}` },
    {
      kind: 'facts',
      rows: [
        [say(lang, 'issues.type'), { text: topic.topicType }],
        [say(lang, 'issues.status'), { text: topic.topicStatus }],
        [say(lang, 'issues.priority'), optional(topic.priority)],
        [say(lang, 'issues.assignee'), optional(topic.assignedTo)],
        [say(lang, 'issues.due'), optional(topic.dueDate && formatDateTime(lang, topic.dueDate))],
        [say(lang, 'issues.created'), { text: say(lang, 'issues.createdValue', { author: topic.creationAuthor, at: formatDateTime(lang, topic.creationDate) }) }],
        ...(topic.description ? [[say(lang, 'issues.description'), { text: topic.description }] as [string, ReportCell]] : []),
      ],
    },
  ];
  const guids = [...new Set(topic.viewpoints.flatMap((v) => v.components.selection.map((c) => c.ifcGuid ?? c.authoringToolId ?? '')).filter(Boolean))];
  if (guids.length > 0) {
    const more = guids.length - MAX_ELEMENTS_LISTED;
    blocks.push({ kind: 'paragraph', text: `${say(lang, 'issues.elements')}: ${guids.slice(0, MAX_ELEMENTS_LISTED).join(', ')}${more > 0 ? ` ${say(lang, 'andMore', { count: more })}` : ''}`, tone: 'plain' });
  }
  const comments = topic.comments.filter((c) => c.comment);
  if (comments.length > 0) {
    blocks.push(
      { kind: 'paragraph', text: `${say(lang, 'issues.comments')}:`, tone: 'plain' },
      { kind: 'list', items: comments.map((c) => say(lang, 'issues.comment', { author: c.author, at: formatDateTime(lang, c.date), text: c.comment ?? '' })) },
    );
  }
  topic.viewpoints.forEach((viewpoint, index) => {
    if (!viewpoint.snapshot) return;
    blocks.push({
      kind: 'image',
      image: { format: viewpoint.snapshot.format, bytes: viewpoint.snapshot.bytes, alt: say(lang, 'issues.snapshot', { index: index + 1, title: topic.title }) },
    });
  });
  return blocks;
}
