import type { LocalizedText } from './types';

export type CrsErrorCode =
  | 'INVALID_CRS_CODE'
  | 'UNKNOWN_CRS'
  | 'INVALID_TOWGS84'
  | 'INVALID_COORDINATE_ARRAY'
  | 'INVALID_CRS_DEFINITION'
  | 'UNPARSABLE_WKT'
  | 'UNSUPPORTED_PROJECTION'
  | 'UNSUPPORTED_CRS_KIND'
  | 'EPSG_SET_UNAVAILABLE';

/**
 * A failure of the geodesy module that a user can act on: `code` is for programs, `userMessage` for people.
 * `message` is the English text, so logs and uncaught errors stay readable.
 */
export class CrsError extends Error {
  override readonly name = 'CrsError';
  readonly code: CrsErrorCode;
  readonly userMessage: LocalizedText;

  constructor(code: CrsErrorCode, userMessage: LocalizedText, options?: { cause?: unknown }) {
    super(userMessage.en, options);
    this.code = code;
    this.userMessage = userMessage;
  }
}
