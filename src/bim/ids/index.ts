/**
 * Sao's IDS 1.0 checker (buildingSMART Information Delivery Specification): read an IDS file, check an open
 * web-ifc model against it. No DOM, no worker code: the IFC worker (`checkIds` message), the CLI
 * (`npm run ids`) and the tests share it.
 *
 * ```ts
 * const document = readIds(xml);                 // throws IdsError: NOT_XML / SCHEMA_INVALID, with the line
 * const report = checkIds(api, modelId, document); // per specification: status, applicable count, failures
 * ```
 *
 * `read/ids.xsd` is buildingSMART's IDS 1.0 schema, unmodified (© buildingSMART International, CC BY-ND 4.0);
 * `read/idsSchema.ts` states the same rules as data and validates against them.
 */
export { readIds, IdsError } from './read/readIds';
export { checkIds } from './checkIds';
export { openIfcModel } from './openModel';
export { compileXsdPattern, XsdPatternError } from './values/xsdPattern';
export type * from './types';
