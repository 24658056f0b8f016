/**
 * Hostile and broken .bcfzip files (issue 6 §6): each is refused with a BcfError whose code says what is wrong and
 * whose Vietnamese and English messages name the entry; nothing is half-imported, so the review in hand is untouched.
 */
import { Inflate, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_READ_LIMITS, mergeBcfDocuments, readBcfZip, writeBcfZip } from '../../../src/bim/bcf';
import type { BcfDocument, BcfErrorCode } from '../../../src/bim/bcf';
import { pngBytes, rawZip, refusal, sampleReview, TOPIC_A, TOPIC_B } from './bcfFixtures';
import type { RawEntry } from './bcfFixtures';

const VIEWPOINT = '5c1e9a7b-2d3f-4e6a-8b9c-0d1e2f3a4b5c';
const MARKUP_A = `${TOPIC_A}/markup.bcf`;
const VISINFO_A = `${TOPIC_A}/Viewpoint_${VIEWPOINT}.bcfv`;
const SNAPSHOT_A = `${TOPIC_A}/Snapshot_${VIEWPOINT}.png`;
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The sample review as zip entries, to be spoiled one way or another. */
function reviewEntries(): Record<string, Uint8Array> {
  return unzipSync(writeBcfZip(sampleReview()));
}

function zipOf(entries: Record<string, Uint8Array | string>, extra: RawEntry[] = []): Uint8Array {
  return rawZip([...Object.entries(entries).map(([name, data]) => ({ name, data: typeof data === 'string' ? encode(data) : data, deflate: true })), ...extra]);
}

/** Incompressible bytes (xorshift), so a deflated payload stays as large as it is. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

function expectRefused(bytes: Uint8Array, code: BcfErrorCode, entry: string | null, english?: RegExp) {
  const error = refusal(() => readBcfZip(bytes));
  expect(error.code).toBe(code);
  expect(error.entry).toBe(entry);
  if (entry !== null) {
    expect(error.userMessage.vi).toContain(entry);
    expect(error.userMessage.en).toContain(entry);
  }
  if (english) expect(error.userMessage.en).toMatch(english);
  expect(error.userMessage.vi).not.toBe(error.userMessage.en);
  return error;
}

afterEach(() => vi.restoreAllMocks());

describe('zip entries that would escape the folder they are unpacked into', () => {
  it.each([
    ['../../etc/cron.d/sao', /points outside/],
    [`${TOPIC_A}/../../../evil.bcf`, /points outside/],
    ['/etc/passwd', /absolute path/],
    [`${TOPIC_A}\\markup.bcf`, /backslash/],
    ['C:/Windows/System32/evil.dll', /drive letter/],
    ['bad\u0001name', /control character/],
  ])('refuses %s', (name, english) => {
    expectRefused(zipOf(reviewEntries(), [{ name, data: encode('x') }]), 'UNSAFE_PATH', name, english);
  });

  it('refuses a markup whose viewpoint points into another folder', () => {
    const entries = reviewEntries();
    entries[MARKUP_A] = encode(decode(entries[MARKUP_A]!).replace(`Viewpoint_${VIEWPOINT}.bcfv`, `../${TOPIC_B}/markup.bcf`));
    expectRefused(zipOf(entries), 'UNSAFE_PATH', MARKUP_A, /outside the topic's folder/);
  });
});

describe('zip bombs', () => {
  it('refuses an entry that declares more than one entry may hold, before inflating anything', () => {
    const push = vi.spyOn(Inflate.prototype, 'push');
    const error = expectRefused(zipOf(reviewEntries(), [{ name: 'model.ifc', data: encode('tiny'), deflate: true, declaredSize: 300 * 1024 * 1024 }]), 'TOO_LARGE', 'model.ifc', /300\.0 MB uncompressed, over the 64\.0 MB limit/);
    expect(error.userMessage.vi).toMatch(/300,0 MB|300\.0 MB/);
    expect(push).not.toHaveBeenCalled();
  });

  it('refuses entries whose declared sizes add up past the total budget, naming the entry that crosses it', () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxTotalBytes: 1024 * 1024 };
    const parts = [0, 1, 2, 3].map((i) => ({ name: `Documents/part-${i}.bin`, data: noise(300 * 1024), deflate: true }));
    const error = refusal(() => readBcfZip(zipOf(reviewEntries(), parts), limits));
    expect(error).toMatchObject({ code: 'TOO_LARGE', entry: 'Documents/part-3.bin' });
    expect(error.userMessage.en).toMatch(/uncompressed total passes 1\.0 MB/);
  });

  it('refuses an entry compressed far beyond what real content allows (20 MB of zeros → ~20 kB)', () => {
    expectRefused(zipOf(reviewEntries(), [{ name: 'Documents/zeros.bin', data: new Uint8Array(20 * 1024 * 1024), deflate: true }]), 'TOO_LARGE', 'Documents/zeros.bin', /compressed \d+:1 .* over the 200:1 limit — the mark of a zip bomb/);
  });

  it('stops inflating an entry the moment it produces more than it declared (a lying header)', () => {
    const entries = reviewEntries();
    delete entries[MARKUP_A];
    const zip = zipOf(entries, [{ name: MARKUP_A, data: noise(2 * 1024 * 1024), deflate: true, declaredSize: 4096 }]);
    const push = vi.spyOn(Inflate.prototype, 'push');
    expectRefused(zip, 'TOO_LARGE', MARKUP_A, /inflates to more than the 4096 bytes it declares; inflating was stopped/);
    // 2 MB of compressed input for that entry; what reached the inflater, all entries together, is a few steps of 16 kB.
    const fed = push.mock.calls.reduce((sum, [chunk]) => sum + chunk.length, 0);
    expect(fed).toBeLessThan(64 * 1024);
  });

  it('refuses overlapping entries that share one compressed payload', () => {
    const entries = reviewEntries();
    const bytes = zipOf(entries, [{ name: 'Documents/copy.bin', data: entries[MARKUP_A]!, deflate: true, localHeaderOf: 0 }]);
    expectRefused(bytes, 'TOO_LARGE', 'Documents/copy.bin', /shares its data with "bcf.version" — the structure of an overlapping zip bomb/);
  });

  it('refuses an XML file of tiny tags that would fill memory as an element tree, before parsing it', () => {
    // Stored, not deflated: compressed, such a file is already caught by its ratio.
    const entries = reviewEntries();
    delete entries[MARKUP_A];
    const flood = encode(`<Markup>${'<a/>'.repeat(DEFAULT_READ_LIMITS.maxXmlTags)}</Markup>`);
    expectRefused(zipOf(entries, [{ name: MARKUP_A, data: flood }]), 'TOO_LARGE', MARKUP_A, /has 500002 XML tags, over the limit of 500000/);
  });

  it('refuses an XML file larger than any markup or viewpoint needs', () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxXmlBytes: 64 * 1024 };
    const padded = decode(reviewEntries()[MARKUP_A]!).replace('<Description>', `<Description>${' '.repeat(70 * 1024)}`);
    const error = refusal(() => readBcfZip(zipOf({ ...reviewEntries(), [MARKUP_A]: padded }), limits));
    expect(error).toMatchObject({ code: 'TOO_LARGE', entry: MARKUP_A });
    expect(error.userMessage.en).toMatch(/over the 0\.1 MB limit for one XML file/);
  });

  it('refuses more entries than a BCF file needs', () => {
    const many = Array.from({ length: DEFAULT_READ_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `spam/${i}.txt`, data: new Uint8Array(0) }));
    expectRefused(rawZip(many), 'TOO_MANY_ENTRIES', null, /20001 entries, over the limit of 20000/);
  });
});

describe('files that are not a readable zip', () => {
  it.each([
    ['an empty file', new Uint8Array(0), /the file is empty/],
    ['a PNG', pngBytes(4, 4), /end-of-central-directory/],
    ['an IFC file', encode('ISO-10303-21;\nHEADER;\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n'), /end-of-central-directory/],
    ['a zip cut in half', writeBcfZip(sampleReview()).slice(0, 4000), /end-of-central-directory/],
  ])('refuses %s', (_, bytes, english) => {
    expectRefused(bytes, 'NOT_ZIP', null, english);
  });

  it('refuses a damaged entry (CRC mismatch)', () => {
    const entries = reviewEntries();
    const version = entries['bcf.version']!;
    delete entries['bcf.version'];
    expectRefused(zipOf(entries, [{ name: 'bcf.version', data: version, deflate: true, crc: 0x12345678 }]), 'CORRUPT_ENTRY', 'bcf.version', /CRC does not match/);
  });

  it('refuses an entry that is not valid deflate data', () => {
    const entries = reviewEntries();
    delete entries[MARKUP_A];
    const zip = zipOf(entries, [{ name: MARKUP_A, data: noise(64), method: 8, declaredSize: 64 }]);
    expectRefused(zip, 'CORRUPT_ENTRY', MARKUP_A, /not valid deflate/);
  });

  it.each([
    ['an encrypted entry', { flags: 1 }, /encrypted/],
    ['an unsupported compression method', { method: 12 }, /compression method 12/],
  ])('refuses %s', (_, spoil, english) => {
    expectRefused(zipOf(reviewEntries(), [{ name: 'Documents/secret.txt', data: encode('x'), ...spoil }]), 'UNSUPPORTED_ZIP', 'Documents/secret.txt', english);
  });

  it('refuses an entry name given twice', () => {
    expectRefused(zipOf(reviewEntries(), [{ name: MARKUP_A, data: encode('<Markup/>') }]), 'DUPLICATE_ENTRY', MARKUP_A, /twice/);
  });
});

describe('zips that are not BCF, or not well-formed XML', () => {
  it('refuses a zip without bcf.version', () => {
    const entries = reviewEntries();
    delete entries['bcf.version'];
    expectRefused(zipOf(entries), 'MISSING_VERSION', 'bcf.version', /no "bcf.version" at its root/);
  });

  it('refuses a BCF version Sao does not read', () => {
    expectRefused(zipOf({ ...reviewEntries(), 'bcf.version': '<Version VersionId="1.0"/>' }), 'UNSUPPORTED_VERSION', 'bcf.version', /gives BCF version "1.0"; Sao reads BCF 2.1 and 3.0/);
  });

  it('refuses XML with a DOCTYPE, so entities are never expanded (billion laughs)', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE Markup [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<Markup>&c;</Markup>';
    const error = expectRefused(zipOf({ ...reviewEntries(), [MARKUP_A]: bomb }), 'XML_DOCTYPE', MARKUP_A, /has a DOCTYPE \(line 2\)/);
    expect(error.userMessage.vi).toMatch(/DOCTYPE/);
  });

  it('refuses an external entity (XXE) in a viewpoint', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE VisualizationInfo [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<VisualizationInfo Guid="${VIEWPOINT}">&secret;</VisualizationInfo>`;
    expectRefused(zipOf({ ...reviewEntries(), [VISINFO_A]: xxe }), 'XML_DOCTYPE', VISINFO_A);
  });

  it('refuses malformed XML, naming the line', () => {
    const markup = decode(reviewEntries()[MARKUP_A]!).replace('</Title>', '</Titel>');
    const error = expectRefused(zipOf({ ...reviewEntries(), [MARKUP_A]: markup }), 'XML_MALFORMED', MARKUP_A, /not well-formed XML \(line \d+, column \d+\)/);
    const line = markup.split('\n').findIndex((text) => text.includes('</Titel>')) + 1;
    expect(error.userMessage.en).toContain(`line ${line},`);
    expect(error.userMessage.vi).toContain(`dòng ${line},`);
  });

  it('refuses text that is not UTF-8', () => {
    expectRefused(zipOf({ ...reviewEntries(), [MARKUP_A]: new Uint8Array([0x3c, 0x4d, 0xff, 0xfe, 0x3e]) }), 'XML_MALFORMED', MARKUP_A, /not valid UTF-8/);
  });

  it.each([
    ['a topic without a title', (xml: string) => xml.replace(/<Title>.*<\/Title>/, ''), /<Topic> has no <Title>/],
    ['a topic GUID that is not a GUID', (xml: string) => xml.replace(`<Topic Guid="${TOPIC_A}"`, '<Topic Guid="HS-001"'), /"HS-001" in <Topic> is not a GUID/],
    ['a date that is not a date', (xml: string) => xml.replace('2025-03-01T09:30:00+07:00', '1/3/2025'), /"1\/3\/2025" in <CreationDate> is not an xs:dateTime/],
    ['a markup with another root', () => '<Topic/>', /the root element is <Topic>, expected <Markup>/],
  ])('refuses %s', (_, spoil, english) => {
    expectRefused(zipOf({ ...reviewEntries(), [MARKUP_A]: spoil(decode(reviewEntries()[MARKUP_A]!)) }), 'INVALID_CONTENT', MARKUP_A, english);
  });

  it.each([
    ['a field of view that is not a number', (xml: string) => xml.replace('<FieldOfView>50</FieldOfView>', '<FieldOfView>wide</FieldOfView>'), /"wide" in <FieldOfView> is not a number/],
    ['a field of view of 180°', (xml: string) => xml.replace('<FieldOfView>50</FieldOfView>', '<FieldOfView>180</FieldOfView>'), /between 0° and 180°/],
    ['an IfcGuid that is not one', (xml: string) => xml.replace('0k7Xtp$sj6NQbCkOzmEE7T', '#1234'), /IfcGuid="#1234" is not an IFC GlobalId/],
  ])('refuses a viewpoint with %s', (_, spoil, english) => {
    expectRefused(zipOf({ ...reviewEntries(), [VISINFO_A]: spoil(decode(reviewEntries()[VISINFO_A]!)) }), 'INVALID_CONTENT', VISINFO_A, english);
  });

  it('refuses two folders holding the same topic', () => {
    const entries = reviewEntries();
    expectRefused(zipOf({ ...entries, 'copy/markup.bcf': entries[`${TOPIC_B}/markup.bcf`]! }), 'INVALID_CONTENT', 'copy/markup.bcf', /appears twice/);
  });
});

describe('viewpoints referring to files', () => {
  it.each([
    ['viewpoint file', VISINFO_A],
    ['snapshot', SNAPSHOT_A],
  ])('refuses a markup whose %s is missing, naming both', (_, missing) => {
    const entries = reviewEntries();
    delete entries[missing];
    const error = expectRefused(zipOf(entries), 'MISSING_ENTRY', missing, new RegExp(`The viewpoint ${VIEWPOINT} in "${MARKUP_A}" \\(line \\d+\\) needs`));
    expect(error.userMessage.vi).toContain(MARKUP_A);
  });

  it('refuses a snapshot that is not an image', () => {
    expectRefused(zipOf({ ...reviewEntries(), [SNAPSHOT_A]: '<html><script>alert(1)</script></html>' }), 'INVALID_CONTENT', SNAPSHOT_A, /neither a PNG nor a JPEG/);
  });
});

describe('the review in hand', () => {
  function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      for (const child of Object.values(value)) deepFreeze(child);
      Object.freeze(value);
    }
    return value;
  }

  it('is untouched when an import fails half-way (the first topic was fine, the second is broken)', () => {
    const review: BcfDocument = deepFreeze(sampleReview());
    const before = structuredClone(review);
    const entries = reviewEntries();
    entries[`${TOPIC_B}/markup.bcf`] = encode(decode(entries[`${TOPIC_B}/markup.bcf`]!).replace('<Markup>', '<Markup><Oops>'));
    let current = review;
    try {
      current = mergeBcfDocuments(current, readBcfZip(zipOf(entries)));
    } catch {
      // refused as a whole
    }
    expect(current).toBe(review);
    expect(review).toEqual(before);
  });

  it('takes a good import as a new document: topics with known GUIDs replaced, new ones appended, nothing mutated', () => {
    const review: BcfDocument = deepFreeze(sampleReview());
    const reply = sampleReview();
    reply.topics[0]!.topicStatus = 'Resolved';
    reply.topics[0]!.comments.push({ guid: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b', date: '2025-03-05T08:00:00+07:00', author: 'investor@example.com', comment: 'Đã sửa.', viewpointGuid: null, modifiedDate: null, modifiedAuthor: null });
    reply.topics.push({ ...reply.topics[1]!, guid: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', title: 'Chủ đề mới từ chủ đầu tư' });
    reply.extensions.topicLabels.push('Kết cấu');
    const merged = mergeBcfDocuments(review, readBcfZip(writeBcfZip(reply)));
    expect(merged.topics.map((topic) => topic.topicStatus)).toEqual(['Resolved', 'Open', 'Open']);
    expect(merged.topics[0]!.comments).toHaveLength(3);
    expect(merged.topics[2]!.title).toBe('Chủ đề mới từ chủ đầu tư');
    expect(merged.extensions.topicLabels).toEqual(['Kiến trúc', 'PCCC', 'Kết cấu']);
    expect(review.topics[0]!.topicStatus).toBe('In progress');
  });
});
