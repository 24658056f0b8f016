/**
 * markup.bcf → a topic (viewpoints still to be read from their files). BCF 3.0 and 2.1 differ in where lists
 * live: 3.0 wraps them (`ReferenceLinks/ReferenceLink`, `Labels/Label`, `RelatedTopics`, `Topic/Comments`,
 * `Topic/Viewpoints/ViewPoint`, `Header/Files/File`); 2.1 repeats the items directly (`Labels` holds one label
 * each) and keeps `Comment` and `Viewpoints` beside the Topic, under Markup.
 */
import type { BcfComment, BcfFileReference, BcfTopic } from '../types';
import type { EntryReader, XmlElement } from '../xml/EntryReader';
import type { BcfVersion } from './readVersion';

export interface ViewpointReference {
  guid: string;
  index: number | null;
  viewpointFile: string | null;
  snapshotFile: string | null;
  at: XmlElement;
}

export interface MarkupContent {
  topic: Omit<BcfTopic, 'viewpoints'>;
  viewpoints: ViewpointReference[];
}

/** BCF 3.0 requires TopicType and TopicStatus; 2.1 made them optional. These are what a 2.1 topic without them reads as. */
export const DEFAULT_TOPIC_TYPE = 'Issue';
export const DEFAULT_TOPIC_STATUS = 'Open';

export function readMarkup(reader: EntryReader, version: BcfVersion): MarkupContent {
  const markup = reader.expectRoot('Markup');
  const topic = reader.required(markup, 'Topic');
  const v3 = version === '3.0';
  /** 3.0: `<wrapper><item/>…</wrapper>` inside `parent`; 2.1: `<item/>…` directly in `parent`. */
  const items = (parent: XmlElement, wrapper: string, item: string) => (v3 ? reader.children(reader.child(parent, wrapper), item) : reader.children(parent, item));
  const texts = (elements: XmlElement[]) => elements.map((element) => element.text).filter((text) => text.trim() !== '');
  const header = reader.child(markup, 'Header');

  return {
    topic: {
      guid: reader.guid(topic),
      serverAssignedId: reader.attribute(topic, 'ServerAssignedId'),
      topicType: nonBlank(reader.attribute(topic, 'TopicType')) ?? DEFAULT_TOPIC_TYPE,
      topicStatus: nonBlank(reader.attribute(topic, 'TopicStatus')) ?? DEFAULT_TOPIC_STATUS,
      title: reader.requiredText(topic, 'Title'),
      description: reader.text(topic, 'Description'),
      priority: reader.text(topic, 'Priority'),
      index: reader.optionalInt(topic, 'Index'),
      labels: texts(v3 ? reader.children(reader.child(topic, 'Labels'), 'Label') : reader.children(topic, 'Labels')),
      creationDate: reader.dateTime(topic, 'CreationDate'),
      creationAuthor: reader.requiredText(topic, 'CreationAuthor'),
      modifiedDate: reader.optionalDateTime(topic, 'ModifiedDate'),
      modifiedAuthor: reader.text(topic, 'ModifiedAuthor'),
      dueDate: reader.optionalDateTime(topic, 'DueDate'),
      assignedTo: reader.text(topic, 'AssignedTo'),
      stage: reader.text(topic, 'Stage'),
      referenceLinks: texts(items(topic, 'ReferenceLinks', 'ReferenceLink')),
      relatedTopics: items(topic, 'RelatedTopics', 'RelatedTopic').map((related) => reader.guid(related)),
      files: header ? items(header, 'Files', 'File').map((file) => readFile(reader, file)) : [],
      comments: items(v3 ? topic : markup, 'Comments', 'Comment').map((comment) => readComment(reader, comment)),
    },
    viewpoints: (v3 ? reader.children(reader.child(topic, 'Viewpoints'), 'ViewPoint') : reader.children(markup, 'Viewpoints')).map((viewpoint) => ({
      guid: reader.guid(viewpoint),
      index: reader.optionalInt(viewpoint, 'Index'),
      viewpointFile: reader.text(viewpoint, 'Viewpoint')?.trim() ?? null,
      snapshotFile: reader.text(viewpoint, 'Snapshot')?.trim() ?? null,
      at: viewpoint,
    })),
  };
}

const nonBlank = (value: string | null) => (value !== null && value.trim() !== '' ? value : null);

function readFile(reader: EntryReader, file: XmlElement): BcfFileReference {
  return {
    ifcProject: reader.ifcGuid(file, 'IfcProject'),
    ifcSpatialStructureElement: reader.ifcGuid(file, 'IfcSpatialStructureElement'),
    // 3.0 spells it IsExternal, 2.1 isExternal; both default to true.
    isExternal: reader.boolean(file, reader.attribute(file, 'IsExternal') === null ? 'isExternal' : 'IsExternal', true),
    filename: reader.text(file, 'Filename'),
    date: reader.optionalDateTime(file, 'Date'),
    reference: reader.text(file, 'Reference'),
  };
}

function readComment(reader: EntryReader, comment: XmlElement): BcfComment {
  const viewpoint = reader.child(comment, 'Viewpoint');
  return {
    guid: reader.guid(comment),
    date: reader.dateTime(comment, 'Date'),
    author: reader.requiredText(comment, 'Author'),
    comment: reader.text(comment, 'Comment'),
    viewpointGuid: viewpoint ? reader.guid(viewpoint) : null,
    modifiedDate: reader.optionalDateTime(comment, 'ModifiedDate'),
    modifiedAuthor: reader.text(comment, 'ModifiedAuthor'),
  };
}
