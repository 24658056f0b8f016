/**
 * Importing BCF 2.1: a hand-written 2.1 review (tests/fixtures/bcf/v2.1/review, valid against buildingSMART's 2.1
 * XSDs and its own extension schema) maps onto the BCF 3.0 model — comments and viewpoints beside the topic, labels
 * repeated, ViewSetupHints on Components, colours without a Components wrapper, no AspectRatio, upper-case GUIDs,
 * optional TopicType/TopicStatus — and exports as valid BCF 3.0 without losing anything the model holds.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPIC_STATUS, DEFAULT_TOPIC_TYPE, readBcfZip, writeBcfZip } from '../../../src/bim/bcf';
import { FIXTURE_21, readFolder, schema30, XSD_21, xmllint, zipFiles } from './bcfFixtures';

const TOPIC_1 = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const TOPIC_2 = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const files = readFolder(FIXTURE_21);
const bcf21 = zipFiles(files);
const component = (ifcGuid: string) => ({ ifcGuid, originatingSystem: null, authoringToolId: null });

describe('the BCF 2.1 fixture', () => {
  it('validates against the BCF 2.1 XSDs', () => {
    const schema = (name: string) =>
      name === 'bcf.version' ? 'version.xsd' : name === 'project.bcfp' ? 'project.xsd' : name.endsWith('markup.bcf') ? 'markup.xsd' : name.endsWith('.bcfv') ? 'visinfo.xsd' : null;
    const xml = Object.entries(files).flatMap(([name, bytes]) => (schema(name) ? [{ name, text: bytes, xsd: join(XSD_21, schema(name)!) }] : []));
    expect(xml).toHaveLength(6);
    expect(xmllint(xml)).toEqual([]);
  });

  it('keeps its topics within the value lists of its extension schema (2.1 redefines markup.xsd)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sao-bcf21-'));
    try {
      copyFileSync(join(XSD_21, 'markup.xsd'), join(dir, 'markup.xsd'));
      copyFileSync(join(FIXTURE_21, 'extensions.xsd'), join(dir, 'extensions.xsd'));
      const markups = readdirSync(FIXTURE_21).filter((name) => name.includes('-')).map((topic) => ({ name: topic, text: readFileSync(join(FIXTURE_21, topic, 'markup.bcf')), xsd: join(dir, 'extensions.xsd') }));
      expect(xmllint(markups)).toEqual([]);
      const offList = new TextDecoder().decode(markups[0]!.text).replace('<Labels>PCCC</Labels>', '<Labels>Điện</Labels>');
      expect(xmllint([{ name: 'off-list', text: offList, xsd: join(dir, 'extensions.xsd') }])).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readBcfZip on BCF 2.1', () => {
  const document = readBcfZip(bcf21);
  const [topic1, topic2] = document.topics;

  it('reads the project and the value lists of the extension schema', () => {
    expect(document.project).toEqual({ projectId: 'f0e1d2c3-b4a5-4968-8776-655443322110', name: 'Nhà ở thấp tầng — hồ sơ hoàn công mẫu' });
    expect(document.extensions).toEqual({
      topicTypes: ['Issue', 'Request', 'Remark'],
      topicStatuses: ['Open', 'In progress', 'Resolved', 'Closed'],
      priorities: ['High', 'Normal', 'Low'],
      topicLabels: ['Kiến trúc', 'PCCC', 'Kết cấu'],
      users: ['reviewer@sxd.example.vn', 'investor@example.com'],
      snippetTypes: [],
      stages: ['Thiết kế', 'Hoàn công'],
    });
  });

  it('maps the topic: attributes, repeated labels and links, dates, related topics, header files', () => {
    expect(document.topics.map((topic) => topic.guid)).toEqual([TOPIC_1, TOPIC_2]);
    expect(topic1).toMatchObject({
      topicType: 'Issue',
      topicStatus: 'Open',
      title: 'Tường tầng 2 thiếu cấp chịu lửa (FireRating)',
      priority: 'High',
      index: 1,
      labels: ['Kiến trúc', 'PCCC'],
      referenceLinks: ['https://cde.example.vn/review/HS-2025-001'],
      creationDate: '2025-03-01T09:30:00+07:00',
      modifiedDate: '2025-03-02T10:15:00+07:00',
      dueDate: '2025-03-15T17:00:00+07:00',
      assignedTo: 'investor@example.com',
      stage: 'Hoàn công',
      relatedTopics: [TOPIC_2],
      files: [
        {
          ifcProject: '0YvctVUKr0kugbFTf53O9L',
          ifcSpatialStructureElement: '2O2Fr$t4X7Zf8NOew3FLOH',
          isExternal: true,
          filename: 'nha-o-hoan-cong.ifc',
          date: '2025-02-20T08:00:00Z',
          reference: 'https://cde.example.vn/models/nha-o-hoan-cong.ifc',
        },
      ],
    });
  });

  it('moves the comments beside the topic into the topic', () => {
    expect(topic1!.comments).toEqual([
      { guid: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f', date: '2025-03-01T09:31:00+07:00', author: 'reviewer@sxd.example.vn', comment: 'Xem các tường tô đỏ.', viewpointGuid: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', modifiedDate: null, modifiedAuthor: null },
      { guid: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a', date: '2025-03-02T10:15:00+07:00', author: 'investor@example.com', comment: 'Đã bổ sung trong bản sửa đổi 2.', viewpointGuid: null, modifiedDate: '2025-03-02T11:00:00+07:00', modifiedAuthor: 'investor@example.com' },
    ]);
  });

  it('reads a 2.1 perspective viewpoint: hints on Components, colours without wrapper, aspect ratio 1 as BCF 3.0 prescribes', () => {
    const viewpoint = topic1!.viewpoints[0]!;
    expect(viewpoint.camera).toEqual({ kind: 'perspective', position: [18.5, -12.25, 9.75], direction: [-0.6, 0.64, -0.48], up: [-0.36, 0.384, 0.85], fieldOfView: 55, aspectRatio: 1 });
    expect(viewpoint.components).toEqual({
      selection: [{ ifcGuid: '1hOSvn6df7F8_7GcBWlRGQ', originatingSystem: 'ARCHICAD', authoringToolId: '47281' }],
      visibility: { defaultVisibility: true, exceptions: [component('3cUkl32yn9qRSPvBJVyWYp')], viewSetupHints: { spacesVisible: false, spaceBoundariesVisible: false, openingsVisible: true } },
      coloring: [
        { color: 'FF0000', components: [component('1hOSvn6df7F8_7GcBWlRGQ'), component('0k7Xtp$sj6NQbCkOzmEE7T')] },
        { color: '8000FF00', components: [component('2O2Fr$t4X7Zf8NOew3FLOH')] },
      ],
    });
    expect(viewpoint.lines).toEqual([{ start: [0, 0, 3], end: [12, 0, 3] }]);
    expect(viewpoint.clippingPlanes).toEqual([{ location: [0, 0, 5.6], direction: [0, 0, 1] }]);
    expect(viewpoint.index).toBe(0);
    expect(viewpoint.snapshot?.format).toBe('png');
    expect(viewpoint.snapshot?.bytes).toEqual(files[`${TOPIC_1}/snapshot.png`]);
  });

  it('reads a 2.1 orthogonal viewpoint with an isolated set, lower-casing its GUID', () => {
    const viewpoint = topic1!.viewpoints[1]!;
    expect(viewpoint.guid).toBe('b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e');
    expect(viewpoint.camera).toEqual({ kind: 'orthogonal', position: [6, 5, 40], direction: [0, 0, -1], up: [0, 1, 0], viewToWorldScale: 14.5, aspectRatio: 1 });
    expect(viewpoint.components.visibility).toEqual({ defaultVisibility: false, exceptions: [component('1hOSvn6df7F8_7GcBWlRGQ'), component('0k7Xtp$sj6NQbCkOzmEE7T')], viewSetupHints: null });
    expect(viewpoint.snapshot).toBeNull();
  });

  it('gives a 2.1 topic without TopicType/TopicStatus the defaults, and reads an empty description as none', () => {
    expect(topic2).toMatchObject({ guid: TOPIC_2, topicType: DEFAULT_TOPIC_TYPE, topicStatus: DEFAULT_TOPIC_STATUS, description: null, viewpoints: [] });
    expect(topic2!.comments[0]!.comment).toMatch(/^Mô hình không có vị trí địa lý/);
  });

  it('exports the 2.1 review as BCF 3.0 that validates and reads back the same', () => {
    const bcf30 = writeBcfZip(document);
    const xml = Object.entries(unzipSync(bcf30)).flatMap(([name, bytes]) => (schema30(name) ? [{ name, text: bytes, xsd: schema30(name)! }] : []));
    expect(xmllint(xml)).toEqual([]);
    expect(readBcfZip(bcf30)).toEqual(document);
  });

  it('reads a 2.1 file without project.bcfp or extension schema', () => {
    const bare = Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'project.bcfp' && name !== 'extensions.xsd'));
    const read = readBcfZip(zipFiles(bare));
    expect(read.project).toBeNull();
    expect(Object.values(read.extensions).flat()).toEqual([]);
    expect(read.topics).toEqual(document.topics);
  });

  it('reads a time zone written without its colon (+0700) as xs:dateTime (+07:00)', () => {
    const markup = new TextDecoder().decode(files[`${TOPIC_2}/markup.bcf`]).replace('2025-03-01T09:40:00+07:00', '2025-03-01T09:40:00+0700');
    const read = readBcfZip(zipFiles({ ...files, [`${TOPIC_2}/markup.bcf`]: markup }));
    expect(read.topics[1]!.creationDate).toBe('2025-03-01T09:40:00+07:00');
  });
});
