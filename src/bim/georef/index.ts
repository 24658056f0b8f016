/**
 * Where an IFC model stands on Earth: `resolvePlacement` (what the file states → WGS 84 / ECEF, through the
 * geodesy module) and a placement made by hand. Reading what the file states (`readGeoreference`, web-ifc) is
 * part of the IFC kernel, src/bim/ifc.
 */
export { resolvePlacement, UNPLACED_LON_LAT } from './resolvePlacement';
export type { ResolvePlacementOptions } from './resolvePlacement';
export { manualPlacement } from './manualPlacement';
export type { ManualPlacementInput } from './manualPlacement';
export { normaliseEpsgCode } from './normaliseEpsgCode';
