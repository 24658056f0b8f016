/**
 * Review issues as buildingSMART BCF: a typed document of topics (types.ts), read from .bcfzip files of BCF 3.0 or
 * 2.1 and written as BCF 3.0. No DOM, no renderer: the UI, a worker and the tests share it.
 *
 * ```ts
 * const imported = readBcfZip(bytes);           // throws BcfError (code, entry, userMessage {vi, en}); never partial
 * review = mergeBcfDocuments(review, imported); // a new document; the old one is untouched
 * const zip = writeBcfZip(review);              // BCF 3.0, valid against schemas/v3.0; deterministic bytes
 * const viewpoint = viewpointFromView(view, { projectToEcef }); // app camera/selection → BCF viewpoint, and back
 * ```
 *
 * Hostile files are refused before anything is inflated when the central directory gives them away (unsafe paths,
 * too many entries, sizes over budget, zip-bomb ratios, overlapping entries) and while inflating when an entry lies
 * about its size; XML with a DOCTYPE is refused. `schemas/` holds buildingSMART's BCF 3.0 and 2.1 XSDs, unmodified
 * (© buildingSMART International, CC BY-ND 4.0; sources in schemas/README.md); the tests validate with them.
 */
export { readBcfZip } from './read/readBcfZip';
export type { BcfVersion } from './read/readVersion';
export { DEFAULT_TOPIC_STATUS, DEFAULT_TOPIC_TYPE } from './read/readMarkup';
export { writeBcfZip } from './write/writeBcfZip';
export { mergeBcfDocuments } from './mergeBcfDocuments';
export { emptyExtensions } from './extensionLists';
export { DEFAULT_READ_LIMITS } from './zip/SafeZip';
export { BcfError } from './BcfError';
export type { BcfErrorCode } from './BcfError';
export { argbHex, largerSideFieldOfView, rgbaFromHex, verticalFieldOfView, viewFromViewpoint, viewpointFromView } from './viewpoint/appView';
export type { AppView, FrameOptions, Rgba } from './viewpoint/appView';
export type * from './types';
