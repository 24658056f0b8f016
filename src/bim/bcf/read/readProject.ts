/**
 * The archive-level files: project.bcfp and the project's extensions. BCF 3.0 has `ProjectInfo/Project` and an
 * extensions.xml of value lists; BCF 2.1 has `ProjectExtension/Project` whose `ExtensionSchema` names an XSD that
 * redefines markup.xsd's simple types with enumerations — those enumerations are the same lists. Both files are
 * optional; a 2.1 ExtensionSchema pointing outside the zip (a URL) is not followed.
 */
import { emptyExtensions, EXTENSION_LISTS } from '../extensionLists';
import type { BcfExtensions, BcfProject } from '../types';
import { EntryReader } from '../xml/EntryReader';
import type { SafeZip } from '../zip/SafeZip';
import type { BcfVersion } from './readVersion';

const PROJECT_ENTRY = 'project.bcfp';
const EXTENSIONS_ENTRY = 'extensions.xml';

export function readProjectFiles(zip: SafeZip, version: BcfVersion): { project: BcfProject | null; extensions: BcfExtensions } {
  const reader = zip.has(PROJECT_ENTRY) ? EntryReader.open(zip, PROJECT_ENTRY) : null;
  if (version === '3.0') {
    const project = reader && reader.required(reader.expectRoot('ProjectInfo'), 'Project');
    return {
      project: project && readProject(reader, project),
      extensions: zip.has(EXTENSIONS_ENTRY) ? readExtensions30(EntryReader.open(zip, EXTENSIONS_ENTRY)) : emptyExtensions(),
    };
  }
  const root = reader?.expectRoot('ProjectExtension');
  const project = reader && root ? reader.child(root, 'Project') : undefined;
  const schema = reader && root ? reader.text(root, 'ExtensionSchema')?.trim() : undefined;
  return {
    // BCF 2.1 lets Project and its ProjectId be left out; BCF 3.0 requires both, so such a project is not kept.
    project: reader && project && reader.attribute(project, 'ProjectId')?.trim() ? readProject(reader, project) : null,
    extensions: schema && zip.has(schema) ? readExtensions21(EntryReader.open(zip, schema)) : emptyExtensions(),
  };
}

function readProject(reader: EntryReader, project: EntryReader['root']): BcfProject {
  return { projectId: reader.requiredAttribute(project, 'ProjectId'), name: reader.text(project, 'Name') };
}

function readExtensions30(reader: EntryReader): BcfExtensions {
  const root = reader.expectRoot('Extensions');
  const extensions = emptyExtensions();
  for (const { key, wrapper, item } of EXTENSION_LISTS) {
    extensions[key] = reader.children(reader.child(root, wrapper), item).map((value) => value.text).filter((value) => value.trim() !== '');
  }
  return extensions;
}

function readExtensions21(reader: EntryReader): BcfExtensions {
  const redefine = reader.child(reader.expectRoot('schema'), 'redefine');
  const extensions = emptyExtensions();
  for (const simpleType of reader.children(redefine, 'simpleType')) {
    const list = EXTENSION_LISTS.find((candidate) => candidate.xsd21Type === reader.attribute(simpleType, 'name'));
    const restriction = reader.child(simpleType, 'restriction');
    if (!list || !restriction) continue;
    extensions[list.key] = reader.children(restriction, 'enumeration').map((enumeration) => reader.requiredAttribute(enumeration, 'value'));
  }
  return extensions;
}
