/**
 * Messages between the review's issues panel (src/bim/review/ui/issues/bcfClient.ts) and the BCF worker, in Sao's
 * envelope `{ type, id, payload }`; `id` matches the answer to its request. One worker per file, ended once it answers.
 *
 *   app                                                   bcf worker
 *    │── read { bytes (transferred) } ────────────────────▶│ readBcfZip: safe unzip, XML, BCF 3.0 / 2.1
 *    │◀──────────── document { BcfDocument } ──────────────│ snapshot buffers transferred
 *    │── write { document } ──────────────────────────────▶│ writeBcfZip: BCF 3.0
 *    │◀──────────── zip { bytes (transferred) } ───────────│
 *    │◀── failed { name, message, code, entry, userMessage } ──│ a BcfError (hostile or invalid file), or what broke
 *
 * A review's .bcfzip carries a PNG per viewpoint: a hundred topics are tens of MB, seconds of inflating, CRCs and
 * XML that would freeze the page.
 */
import type { LocalizedText } from '../../src/geo';
import type { BcfDocument, BcfErrorCode } from '../../src/bim/bcf';

export type BcfWorkerRequest =
  | { type: 'read'; id: number; payload: { bytes: Uint8Array } }
  | { type: 'write'; id: number; payload: { document: BcfDocument } };

/** Why the worker gave no document or zip: a BcfError's code, entry and message for people, else name and message. */
export interface BcfFailurePayload {
  name: string;
  message: string;
  code: BcfErrorCode | null;
  entry: string | null;
  userMessage: LocalizedText | null;
}

export type BcfWorkerResponse =
  | { type: 'document'; id: number; payload: BcfDocument }
  | { type: 'zip'; id: number; payload: Uint8Array }
  | { type: 'failed'; id: number; payload: BcfFailurePayload };
