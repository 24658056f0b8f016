/**
 * Any CRS: EPSG codes beyond Sao's checked set, WKT 1 and 2, PROJ strings — for models and layers that come
 * from everywhere (a Luxembourg IFC in EPSG:9897, a German one in Gauss-Krüger EPSG:31467).
 *
 * - Sao's checked CRSs (`getCrs`: WGS 84 and its UTM zones, VN-2000 and its grids) resolve and transform with
 *   Sao's own engine, without loading anything; every other code comes from the bundled EPSG set, fetched
 *   once, on first need, from `<base>epsg/definitions.json` (Node: `setEpsgDefinitionSource(
 *   nodeEpsgDefinitionSource)` from `./nodeDefinitionSource`, which reads node_modules).
 * - The set is epsg-index with PROJ's datum shifts where the two disagree (README.md), so results match
 *   `cs2cs` on `projinfo -o PROJ EPSG:<code>`'s string; proj4 runs the projections.
 * - Where the transformation to WGS 84 falls short (a grid not bundled, no datum shift, heights on a vertical
 *   datum), `ResolvedCrs.accuracy` says so in Vietnamese and English.
 *
 * ```ts
 * const luref = await resolveCrs('EPSG:9897'); // { kind: 'projected', verticalDatum: 'Nivellement …', … }
 * const toWgs84 = await loadTransform('EPSG:9897', 'EPSG:4326');
 * const [lon, lat, h] = toWgs84(76_670.0, 76_670.0, 300);
 * ```
 */
export { resolveCrs } from './resolveCrs';
export { loadTransform } from './loadTransform';
export { EPSG_DEFINITIONS_PATH, httpEpsgDefinitionSource, loadEpsgDefinitions, setEpsgDefinitionSource } from './definitionSource';
export type {
  CrsSource,
  EpsgDefinition,
  EpsgDefinitionKind,
  EpsgDefinitionSet,
  EpsgDefinitionSource,
  ResolvedCrs,
  ResolvedCrsKind,
} from './types';
