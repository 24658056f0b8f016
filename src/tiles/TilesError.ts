import type { LocalizedText } from '../geo';

/**
 * Why a model could not become 3D Tiles, as the planner should hear it. `code` is for programs (the CLI's exit
 * status, the app's message), `userMessage` for people; `message` is the English text so logs stay readable
 * (the shape of `IfcLoadError` and `CrsError`).
 */
export type TilesErrorCode =
  /** The file states no georeferencing that places it, and no placement by hand was given. */
  | 'NOT_GEOREFERENCED'
  /** The model has no geometry to tile. */
  | 'NO_GEOMETRY'
  /** An option is out of range (a triangle budget below 1, a placement off the Earth). */
  | 'BAD_OPTION'
  /** A glTF or property table would break the format: a bug in the caller, never the user's file. */
  | 'INVALID_CONTENT';

export class TilesError extends Error {
  override readonly name = 'TilesError';
  readonly code: TilesErrorCode;
  readonly userMessage: LocalizedText;

  constructor(code: TilesErrorCode, userMessage: LocalizedText, options?: { cause?: unknown }) {
    super(userMessage.en, options);
    this.code = code;
    this.userMessage = userMessage;
  }
}
