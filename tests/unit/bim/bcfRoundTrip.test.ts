/**
 * Exporting a review as BCF 3.0: every XML file validates against buildingSMART's BCF 3.0 XSDs (xmllint), the file
 * reads back into the same document, and exporting that again gives the same bytes. What BCF 3.0 cannot carry is
 * refused with a message that names the file, before anything is zipped.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBcfZip, writeBcfZip } from '../../../src/bim/bcf';
import type { BcfDocument } from '../../../src/bim/bcf';
import { perspectiveViewpoint, refusal, sampleReview, schema30, TOPIC_A, TOPIC_B, xmllint } from './bcfFixtures';

function validate30(zip: Uint8Array): string[] {
  return xmllint(
    Object.entries(unzipSync(zip)).flatMap(([name, bytes]) => {
      const xsd = schema30(name);
      return xsd ? [{ name, text: bytes, xsd }] : [];
    }),
  );
}

const text = (zip: Uint8Array, name: string) => new TextDecoder().decode(unzipSync(zip)[name]);

describe('writeBcfZip', () => {
  const review = sampleReview();
  const zip = writeBcfZip(review);
  const viewpoint = perspectiveViewpoint().guid;

  it('writes the BCF 3.0 layout: version, project, extensions, a folder per topic with its viewpoints and snapshots', () => {
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(
      [
        'bcf.version',
        'project.bcfp',
        'extensions.xml',
        `${TOPIC_A}/markup.bcf`,
        `${TOPIC_A}/Viewpoint_${viewpoint}.bcfv`,
        `${TOPIC_A}/Snapshot_${viewpoint}.png`,
        `${TOPIC_A}/Viewpoint_6d2f0b8c-3e4a-4f7b-9c0d-1e2f3a4b5c6d.bcfv`,
        `${TOPIC_B}/markup.bcf`,
      ].sort(),
    );
    expect(text(zip, 'bcf.version')).toContain('<Version VersionId="3.0"/>');
    expect(unzipSync(zip)[`${TOPIC_A}/Snapshot_${viewpoint}.png`]).toEqual(review.topics[0]!.viewpoints[0]!.snapshot!.bytes);
  });

  it('writes XML that validates against the BCF 3.0 XSDs', () => {
    expect(validate30(zip)).toEqual([]);
  });

  it('the validation catches what the schemas forbid (so a pass means something)', () => {
    const markup = text(zip, `${TOPIC_B}/markup.bcf`);
    const broken = [
      markup.replace(/<Title>.*<\/Title>/, ''),
      markup.replace('TopicStatus="Open"', ''),
      markup.replace(/<CreationAuthor>.*<\/CreationAuthor>/, '<CreationAuthor> </CreationAuthor>'),
      text(zip, `${TOPIC_A}/Viewpoint_${viewpoint}.bcfv`).replace('<FieldOfView>50</FieldOfView>', '<FieldOfView>190</FieldOfView>'),
    ];
    const problems = xmllint(broken.map((xml, i) => ({ name: `broken-${i}`, text: xml, xsd: schema30(i < 3 ? 'x/markup.bcf' : 'x.bcfv')! })));
    expect(problems).toHaveLength(broken.length);
  });

  it('reads back into the same document, and writes the same bytes again', () => {
    const read = readBcfZip(zip);
    expect(read).toEqual(review);
    expect(writeBcfZip(read)).toEqual(zip);
  });

  it('keeps Vietnamese text, markup characters and line breaks as written', () => {
    const topic = readBcfZip(zip).topics[0]!;
    expect(topic.title).toBe('Tường tầng 2 thiếu cấp chịu lửa (FireRating) & <ghi chú>');
    expect(topic.description).toContain('\nBổ sung theo QCVN 06:2022/BXD, "REI 120".');
    expect(text(zip, `${TOPIC_A}/markup.bcf`)).toContain('&amp; &lt;ghi chú&gt;');
  });

  it('lists in extensions.xml every status, type, label, priority, stage and assignee the topics use', () => {
    const document: BcfDocument = { ...review, extensions: { ...review.extensions, topicStatuses: ['Open'], users: [], stages: [] } };
    const extensions = readBcfZip(writeBcfZip(document)).extensions;
    expect(extensions.topicStatuses).toEqual(['Open', 'In progress']);
    expect(extensions.users).toEqual(['investor@example.com']);
    expect(extensions.stages).toEqual(['Hoàn công']);
    expect(extensions.topicLabels).toEqual(['Kiến trúc', 'PCCC']);
  });

  it('writes a review without a project, topics or extensions as a valid, empty BCF 3.0 file', () => {
    const empty = writeBcfZip({ project: null, extensions: { topicTypes: [], topicStatuses: [], priorities: [], topicLabels: [], users: [], snippetTypes: [], stages: [] }, topics: [] });
    expect(Object.keys(unzipSync(empty)).sort()).toEqual(['bcf.version', 'extensions.xml']);
    expect(validate30(empty)).toEqual([]);
    expect(readBcfZip(empty).topics).toEqual([]);
  });

  const cases: [string, (document: BcfDocument) => void, RegExp, string][] = [
    ['a blank title', (d) => (d.topics[1]!.title = '  '), /<Title> is blank/, `${TOPIC_B}/markup.bcf`],
    ['an upper-case topic GUID', (d) => (d.topics[1]!.guid = TOPIC_B.toUpperCase()), /not a lower-case GUID/, `${TOPIC_B.toUpperCase()}/markup.bcf`],
    ['a date that is not xs:dateTime', (d) => (d.topics[1]!.creationDate = '01/03/2025'), /"01\/03\/2025" is not an xs:dateTime/, `${TOPIC_B}/markup.bcf`],
    ['a control character', (d) => (d.topics[1]!.title = 'Bell \u0007'), /U\+0007/, `${TOPIC_B}/markup.bcf`],
    ['a viewpoint without camera', (d) => (d.topics[0]!.viewpoints[0]!.camera = null), /has no camera/, `${TOPIC_A}/Viewpoint_${viewpoint}.bcfv`],
    ['a camera at NaN', (d) => (d.topics[0]!.viewpoints[0]!.camera!.position = [Number.NaN, 0, 0]), /<CameraViewPoint> is NaN/, `${TOPIC_A}/Viewpoint_${viewpoint}.bcfv`],
    ['a camera looking along its up vector', (d) => (d.topics[0]!.viewpoints[0]!.camera!.up = [-0.6, 0.64, -0.48]), /parallel/, `${TOPIC_A}/Viewpoint_${viewpoint}.bcfv`],
    ['a colour that is not hex', (d) => (d.topics[0]!.viewpoints[0]!.components.coloring[0]!.color = 'red'), /"red" is not RRGGBB/, `${TOPIC_A}/Viewpoint_${viewpoint}.bcfv`],
    ['a comment with neither text nor viewpoint', (d) => (d.topics[0]!.comments[1]!.comment = null), /neither text nor a viewpoint/, `${TOPIC_A}/markup.bcf`],
    ['two topics with one GUID', (d) => (d.topics[1]!.guid = TOPIC_A), /two topics share/, `${TOPIC_A}/markup.bcf`],
  ];
  it.each(cases)('refuses %s, naming the file', (_, spoil, english, entry) => {
    const document = sampleReview();
    spoil(document);
    const error = refusal(() => writeBcfZip(document));
    expect(error.code).toBe('INVALID_DOCUMENT');
    expect(error.entry).toBe(entry);
    expect(error.userMessage.en).toMatch(english);
    expect(error.userMessage.en).toContain(entry);
    expect(error.userMessage.vi).toContain(entry);
    expect(error.userMessage.vi).toMatch(/^Không ghi được/);
  });
});
