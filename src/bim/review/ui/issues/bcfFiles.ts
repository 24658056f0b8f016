/** The review's issues as a downloaded .bcfzip (BCF 3.0), and a picked .bcfzip (3.0 or 2.1) read back. */
import { readBcfZip, writeBcfZip } from '../../../bcf';
import type { BcfDocument } from '../../../bcf/types';
import { submissionReference } from '../../../../state/reviewStore';

/** `HS-1A2B3C4D-van-de.bcfzip`: the submission's reference, so files of several reviews do not mix. */
export const issuesFileName = (submissionId: string): string => `${submissionReference(submissionId)}-van-de.bcfzip`;

/** Writes the document (throws BcfError INVALID_DOCUMENT when BCF 3.0 cannot hold it) and starts the download. */
export function downloadBcfZip(document: BcfDocument, fileName: string): void {
  const bytes = writeBcfZip(document);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const link = window.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Throws BcfError (not a zip, unsafe path, zip bomb, DOCTYPE, …) with a message for the planner; never partial. */
export async function readBcfFile(file: File): Promise<BcfDocument> {
  return readBcfZip(new Uint8Array(await file.arrayBuffer()));
}
