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
 * const [lon, lat, h] = toWgs84(76_670, 77_179, 293.7); // the Duplex sample's origin: 6.1220°E, 49.6292°N
 * ```
 */
import { createTransform } from '../createTransform';
import type { PointTransform } from '../createTransform';
import type { Crs } from '../types';
import { builtInCrs, builtInEngine, epsgCodeNumber } from './crsEngine';
import type { ResolvedCrs } from './types';

// proj4, the WKT reader and the rest load with the first CRS outside Sao's checked set, not with the app.

function checkedCrs(definition: string): Crs | undefined {
  const code = epsgCodeNumber(definition);
  return code === undefined ? undefined : builtInCrs(code);
}

/**
 * What a CRS definition means: an EPSG code (`EPSG:2169`, case-insensitive; OGC URN and URL forms too), a WKT
 * (1 or 2) or a PROJ string. Sao's checked CRSs resolve without loading anything; any other EPSG code loads
 * the bundled set once. Throws `CrsError`: `UNKNOWN_CRS`, `UNPARSABLE_WKT`, `UNSUPPORTED_PROJECTION`,
 * `UNSUPPORTED_CRS_KIND`, `INVALID_CRS_DEFINITION`, `EPSG_SET_UNAVAILABLE`.
 */
export async function resolveCrs(definition: string): Promise<ResolvedCrs> {
  const checked = checkedCrs(definition);
  if (checked) return builtInEngine(checked).crs;
  const { resolveEngine } = await import('./resolveCrs');
  return (await resolveEngine(definition)).crs;
}

/**
 * The transformation between any two CRS definitions (see `resolveCrs`), with `createTransform`'s signature:
 * easting or longitude first, degrees, heights in metres, x, y in each CRS's own unit. Between two of Sao's
 * checked CRSs it is `createTransform` itself; otherwise the source goes to WGS 84 geographic and on to the
 * target, each side by Sao's engine or by proj4 with the resolved definition (as PROJ joins two `+towgs84`
 * CRSs through WGS 84). Heights go through the datum shifts like `cs2cs --3d`. Throws as `resolveCrs`.
 */
export async function loadTransform(from: string, to: string): Promise<PointTransform> {
  const [source, target] = [checkedCrs(from), checkedCrs(to)];
  if (source && target) return createTransform(source.code, target.code);
  return (await import('./loadTransform')).loadTransform(from, to);
}

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
