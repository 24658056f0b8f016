import type { LocalizedText } from '../../geo';
import type { IfcLoadErrorCode, IfcLoadFailure } from '../types';

/**
 * Why a file could not be read, as the planner should hear it: `code` is for programs, `userMessage` names what
 * is wrong with the file ("it ends in the middle of entity #1234"). `message` is the English text, so logs and
 * uncaught errors stay readable (the shape of `CrsError`).
 */
export class IfcLoadError extends Error {
  override readonly name = 'IfcLoadError';
  readonly code: IfcLoadErrorCode;
  readonly userMessage: LocalizedText;

  constructor(code: IfcLoadErrorCode, userMessage: LocalizedText, options?: { cause?: unknown }) {
    super(userMessage.en, options);
    this.code = code;
    this.userMessage = userMessage;
  }

  /** The failure as the worker posts it and the store keeps it. */
  toFailure(): IfcLoadFailure {
    return { code: this.code, message: this.userMessage };
  }
}

/**
 * Any thrown value as a failure: an `IfcLoadError` keeps its code; anything else (web-ifc aborting, the wasm not
 * loading) becomes `fallback` with the error's own text.
 */
export function toLoadFailure(error: unknown, fallback: IfcLoadErrorCode): IfcLoadFailure {
  if (error instanceof IfcLoadError) return error.toFailure();
  const detail = error instanceof Error ? error.message : String(error);
  const message =
    fallback === 'WORKER_CRASHED'
      ? { vi: `Không khởi động được web-ifc: ${detail}`, en: `web-ifc could not start: ${detail}` }
      : { vi: `web-ifc không đọc được tệp: ${detail}`, en: `web-ifc could not read the file: ${detail}` };
  return { code: fallback, message };
}
