/**
 * Looks at the first and last bytes of a file before web-ifc parses it, so that a file that cannot load fails at
 * once with a message that says why — empty, not IFC (and what it looks like instead), a schema web-ifc does not
 * read, cut off, too large — instead of a parser error or a frozen tab (issue 3 §7). Reads at most 128 KiB.
 */
import type { IfcSchemaName } from '../types';
import { IfcLoadError } from './IfcLoadError';

/**
 * The largest file we hand to web-ifc. web-ifc runs in 32-bit WebAssembly: one linear memory of at most 4 GiB
 * (and web-ifc's own MEMORY_LIMIT of 2 GiB) holds the tokenised file and the lines it parses; the worker also
 * keeps the file's bytes, and the app the geometry. Measured on a 230 MB file (Office_A's data repeated, 39 000
 * elements, 2.4 M triangles): 395 MB of wasm memory, 1.3 GB peak for the whole Node process, 3.3 s to parse,
 * 21 s to the last chunk — such files load, with progress and a working cancel. 512 MiB keeps twice that
 * within web-ifc's limit, the tab's geometry below a gigabyte, and the wait at about a minute.
 */
export const MAX_IFC_BYTES = 512 * 1024 * 1024;

/** FILE_SCHEMA identifiers → the schema web-ifc reads them with. web-ifc itself knows only some aliases. */
const SCHEMA_FAMILIES: ReadonlyArray<[RegExp, IfcSchemaName]> = [
  [/^IFC2X3(_TC1|_FINAL)?$/, 'IFC2X3'],
  [/^IFC4(_ADD1|_ADD2|_ADD2_TC1)?$/, 'IFC4'],
  [/^IFC4X3(_RC[1-4]|_ADD1|_ADD2|_TC1)?$/, 'IFC4X3'],
];

export const SUPPORTED_SCHEMAS_TEXT = 'IFC2X3, IFC4 (ADD1, ADD2, ADD2_TC1), IFC4X3 (RC1–RC4, ADD1, ADD2, TC1)';

export interface IfcFileSniff {
  schema: IfcSchemaName;
  /** FILE_SCHEMA as written, e.g. `IFC4X3_ADD2`. */
  schemaIdentifier: string;
}

const SNIFF_BYTES = 64 * 1024;
const latin1 = new TextDecoder('latin1');

/** Throws `IfcLoadError` (EMPTY_FILE, TOO_LARGE, NOT_IFC, UNSUPPORTED_SCHEMA, TRUNCATED) or names the schema. */
export function sniffIfcFile(bytes: Uint8Array, maxBytes = MAX_IFC_BYTES): IfcFileSniff {
  checkFileSize(bytes.length, maxBytes);
  const head = latin1.decode(bytes.subarray(0, SNIFF_BYTES));
  if (head.trim() === '') throw emptyFile();
  const start = head.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart();
  if (!start.startsWith('ISO-10303-21')) throw notIfc(describeContent(bytes, start));
  const header = /HEADER\s*;([\s\S]*?)ENDSEC\s*;/.exec(start);
  if (!header) {
    if (bytes.length <= SNIFF_BYTES) throw truncated(headerCut(bytes.length));
    throw notIfc({ vi: 'một tệp STEP có phần HEADER quá dài hoặc không đóng (thiếu ENDSEC;)', en: 'a STEP file whose HEADER section never closes (no ENDSEC;)' });
  }
  const schemaIdentifier = /FILE_SCHEMA\s*\(\s*\(\s*'([^']*)'/i.exec(header[1] ?? '')?.[1]?.trim().toUpperCase();
  if (!schemaIdentifier) throw unsupportedSchema(null);
  const schema = SCHEMA_FAMILIES.find(([pattern]) => pattern.test(schemaIdentifier))?.[1];
  if (!schema) throw unsupportedSchema(schemaIdentifier);
  checkComplete(bytes);
  return { schema, schemaIdentifier };
}

/** The checks that need only the size: the app makes them before reading a file at all. */
export function checkFileSize(size: number, maxBytes = MAX_IFC_BYTES): void {
  if (size === 0) throw emptyFile();
  if (size > maxBytes) throw tooLarge(size, maxBytes);
}

function checkComplete(bytes: Uint8Array): void {
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - SNIFF_BYTES)));
  if (/END-ISO-10303-21\s*;/.test(tail)) return;
  throw truncated(describeCut(bytes, tail));
}

/** Where the file stops: in the HEADER, or after the last complete entity of the DATA section. */
function describeCut(bytes: Uint8Array, tail: string): { vi: string; en: string } {
  if (/ENDSEC\s*;\s*$/.test(tail)) {
    return { vi: 'sau ENDSEC; của phần DATA, thiếu dòng END-ISO-10303-21;', en: 'after the DATA section’s ENDSEC;, without END-ISO-10303-21;' };
  }
  const entities = [...tail.matchAll(/(?:^|;)\s*(?:\/\*[\s\S]*?\*\/\s*)*#(\d+)\s*=/g)];
  const last = entities.at(-1);
  if (!last) return { vi: `ở byte ${bytes.length}`, en: `at byte ${bytes.length}` };
  const line = countLines(bytes, bytes.length - tail.length + (last.index ?? 0) + last[0].lastIndexOf('#'));
  const open = `#${last[1]}`;
  return {
    vi: `giữa thực thể ${open} (dòng ${line}) trong phần DATA`,
    en: `in the middle of entity ${open} (line ${line}) in the DATA section`,
  };
}

function headerCut(length: number): { vi: string; en: string } {
  return { vi: `trong phần HEADER, ở byte ${length}`, en: `inside the HEADER section, at byte ${length}` };
}

/** 1-based line number of a byte offset (a pass over the bytes, on the failure path only). */
function countLines(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** What a non-IFC file looks like, from its magic numbers or first line. */
function describeContent(bytes: Uint8Array, start: string): { vi: string; en: string } {
  const magic = (text: string) => latin1.decode(bytes.subarray(0, text.length)) === text;
  if (magic('PK\u0003\u0004')) {
    return { vi: 'một tệp nén ZIP (nếu là .ifczip, hãy giải nén trước)', en: 'a ZIP archive (an .ifczip? unzip it first)' };
  }
  if (magic('%PDF')) return { vi: 'một tài liệu PDF', en: 'a PDF document' };
  if (magic('glTF')) return { vi: 'một mô hình glTF nhị phân (.glb)', en: 'a binary glTF model (.glb)' };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { vi: 'một tệp nén gzip', en: 'a gzip-compressed file' };
  if (magic('\u0089PNG') || magic('\u00FF\u00D8\u00FF')) return { vi: 'một ảnh (PNG/JPEG)', en: 'an image (PNG/JPEG)' };
  if (magic('AC10')) return { vi: 'một bản vẽ AutoCAD DWG', en: 'an AutoCAD DWG drawing' };
  if (start.startsWith('ISO-10303-28') || /^<\?xml[\s\S]{0,400}(ifcXML|iso_10303_28)/i.test(start)) {
    return { vi: 'một tệp ifcXML (IFC dạng XML, chưa hỗ trợ)', en: 'an ifcXML file (IFC as XML, not supported)' };
  }
  if (start.startsWith('<?xml') || start.startsWith('<')) return { vi: 'một tài liệu XML/HTML', en: 'an XML/HTML document' };
  if (start.startsWith('{') && /"asset"\s*:/.test(start)) return { vi: 'một mô hình glTF (JSON)', en: 'a glTF model (JSON)' };
  if (start.startsWith('{') || start.startsWith('[')) return { vi: 'một tệp JSON', en: 'a JSON file' };
  if (isBinary(bytes)) return { vi: 'một tệp nhị phân', en: 'a binary file' };
  const firstLine = start.split(/\r?\n/, 1)[0]?.slice(0, 60) ?? '';
  return { vi: `một tệp văn bản bắt đầu bằng “${firstLine}”`, en: `a text file starting with “${firstLine}”` };
}

function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let control = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32)) control++;
  return control > sample.length / 20;
}

function emptyFile(): IfcLoadError {
  return new IfcLoadError('EMPTY_FILE', {
    vi: 'Tệp rỗng (0 byte): không có gì để mở. Hãy xuất lại mô hình IFC từ phần mềm BIM.',
    en: 'The file is empty (0 bytes): there is nothing to open. Export the IFC model again from the BIM software.',
  });
}

function tooLarge(size: number, max: number): IfcLoadError {
  const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
  return new IfcLoadError('TOO_LARGE', {
    vi: `Tệp ${mib(size)} vượt giới hạn ${mib(max)}: web-ifc chạy trong WebAssembly 32 bit (tối đa 4 GiB bộ nhớ). Hãy tách mô hình theo bộ môn hoặc tầng.`,
    en: `The file is ${mib(size)}, above the ${mib(max)} limit: web-ifc runs in 32-bit WebAssembly (4 GiB of memory at most). Split the model by discipline or storey.`,
  });
}

function notIfc(looksLike: { vi: string; en: string }): IfcLoadError {
  return new IfcLoadError('NOT_IFC', {
    vi: `Đây không phải tệp IFC (thiếu dòng đầu ISO-10303-21): có vẻ là ${looksLike.vi}.`,
    en: `This is not an IFC file (no ISO-10303-21 header): it looks like ${looksLike.en}.`,
  });
}

function unsupportedSchema(found: string | null): IfcLoadError {
  const vi = found ? `lược đồ ${found}` : 'tệp STEP không ghi FILE_SCHEMA';
  const en = found ? `schema ${found}` : 'a STEP file that names no FILE_SCHEMA';
  return new IfcLoadError('UNSUPPORTED_SCHEMA', {
    vi: `Không đọc được ${vi}. Các lược đồ được hỗ trợ: ${SUPPORTED_SCHEMAS_TEXT}.`,
    en: `Cannot read ${en}. Supported schemas: ${SUPPORTED_SCHEMAS_TEXT}.`,
  });
}

function truncated(where: { vi: string; en: string }): IfcLoadError {
  return new IfcLoadError('TRUNCATED', {
    vi: `Tệp bị cắt cụt: dừng ${where.vi}. Có lẽ tệp chưa tải hoặc sao chép xong; hãy lấy lại bản đầy đủ.`,
    en: `The file is cut off: it stops ${where.en}. It was probably not fully downloaded or copied; get the complete file again.`,
  });
}
