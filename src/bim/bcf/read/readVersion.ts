import { bcfError } from '../BcfError';
import type { SafeZip } from '../zip/SafeZip';
import { EntryReader } from '../xml/EntryReader';

/** The BCF versions Sao reads; it writes 3.0 only. */
export type BcfVersion = '2.1' | '3.0';

export const VERSION_ENTRY = 'bcf.version';

/** bcf.version's VersionId; "3.0.0"-style ids some tools write are read as their major.minor. */
export function readVersion(zip: SafeZip): BcfVersion {
  if (!zip.has(VERSION_ENTRY)) {
    throw bcfError(
      'MISSING_VERSION',
      VERSION_ENTRY,
      'Tệp zip không có "bcf.version" ở thư mục gốc, nên không phải tệp BCF (hoặc đã bị nén lại sai thư mục).',
      'The zip has no "bcf.version" at its root, so it is not a BCF file (or it was re-zipped one folder too deep).',
    );
  }
  const reader = EntryReader.open(zip, VERSION_ENTRY);
  const version = reader.expectRoot('Version');
  const id = reader.requiredAttribute(version, 'VersionId').trim();
  const major = /^(2\.1|3\.0)(\.\d+)?$/.exec(id)?.[1];
  if (!major) {
    throw bcfError(
      'UNSUPPORTED_VERSION',
      VERSION_ENTRY,
      `"${VERSION_ENTRY}" ghi phiên bản BCF "${id}"; Sao đọc BCF 2.1 và 3.0.`,
      `"${VERSION_ENTRY}" gives BCF version "${id}"; Sao reads BCF 2.1 and 3.0.`,
    );
  }
  return major as BcfVersion;
}
