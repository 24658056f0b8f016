import type { LocalizedText } from '../../geo';

export type BcfErrorCode =
  /** The bytes are not a zip archive (or the archive is cut short). */
  | 'NOT_ZIP'
  /** A zip feature Sao does not read: ZIP64, encryption, a compression other than stored/deflate, split archives. */
  | 'UNSUPPORTED_ZIP'
  /** An entry name that could escape the folder it is unpacked into (`../`, `/abs`, `C:`, `\`). */
  | 'UNSAFE_PATH'
  | 'DUPLICATE_ENTRY'
  | 'TOO_MANY_ENTRIES'
  /** Over the uncompressed budget (declared or actual), or a compression ratio only a zip bomb has. */
  | 'TOO_LARGE'
  /** An entry that inflates to another size than it declares, fails its CRC, or is not valid deflate data. */
  | 'CORRUPT_ENTRY'
  | 'MISSING_VERSION'
  | 'UNSUPPORTED_VERSION'
  /** XML with a DOCTYPE: refused so no entity is ever declared or expanded. */
  | 'XML_DOCTYPE'
  | 'XML_MALFORMED'
  /** Well-formed XML that does not say what BCF requires (a missing element, a bad GUID, a number that is not). */
  | 'INVALID_CONTENT'
  /** A file the markup refers to (viewpoint, snapshot) is not in the zip. */
  | 'MISSING_ENTRY'
  /** The document cannot be written as BCF 3.0 (blank title, viewpoint without camera, non-finite number). */
  | 'INVALID_DOCUMENT';

/**
 * Why a .bcfzip was refused or a document could not be written: `code` for programs, `userMessage` for people,
 * `entry` the zip entry at fault (null when it is the archive as a whole). `message` is the English text for logs.
 */
export class BcfError extends Error {
  override readonly name = 'BcfError';

  constructor(
    readonly code: BcfErrorCode,
    readonly entry: string | null,
    readonly userMessage: LocalizedText,
    options?: { cause?: unknown },
  ) {
    super(userMessage.en, options);
  }
}

/** Shorthand for the many messages that name an entry in both languages. */
export function bcfError(code: BcfErrorCode, entry: string | null, vi: string, en: string, cause?: unknown): BcfError {
  return new BcfError(code, entry, { vi, en }, cause === undefined ? undefined : { cause });
}
