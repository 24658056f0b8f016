import type { BcfExtensions } from './types';

/**
 * The lists of extensions.xml (BCF 3.0: `<TopicTypes><TopicType>…`) and the simple types a BCF 2.1 extensions.xsd
 * redefines with enumerations to say the same thing.
 */
export const EXTENSION_LISTS: readonly { key: keyof BcfExtensions; wrapper: string; item: string; xsd21Type: string }[] = [
  { key: 'topicTypes', wrapper: 'TopicTypes', item: 'TopicType', xsd21Type: 'TopicType' },
  { key: 'topicStatuses', wrapper: 'TopicStatuses', item: 'TopicStatus', xsd21Type: 'TopicStatus' },
  { key: 'priorities', wrapper: 'Priorities', item: 'Priority', xsd21Type: 'Priority' },
  { key: 'topicLabels', wrapper: 'TopicLabels', item: 'TopicLabel', xsd21Type: 'TopicLabel' },
  { key: 'users', wrapper: 'Users', item: 'User', xsd21Type: 'UserIdType' },
  { key: 'snippetTypes', wrapper: 'SnippetTypes', item: 'SnippetType', xsd21Type: 'SnippetType' },
  { key: 'stages', wrapper: 'Stages', item: 'Stage', xsd21Type: 'Stage' },
];

export function emptyExtensions(): BcfExtensions {
  return { topicTypes: [], topicStatuses: [], priorities: [], topicLabels: [], users: [], snippetTypes: [], stages: [] };
}
