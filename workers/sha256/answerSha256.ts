import { sha256Digest } from '../../src/bim/review/sha256';
import type { Sha256WorkerRequest, Sha256WorkerResponse } from './protocol';

/** The worker's answer to one request: the file's SHA-256, or why it could not be read. */
export async function answerSha256({ id, payload }: Sha256WorkerRequest): Promise<Sha256WorkerResponse> {
  try {
    return { type: 'hashed', id, payload: { sha256: await sha256Digest(await payload.file.arrayBuffer()) } };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    return { type: 'failed', id, payload: { name, message } };
  }
}
