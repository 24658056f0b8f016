import { bcfError } from '../BcfError';
import type { BcfDocument, BcfReadLimits, BcfSnapshot, BcfTopic, BcfViewpoint } from '../types';
import { EntryReader } from '../xml/EntryReader';
import { DEFAULT_READ_LIMITS, SafeZip } from '../zip/SafeZip';
import { readMarkup } from './readMarkup';
import type { ViewpointReference } from './readMarkup';
import { readProjectFiles } from './readProject';
import { readVersion } from './readVersion';
import type { BcfVersion } from './readVersion';
import { readVisinfo } from './readVisinfo';

/** A topic folder's markup: `<topic guid>/markup.bcf`, one level below the root. */
const MARKUP = /^([^/]+)\/markup\.bcf$/;

/**
 * A .bcfzip (BCF 3.0 or 2.1) → a new `BcfDocument`. Everything is read and checked before anything is returned, so
 * a file is either taken whole or refused with a `BcfError` naming the entry — a caller's review is never left
 * half-updated. Topics come in the zip's order.
 */
export function readBcfZip(bytes: Uint8Array, limits: BcfReadLimits = DEFAULT_READ_LIMITS): BcfDocument {
  const zip = SafeZip.open(bytes, limits);
  const version = readVersion(zip);
  const { project, extensions } = readProjectFiles(zip, version);
  const topics: BcfTopic[] = [];
  const seen = new Map<string, string>();
  for (const name of zip.names()) {
    const folder = MARKUP.exec(name)?.[1];
    if (folder === undefined) continue;
    const topic = readTopic(zip, folder, name, version);
    const first = seen.get(topic.guid);
    if (first) {
      throw bcfError('INVALID_CONTENT', name, `Chủ đề ${topic.guid} xuất hiện hai lần ("${first}" và "${name}").`, `The topic ${topic.guid} appears twice ("${first}" and "${name}").`);
    }
    seen.set(topic.guid, name);
    topics.push(topic);
  }
  return { project, extensions, topics };
}

function readTopic(zip: SafeZip, folder: string, entry: string, version: BcfVersion): BcfTopic {
  const reader = EntryReader.open(zip, entry);
  const { topic, viewpoints } = readMarkup(reader, version);
  const guids = new Set<string>();
  for (const reference of viewpoints) {
    if (guids.has(reference.guid)) throw reader.fail(reference.at, `điểm nhìn ${reference.guid} được khai báo hai lần`, `the viewpoint ${reference.guid} is listed twice`);
    guids.add(reference.guid);
  }
  return { ...topic, viewpoints: viewpoints.map((reference) => readViewpoint(zip, folder, reader, reference)) };
}

function readViewpoint(zip: SafeZip, folder: string, markup: EntryReader, reference: ViewpointReference): BcfViewpoint {
  const visinfo = reference.viewpointFile === null ? null : readVisinfo(EntryReader.open(zip, referenced(zip, folder, markup, reference, reference.viewpointFile)));
  return {
    guid: reference.guid,
    index: reference.index,
    camera: visinfo?.camera ?? null,
    components: visinfo?.components ?? { selection: [], visibility: { defaultVisibility: true, exceptions: [], viewSetupHints: null }, coloring: [] },
    lines: visinfo?.lines ?? [],
    clippingPlanes: visinfo?.clippingPlanes ?? [],
    snapshot: reference.snapshotFile === null ? null : readSnapshot(zip, referenced(zip, folder, markup, reference, reference.snapshotFile)),
  };
}

/** The entry of a file named in the markup, which must be a plain name inside the topic folder and be in the zip. */
function referenced(zip: SafeZip, folder: string, markup: EntryReader, reference: ViewpointReference, file: string): string {
  if (/[/\\]/.test(file) || file === '..' || file === '.') {
    throw bcfError(
      'UNSAFE_PATH',
      markup.entry,
      `"${markup.entry}" trỏ tới "${file}" nằm ngoài thư mục của chủ đề; điểm nhìn chỉ được dùng tệp trong thư mục đó.`,
      `"${markup.entry}" refers to "${file}", outside the topic's folder; a viewpoint may only use files in that folder.`,
    );
  }
  const entry = `${folder}/${file}`;
  if (!zip.has(entry)) {
    throw bcfError(
      'MISSING_ENTRY',
      entry,
      `Điểm nhìn ${reference.guid} trong "${markup.entry}" (dòng ${reference.at.line}) cần tệp "${entry}", nhưng tệp zip không có.`,
      `The viewpoint ${reference.guid} in "${markup.entry}" (line ${reference.at.line}) needs "${entry}", which is not in the zip.`,
    );
  }
  return entry;
}

/** The format comes from the bytes' signature: a snapshot named .png that is not an image is refused, not shown. */
function readSnapshot(zip: SafeZip, entry: string): BcfSnapshot {
  const bytes = zip.read(entry);
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return { format: 'png', bytes };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { format: 'jpg', bytes };
  throw bcfError('INVALID_CONTENT', entry, `Ảnh chụp "${entry}" không phải ảnh PNG hay JPEG.`, `The snapshot "${entry}" is neither a PNG nor a JPEG image.`);
}
