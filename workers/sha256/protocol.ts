/**
 * Messages between the review (src/bim/review/hashFile.ts) and the SHA-256 worker, in Sao's envelope
 * `{ type, id, payload }`; `id` matches the answer to its request. One worker per file, ended once it answers.
 *
 *   app                                        sha256 worker
 *    │── hash { file: Blob } ──────────────────▶│ reads the file itself and digests it (sha256Digest)
 *    │◀──────────── hashed { sha256 } ──────────│
 *    │◀──────── failed { name, message } ───────│ the file could not be read (changed on disk), or what broke
 *
 * A Blob crosses by reference: a submission of hundreds of MB is read into the worker's memory, never the page's.
 */
export type Sha256WorkerRequest = { type: 'hash'; id: number; payload: { file: Blob } };

export type Sha256WorkerResponse =
  | { type: 'hashed'; id: number; payload: { sha256: string } }
  | { type: 'failed'; id: number; payload: { name: string; message: string } };
