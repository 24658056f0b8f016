/**
 * A zip archive read defensively (issue 6 §6): the central directory is checked as a whole before any entry is
 * inflated — entry count, names, declared sizes against a total budget, compression ratio, overlapping entries —
 * and each entry is then inflated in small chunks into a buffer of its declared size, stopping the moment it
 * produces more. Σ declared ≤ budget and actual ≤ declared per entry, so the actual total is bounded too, and a
 * lying header never gets a chance to fill memory. Only what is asked for is inflated.
 *
 * Format: PKWARE APPNOTE 6.3.10 §4.3 (end of central directory, central directory headers, local headers).
 */
import { Inflate } from 'fflate';
import { BcfError, bcfError } from '../BcfError';
import type { BcfReadLimits } from '../types';
import { crc32 } from './crc32';
import { unsafeEntryPath } from './entryPath';

export const DEFAULT_READ_LIMITS: BcfReadLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  // A markup is a few kB; a viewpoint listing 50,000 components about 6 MB.
  maxXmlBytes: 16 * 1024 * 1024,
  maxXmlTags: 500_000,
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1032×, so ≤ 16 MiB per step. */
const INFLATE_STEP = 16 * 1024;

interface ZipEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

/** Entry names are UTF-8 (flag bit 11) or, in old tools, CP437; BCF's names are ASCII either way. */
const NAME_DECODER = new TextDecoder();
export const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export class SafeZip {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    readonly limits: BcfReadLimits,
  ) {}

  /** Reads and checks the central directory; throws `BcfError` naming the first entry at fault. */
  static open(bytes: Uint8Array, limits: BcfReadLimits = DEFAULT_READ_LIMITS): SafeZip {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfCentralDirectory(view);
    const entryCount = view.getUint16(eocd + 10, true);
    const directorySize = view.getUint32(eocd + 12, true);
    const directoryStart = view.getUint32(eocd + 16, true);
    if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
      throw bcfError('UNSUPPORTED_ZIP', null, 'Tệp zip bị chia thành nhiều phần; Sao chỉ đọc tệp zip một phần.', 'The zip is split across several disks; Sao reads single-part zips only.');
    }
    if (entryCount === 0xffff || directorySize === 0xffffffff || directoryStart === 0xffffffff || (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR)) {
      throw bcfError('UNSUPPORTED_ZIP', null, 'Tệp zip dùng định dạng ZIP64; tệp BCF không cần đến, Sao không đọc.', 'The zip uses ZIP64, which a BCF file never needs; Sao does not read it.');
    }
    if (entryCount > limits.maxEntries) {
      throw bcfError('TOO_MANY_ENTRIES', null, `Tệp zip có ${entryCount} mục, vượt giới hạn ${limits.maxEntries}.`, `The zip has ${entryCount} entries, over the limit of ${limits.maxEntries}.`);
    }
    if (directoryStart + directorySize > eocd) throw notZip('thư mục trung tâm nằm ngoài tệp', 'the central directory lies outside the file');

    const entries = new Map<string, ZipEntry>();
    const ranges: [number, number, string][] = [];
    let declaredTotal = 0;
    let at = directoryStart;
    for (let i = 0; i < entryCount; i++) {
      if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) throw notZip(`thiếu bản ghi thứ ${i + 1}/${entryCount} của thư mục trung tâm`, `central directory record ${i + 1} of ${entryCount} is missing`);
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const crc = view.getUint32(at + 16, true);
      const compressedSize = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const recordLength = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      const localHeader = view.getUint32(at + 42, true);
      if (at + recordLength > eocd) throw notZip(`bản ghi thứ ${i + 1} của thư mục trung tâm bị cắt cụt`, `central directory record ${i + 1} is cut short`);
      const name = NAME_DECODER.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      at += recordLength;

      const unsafe = unsafeEntryPath(name);
      if (unsafe) throw bcfError('UNSAFE_PATH', name, `Mục "${name}" trong tệp zip không an toàn: ${unsafe.vi}.`, `The zip entry "${name}" is unsafe: ${unsafe.en}.`);
      if (entries.has(name)) throw bcfError('DUPLICATE_ENTRY', name, `Mục "${name}" xuất hiện hai lần trong tệp zip.`, `The zip has the entry "${name}" twice.`);
      if (flags & 0x41) throw bcfError('UNSUPPORTED_ZIP', name, `Mục "${name}" được mã hoá; Sao không đọc tệp zip có mật khẩu.`, `The entry "${name}" is encrypted; Sao does not read password-protected zips.`);
      if (method !== 0 && method !== 8) throw bcfError('UNSUPPORTED_ZIP', name, `Mục "${name}" dùng kiểu nén ${method}; Sao chỉ đọc "stored" và "deflate".`, `The entry "${name}" uses compression method ${method}; Sao reads only stored and deflate.`);
      if (size > limits.maxEntryBytes) {
        throw bcfError('TOO_LARGE', name, `Mục "${name}" khai báo ${megabytes(size)} khi giải nén, vượt giới hạn ${megabytes(limits.maxEntryBytes)} cho một mục.`, `The entry "${name}" declares ${megabytes(size)} uncompressed, over the ${megabytes(limits.maxEntryBytes)} limit for one entry.`);
      }
      declaredTotal += size;
      if (declaredTotal > limits.maxTotalBytes) {
        throw bcfError('TOO_LARGE', name, `Tổng dung lượng giải nén vượt ${megabytes(limits.maxTotalBytes)} tại mục "${name}" (khai báo ${megabytes(declaredTotal)}).`, `The uncompressed total passes ${megabytes(limits.maxTotalBytes)} at the entry "${name}" (${megabytes(declaredTotal)} declared).`);
      }
      if (size > limits.ratioFloorBytes && size / Math.max(compressedSize, 1) > limits.maxRatio) {
        const ratio = Math.round(size / Math.max(compressedSize, 1));
        throw bcfError('TOO_LARGE', name, `Mục "${name}" nén ${ratio}:1 (${megabytes(size)} từ ${compressedSize} byte), vượt tỉ lệ ${limits.maxRatio}:1 — dấu hiệu của "zip bomb".`, `The entry "${name}" is compressed ${ratio}:1 (${megabytes(size)} from ${compressedSize} bytes), over the ${limits.maxRatio}:1 limit — the mark of a zip bomb.`);
      }
      if (method === 0 && compressedSize !== size) throw corrupt(name, 'mục không nén nhưng hai kích thước khác nhau', 'a stored entry whose two sizes differ');

      const dataStart = localDataStart(view, localHeader, name);
      if (dataStart + compressedSize > directoryStart) throw corrupt(name, 'dữ liệu vượt quá vùng dữ liệu của tệp zip', 'its data runs past the archive data');
      ranges.push([localHeader, dataStart + compressedSize, name]);
      if (!name.endsWith('/')) entries.set(name, { name, method, crc, compressedSize, size, dataStart });
    }
    checkNoOverlap(ranges);
    return new SafeZip(bytes, entries, limits);
  }

  /** File entries (folders left out), in central directory order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated within its declared size and checked against its CRC. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no zip entry ${name}`);
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const content = entry.method === 0 ? data.slice() : inflateWithin(data, entry);
    if (crc32(content) !== entry.crc) throw corrupt(name, 'mã kiểm tra CRC không khớp, dữ liệu đã hỏng', 'its CRC does not match, the data is damaged');
    return content;
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  // The record is 22 bytes plus a comment of at most 65,535 bytes, so it starts in the file's last 65,557 bytes.
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD && at + 22 + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  throw view.byteLength === 0 ? notZip('tệp rỗng', 'the file is empty') : notZip('không có bản ghi kết thúc thư mục trung tâm của zip', 'it has no zip end-of-central-directory record');
}

function localDataStart(view: DataView, offset: number, name: string): number {
  if (offset + 30 > view.byteLength || view.getUint32(offset, true) !== LOCAL) throw corrupt(name, 'không tìm thấy phần đầu của mục', 'its local header is missing');
  return offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
}

/** Entries sharing compressed bytes are how "overlapping" zip bombs multiply a small payload (Fifield 2019). */
function checkNoOverlap(ranges: [number, number, string][]): void {
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) {
    const [start, , name] = ranges[i]!;
    const [, previousEnd, previous] = ranges[i - 1]!;
    if (start < previousEnd) {
      throw bcfError('TOO_LARGE', name, `Mục "${name}" dùng chung dữ liệu với mục "${previous}" — cấu trúc của "zip bomb" chồng lấn.`, `The entry "${name}" shares its data with "${previous}" — the structure of an overlapping zip bomb.`);
    }
  }
}

function inflateWithin(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) {
      throw bcfError(
        'TOO_LARGE',
        entry.name,
        `Mục "${entry.name}" giải nén ra nhiều hơn ${entry.size} byte nó khai báo; đã dừng giải nén.`,
        `The entry "${entry.name}" inflates to more than the ${entry.size} bytes it declares; inflating was stopped.`,
      );
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += INFLATE_STEP) inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
  } catch (error) {
    if (error instanceof BcfError) throw error;
    throw corrupt(entry.name, 'dữ liệu nén không hợp lệ', 'its compressed data is not valid deflate', error);
  }
  if (written !== entry.size) throw corrupt(entry.name, `chỉ giải nén được ${written} trong ${entry.size} byte khai báo`, `it inflates to ${written} of the ${entry.size} bytes it declares`);
  return out;
}

function notZip(vi: string, en: string): BcfError {
  return bcfError('NOT_ZIP', null, `Tệp không phải tệp .bcfzip (zip) hợp lệ: ${vi}.`, `The file is not a valid .bcfzip (zip) archive: ${en}.`);
}

function corrupt(name: string, vi: string, en: string, cause?: unknown): BcfError {
  return bcfError('CORRUPT_ENTRY', name, `Mục "${name}" trong tệp zip bị hỏng: ${vi}.`, `The zip entry "${name}" is damaged: ${en}.`, cause);
}
