/**
 * Shared pieces of the BCF tests: a review document like the one Sao keeps, xmllint validation against the vendored
 * buildingSMART XSDs, the hand-written BCF 2.1 fixture as a zip, and a raw zip writer that can lie about sizes,
 * names and offsets the way hostile archives do.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { deflateSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { BcfError } from '../../../src/bim/bcf';
import type { BcfDocument, BcfViewpoint } from '../../../src/bim/bcf';
import { crc32 } from '../../../src/bim/bcf/zip/crc32';

export const XSD_30 = 'src/bim/bcf/schemas/v3.0';
export const XSD_21 = 'src/bim/bcf/schemas/v2.1';
export const FIXTURE_21 = 'tests/fixtures/bcf/v2.1/review';
const XMLLINT = process.env.SAO_XMLLINT ?? '/usr/bin/xmllint';

/** The BCF 3.0 schema each entry of a .bcfzip must validate against; null for snapshots. */
export function schema30(entry: string): string | null {
  if (entry === 'bcf.version') return join(XSD_30, 'version.xsd');
  if (entry === 'project.bcfp') return join(XSD_30, 'project.xsd');
  if (entry === 'extensions.xml') return join(XSD_30, 'extensions.xsd');
  if (entry.endsWith('/markup.bcf')) return join(XSD_30, 'markup.xsd');
  if (entry.endsWith('.bcfv')) return join(XSD_30, 'visinfo.xsd');
  return null;
}

/**
 * `xmllint --noout --schema` on each file (installed by scripts/ensure-debian.mjs xmllint); returns xmllint's complaints,
 * empty when every file validates.
 */
export function xmllint(files: { name: string; text: string | Uint8Array; xsd: string }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sao-bcf-'));
  try {
    const problems: string[] = [];
    files.forEach((file, i) => {
      const path = join(dir, `${i}-${file.name.replace(/[^\w.-]/g, '_')}`);
      writeFileSync(path, file.text);
      const result = spawnSync(XMLLINT, ['--noout', '--nonet', '--schema', file.xsd, path], { encoding: 'utf8' });
      if (result.error) throw new Error(`xmllint could not run (${XMLLINT}); run node scripts/ensure-debian.mjs xmllint`, { cause: result.error });
      if (result.status !== 0) problems.push(`${file.name}: ${result.stderr.trim()}`);
    });
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file under `dir`, keyed by its path relative to `dir` with forward slashes (as zip entries are). */
export function readFolder(dir: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path).split('\\').join('/')] = new Uint8Array(readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

export function zipFiles(files: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? new TextEncoder().encode(content) : content])));
}

export function pngBytes(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([20 + (i % 200), 90, 160, 255], i * 4);
  return new Uint8Array(PNG.sync.write(png));
}

/** The BcfError a call throws (failing the test if it returns or throws something else). */
export function refusal(run: () => unknown): BcfError {
  try {
    run();
  } catch (error) {
    if (error instanceof BcfError) return error;
    throw error;
  }
  throw new Error('expected a BcfError, but the call succeeded');
}

export interface RawEntry {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  /** A compression method to claim instead (e.g. 12, bzip2). */
  method?: number;
  /** The uncompressed size the headers claim (default: the real one). */
  declaredSize?: number;
  crc?: number;
  flags?: number;
  /** Points the central directory at another entry's local header (overlapping entries). */
  localHeaderOf?: number;
}

/** A zip written byte by byte (APPNOTE §4.3), so tests can plant what zip libraries refuse to write. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const header = (size: number, fill: (view: DataView) => void) => {
    const bytes = new Uint8Array(size);
    fill(new DataView(bytes.buffer));
    return bytes;
  };
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const data = entry.deflate ? deflateSync(entry.data) : entry.data;
    const size = entry.declaredSize ?? entry.data.length;
    const crc = entry.crc ?? crc32(entry.data);
    const method = entry.method ?? (entry.deflate ? 8 : 0);
    const flags = (entry.flags ?? 0) | 0x800;
    offsets.push(offset);
    const local = header(30, (v) => {
      v.setUint32(0, 0x04034b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, flags, true);
      v.setUint16(8, method, true);
      v.setUint32(14, crc, true);
      v.setUint32(18, data.length, true);
      v.setUint32(22, size, true);
      v.setUint16(26, name.length, true);
    });
    chunks.push(local, name, data);
    const localOffset = entry.localHeaderOf === undefined ? offset : offsets[entry.localHeaderOf]!;
    offset += local.length + name.length + data.length;
    central.push(
      header(46, (v) => {
        v.setUint32(0, 0x02014b50, true);
        v.setUint16(4, 20, true);
        v.setUint16(6, 20, true);
        v.setUint16(8, flags, true);
        v.setUint16(10, method, true);
        v.setUint32(16, crc, true);
        v.setUint32(20, data.length, true);
        v.setUint32(24, size, true);
        v.setUint16(28, name.length, true);
        v.setUint32(42, localOffset, true);
      }),
      name,
    );
  }
  const directorySize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = header(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, entries.length, true);
    v.setUint16(10, entries.length, true);
    v.setUint32(12, directorySize, true);
    v.setUint32(16, offset, true);
  });
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of all) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export const TOPIC_A = '3b6f2d1e-8c4a-4f57-9e21-5a0c7d9b1e43';
export const TOPIC_B = '9d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
export const WALL_1 = '2MXz0n8aT4Ix$Nq_0UDlRk';
export const WALL_2 = '1hOSvn6df7F8_7GcBWlRGQ';
export const SLAB = '0k7Xtp$sj6NQbCkOzmEE7T';

export function perspectiveViewpoint(): BcfViewpoint {
  return {
    guid: '5c1e9a7b-2d3f-4e6a-8b9c-0d1e2f3a4b5c',
    index: 0,
    camera: { kind: 'perspective', position: [18.5, -12.25, 9.75], direction: [-0.6, 0.64, -0.48], up: [-0.36, 0.384, 0.85], fieldOfView: 50, aspectRatio: 1.6 },
    components: {
      selection: [{ ifcGuid: WALL_1, originatingSystem: 'Sao', authoringToolId: null }],
      visibility: { defaultVisibility: true, exceptions: [{ ifcGuid: SLAB, originatingSystem: null, authoringToolId: null }], viewSetupHints: { spacesVisible: false, spaceBoundariesVisible: false, openingsVisible: true } },
      coloring: [
        { color: 'FF0000', components: [{ ifcGuid: WALL_1, originatingSystem: null, authoringToolId: null }, { ifcGuid: WALL_2, originatingSystem: null, authoringToolId: null }] },
        { color: '80FFA500', components: [{ ifcGuid: null, originatingSystem: 'ARCHICAD', authoringToolId: '47281' }] },
      ],
    },
    lines: [{ start: [0, 0, 3], end: [12.125, 1e-7, 3] }],
    clippingPlanes: [{ location: [0, 0, 5.6], direction: [0, 0, 1] }],
    snapshot: { format: 'png', bytes: pngBytes(16, 10) },
  };
}

/** A review of two topics: one with everything BCF 3.0 carries, one with only what it requires. */
export function sampleReview(): BcfDocument {
  return {
    project: { projectId: 'f0e1d2c3-b4a5-4968-8776-655443322110', name: 'Nhà ở thấp tầng — hồ sơ hoàn công' },
    extensions: {
      topicTypes: ['Issue', 'Request'],
      topicStatuses: ['Open', 'In progress', 'Resolved', 'Closed'],
      priorities: ['High', 'Normal'],
      topicLabels: ['Kiến trúc', 'PCCC'],
      users: ['investor@example.com'],
      snippetTypes: [],
      stages: ['Hoàn công'],
    },
    topics: [
      {
        guid: TOPIC_A,
        serverAssignedId: 'HS-2025-001',
        topicType: 'Issue',
        topicStatus: 'In progress',
        title: 'Tường tầng 2 thiếu cấp chịu lửa (FireRating) & <ghi chú>',
        description: 'Các tường bao tầng 2 không có Pset_WallCommon.FireRating.\nBổ sung theo QCVN 06:2022/BXD, "REI 120".',
        priority: 'High',
        index: null,
        labels: ['Kiến trúc', 'PCCC'],
        creationDate: '2025-03-01T09:30:00+07:00',
        creationAuthor: 'reviewer@sxd.example.vn',
        modifiedDate: '2025-03-02T10:15:00.250Z',
        modifiedAuthor: 'reviewer@sxd.example.vn',
        dueDate: '2025-03-15T17:00:00+07:00',
        assignedTo: 'investor@example.com',
        stage: 'Hoàn công',
        referenceLinks: ['https://cde.example.vn/review/HS-2025-001?tab=issues&id=1'],
        relatedTopics: [TOPIC_B],
        files: [{ ifcProject: '0YvctVUKr0kugbFTf53O9L', ifcSpatialStructureElement: null, isExternal: true, filename: 'nha-o-hoan-cong.ifc', date: '2025-02-20T08:00:00Z', reference: null }],
        comments: [
          { guid: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f', date: '2025-03-01T09:31:00+07:00', author: 'reviewer@sxd.example.vn', comment: 'Xem các tường tô đỏ.', viewpointGuid: '5c1e9a7b-2d3f-4e6a-8b9c-0d1e2f3a4b5c', modifiedDate: null, modifiedAuthor: null },
          { guid: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a', date: '2025-03-02T10:15:00+07:00', author: 'investor@example.com', comment: 'Đã bổ sung trong bản sửa đổi 2.', viewpointGuid: null, modifiedDate: '2025-03-02T11:00:00+07:00', modifiedAuthor: 'investor@example.com' },
        ],
        viewpoints: [
          perspectiveViewpoint(),
          {
            guid: '6d2f0b8c-3e4a-4f7b-9c0d-1e2f3a4b5c6d',
            index: 1,
            camera: { kind: 'orthogonal', position: [6, 5, 40], direction: [0, 0, -1], up: [0, 1, 0], viewToWorldScale: 14.5, aspectRatio: 1.25 },
            components: { selection: [], visibility: { defaultVisibility: false, exceptions: [{ ifcGuid: WALL_2, originatingSystem: null, authoringToolId: null }], viewSetupHints: null }, coloring: [] },
            lines: [],
            clippingPlanes: [],
            snapshot: null,
          },
        ],
      },
      {
        guid: TOPIC_B,
        serverAssignedId: null,
        topicType: 'Request',
        topicStatus: 'Open',
        title: 'Thiếu IfcMapConversion',
        description: null,
        priority: null,
        index: null,
        labels: [],
        creationDate: '2025-03-01T09:40:00+07:00',
        creationAuthor: 'reviewer@sxd.example.vn',
        modifiedDate: null,
        modifiedAuthor: null,
        dueDate: null,
        assignedTo: null,
        stage: null,
        referenceLinks: [],
        relatedTopics: [],
        files: [],
        comments: [],
        viewpoints: [],
      },
    ],
  };
}
