/**
 * A `BcfDocument` → a BCF 3.0 .bcfzip: bcf.version, project.bcfp (when the document has a project), extensions.xml,
 * and per topic `<guid>/markup.bcf` with `Viewpoint_<guid>.bcfv` and `Snapshot_<guid>.png|jpg` per viewpoint. Every
 * XML file validates against BCF 3.0's XSDs (src/bim/bcf/schemas/v3.0); values the schemas forbid are refused with
 * INVALID_DOCUMENT before a byte is zipped. The output is deterministic: the same document gives the same bytes.
 */
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { EXTENSION_LISTS } from '../extensionLists';
import type { BcfDocument, BcfExtensions } from '../types';
import { element, leaf } from '../xml/writeXml';
import { EntryWriter } from './EntryWriter';
import { markupXml, snapshotFileName, viewpointFileName } from './markupXml';
import { visinfoXml } from './visinfoXml';

/** Zip entries carry a DOS timestamp; a fixed one keeps the archive byte-identical across exports. */
const ZIP_TIME = new Date(2000, 0, 1);
const encoder = new TextEncoder();

export function writeBcfZip(document: BcfDocument): Uint8Array {
  const files: Zippable = {};
  const add = (name: string, content: string | Uint8Array, stored = false) => {
    files[name] = [typeof content === 'string' ? encoder.encode(content) : content, { level: stored ? 0 : 6, mtime: ZIP_TIME }];
  };
  add('bcf.version', new EntryWriter('bcf.version').serialize(element('Version', [['VersionId', '3.0']])));
  if (document.project) {
    const w = new EntryWriter('project.bcfp');
    const project = element('Project', [['ProjectId', w.text(document.project.projectId, 'ProjectId')]], [leaf('Name', w.optionalText(document.project.name, '<Name>'))]);
    add('project.bcfp', w.serialize(element('ProjectInfo', [], [project])));
  }
  const extensions = new EntryWriter('extensions.xml');
  const lists = extensionsInUse(document);
  add(
    'extensions.xml',
    extensions.serialize(
      element(
        'Extensions',
        [],
        EXTENSION_LISTS.map(({ key, wrapper, item }) => element(wrapper, [], lists[key].map((value) => leaf(item, extensions.text(value, `<${item}>`))))),
      ),
    ),
  );
  for (const topic of document.topics) {
    const markup = new EntryWriter(`${topic.guid}/markup.bcf`);
    if (files[markup.entry]) throw markup.fail(`hai chủ đề cùng GUID ${topic.guid}`, `two topics share the GUID ${topic.guid}`);
    add(markup.entry, markupXml(markup, topic));
    for (const viewpoint of topic.viewpoints) {
      const name = `${topic.guid}/${viewpointFileName(viewpoint.guid)}`;
      if (files[name]) throw markup.fail(`hai điểm nhìn cùng GUID ${viewpoint.guid}`, `two viewpoints share the GUID ${viewpoint.guid}`);
      add(name, visinfoXml(new EntryWriter(name), viewpoint));
      // PNG and JPEG are compressed already; storing them keeps export fast and the ratio honest.
      if (viewpoint.snapshot) add(`${topic.guid}/${snapshotFileName(viewpoint.guid, viewpoint.snapshot.format)}`, viewpoint.snapshot.bytes, true);
    }
  }
  return zipSync(files);
}

/** The declared lists, each followed by the values the topics use that it does not list yet (first use order). */
function extensionsInUse(document: BcfDocument): BcfExtensions {
  const used: Record<keyof BcfExtensions, (string | null)[]> = {
    topicTypes: document.topics.map((topic) => topic.topicType),
    topicStatuses: document.topics.map((topic) => topic.topicStatus),
    priorities: document.topics.map((topic) => topic.priority),
    topicLabels: document.topics.flatMap((topic) => topic.labels),
    users: document.topics.map((topic) => topic.assignedTo),
    snippetTypes: [],
    stages: document.topics.map((topic) => topic.stage),
  };
  const result = {} as BcfExtensions;
  for (const { key } of EXTENSION_LISTS) {
    result[key] = [...new Set([...document.extensions[key], ...used[key].filter((value): value is string => value !== null)])];
  }
  return result;
}
