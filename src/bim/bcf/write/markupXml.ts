/** A topic → BCF 3.0 markup.bcf, elements in markup.xsd's sequence order. */
import type { BcfComment, BcfFileReference, BcfTopic } from '../types';
import type { XmlNode } from '../xml/writeXml';
import { element, leaf, list } from '../xml/writeXml';
import type { EntryWriter } from './EntryWriter';

export const viewpointFileName = (guid: string) => `Viewpoint_${guid}.bcfv`;
export const snapshotFileName = (guid: string, format: 'png' | 'jpg') => `Snapshot_${guid}.${format}`;

export function markupXml(writer: EntryWriter, topic: BcfTopic): string {
  const w = writer;
  const text = (name: string, value: string | null) => leaf(name, w.optionalText(value, `<${name}>`));
  const topicElement = element(
    'Topic',
    [
      ['Guid', w.guid(topic.guid, 'Topic Guid')],
      ['ServerAssignedId', w.optionalText(topic.serverAssignedId, 'ServerAssignedId')],
      ['TopicType', w.text(topic.topicType, 'TopicType')],
      ['TopicStatus', w.text(topic.topicStatus, 'TopicStatus')],
    ],
    [
      list('ReferenceLinks', topic.referenceLinks.map((link) => leaf('ReferenceLink', w.text(link, '<ReferenceLink>'))!)),
      leaf('Title', w.text(topic.title, '<Title>')),
      text('Priority', topic.priority),
      leaf('Index', w.int(topic.index, '<Index>')),
      list('Labels', topic.labels.map((label) => leaf('Label', w.text(label, '<Label>'))!)),
      leaf('CreationDate', w.dateTime(topic.creationDate, '<CreationDate>')),
      leaf('CreationAuthor', w.text(topic.creationAuthor, '<CreationAuthor>')),
      leaf('ModifiedDate', w.dateTime(topic.modifiedDate, '<ModifiedDate>')),
      text('ModifiedAuthor', topic.modifiedAuthor),
      leaf('DueDate', w.dateTime(topic.dueDate, '<DueDate>')),
      text('AssignedTo', topic.assignedTo),
      text('Stage', topic.stage),
      text('Description', topic.description),
      list('RelatedTopics', topic.relatedTopics.map((guid) => element('RelatedTopic', [['Guid', w.guid(guid, 'RelatedTopic Guid')]]))),
      list('Comments', topic.comments.map((comment) => commentXml(w, comment))),
      list(
        'Viewpoints',
        topic.viewpoints.map((viewpoint) =>
          element(
            'ViewPoint',
            [['Guid', w.guid(viewpoint.guid, 'ViewPoint Guid')]],
            [
              leaf('Viewpoint', viewpointFileName(viewpoint.guid)),
              leaf('Snapshot', viewpoint.snapshot && snapshotFileName(viewpoint.guid, viewpoint.snapshot.format)),
              leaf('Index', w.int(viewpoint.index, 'ViewPoint <Index>')),
            ],
          ),
        ),
      ),
    ],
  );
  const header = topic.files.length === 0 ? null : element('Header', [], [element('Files', [], topic.files.map((file) => fileXml(w, file)))]);
  return w.serialize(element('Markup', [], [header, topicElement]));
}

function fileXml(w: EntryWriter, file: BcfFileReference): XmlNode {
  return element(
    'File',
    [
      ['IfcProject', w.ifcGuid(file.ifcProject, 'IfcProject')],
      ['IfcSpatialStructureElement', w.ifcGuid(file.ifcSpatialStructureElement, 'IfcSpatialStructureElement')],
      ['IsExternal', String(file.isExternal)],
    ],
    [leaf('Filename', w.optionalText(file.filename, '<Filename>')), leaf('Date', w.dateTime(file.date, 'File <Date>')), leaf('Reference', w.optionalText(file.reference, '<Reference>'))],
  );
}

function commentXml(w: EntryWriter, comment: BcfComment): XmlNode {
  // BCF 3.0: "At least one of Viewpoint and/or Comment (text) must be provided."
  if (comment.comment === null && comment.viewpointGuid === null) throw w.fail(`bình luận ${comment.guid} không có nội dung lẫn điểm nhìn`, `the comment ${comment.guid} has neither text nor a viewpoint`);
  return element(
    'Comment',
    [['Guid', w.guid(comment.guid, 'Comment Guid')]],
    [
      leaf('Date', w.dateTime(comment.date, 'Comment <Date>')),
      leaf('Author', w.text(comment.author, 'Comment <Author>')),
      leaf('Comment', w.optionalText(comment.comment, `<Comment> ${comment.guid}`)),
      comment.viewpointGuid === null ? null : element('Viewpoint', [['Guid', w.guid(comment.viewpointGuid, 'Comment Viewpoint Guid')]]),
      leaf('ModifiedDate', w.dateTime(comment.modifiedDate, 'Comment <ModifiedDate>')),
      leaf('ModifiedAuthor', w.optionalText(comment.modifiedAuthor, 'Comment <ModifiedAuthor>')),
    ],
  );
}
