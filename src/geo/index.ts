/**
 * Sao's geodesy: WGS 84 ⇄ VN-2000 and the Vietnamese grids, pure TypeScript, no DOM, no dependencies.
 *
 * - Coordinates are always easting/longitude first, then northing/latitude, then ellipsoidal height in metres,
 *   whatever axis order EPSG defines (EPSG:4326 and EPSG:4756 are latitude-first in EPSG; `Crs.epsgAxisOrder`
 *   keeps that order for exchange formats). Angles are degrees, except in the radian kernels below.
 * - VN-2000 ⇄ WGS 84 is EPSG:6960 as PROJ applies it (Position Vector `+towgs84`, see `VN2000_TO_WGS84`), and
 *   the grids are PROJ's default Transverse Mercator: results match `cs2cs --3d` to well under a millimetre
 *   (tests/unit/geo, fixtures from scripts/gen-crs-fixtures.sh).
 * - Failures a user can act on are `CrsError`s with a Vietnamese and English message; unknown CRS codes throw,
 *   points outside a projection's reach become NaN.
 *
 * ```ts
 * const toHanoiGrid = createTransform('EPSG:4326', HANOI_TM3_CRS);
 * const [e, n, h] = toHanoiGrid(105.8523, 21.0285, 10);
 * ```
 */

export type {
  AxisAbbreviation,
  Coordinate3,
  Crs,
  Ellipsoid,
  GeocentricCrs,
  GeodeticDatum,
  GeographicCrs,
  HelmertParameters,
  LocalizedText,
  ProjectedCrs,
  TransverseMercatorParameters,
  Vn2000Province,
} from './types';
export { CrsError } from './CrsError';
export type { CrsErrorCode } from './CrsError';

/** `getCrs(code)`: the CRS a code names, case-insensitively; throws `CrsError`. `listCrs()`: those a picker offers. */
export { getCrs, listCrs } from './crsRegistry';

/**
 * `createTransform(from, to)(x, y, z?, result?)` transforms one point; `createArrayTransform(from, to)(xyz,
 * result?)` transforms interleaved triples in a Float64Array and allocates nothing per point.
 */
export { createArrayTransform, createTransform } from './createTransform';
export type { ArrayTransform, PointTransform } from './createTransform';

/** The VN-2000 → WGS 84 parameters, EPSG:6960 in PROJ's `+towgs84` form (read datums.ts for the sign trap). */
export { VN2000_TO_WGS84 } from './datums';

/** Geodetic (radians, metres) ⇄ Earth-centred Earth-fixed metres, on any ellipsoid. */
export { WGS84_ELLIPSOID } from './ellipsoid';
export { geocentricToGeodetic, geodeticToGeocentric } from './geocentric';

/** The 63 provinces (before July 2025) → TM-3 zone, tolerant of diacritics and "TP"/"Tỉnh" prefixes. */
export { HANOI_TM3_CRS, tm3ZoneForProvince } from './tm3ZoneForProvince';
export { VN2000_PROVINCES } from './vn2000Provinces';

/**
 * Any CRS (EPSG code, WKT, PROJ string), asynchronously: `resolveCrs(definition)` says what it is,
 * `loadTransform(from, to)` gives a `PointTransform`. Sao's checked CRSs keep Sao's engine; other EPSG codes
 * load the bundled EPSG set on first use (in Node, first `setEpsgDefinitionSource(nodeEpsgDefinitionSource)`
 * from `src/geo/epsg/nodeDefinitionSource`). See src/geo/epsg/index.ts.
 */
export * from './epsg/index';

/** Status-bar text: `formatLonLat`, `formatProjected`, `formatDms`; locale-neutral numbers. */
export { formatDms, formatLonLat, formatProjected } from './format';
