/**
 * Domain types of the geodesy module.
 *
 * Axis order: every coordinate in Sao's API is easting (or longitude) first, then northing (or latitude), then
 * height — whatever order EPSG defines for the CRS. EPSG:4326 and EPSG:4756 are (latitude, longitude) in the EPSG
 * dataset, and `cs2cs EPSG:4326 …` reads them that way; `Crs.epsgAxisOrder` records the EPSG order for display
 * and for exchange formats (WKT2, GML) that must follow it.
 */

/** x, y, z: easting or longitude, northing or latitude, height. The `result` of every per-point function. */
export type Coordinate3 = [number, number, number];

/** A user-facing text in Vietnamese (first) and English; the shape of `LocalizedText` in `src/gis/types.ts`. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** An ellipsoid of revolution with the derived constants the conversions need (names as in Karney 2011). */
export interface Ellipsoid {
  name: string;
  /** Semi-major axis, metres. */
  a: number;
  /** Flattening (a − b) / a. */
  f: number;
  /** Semi-minor axis, metres. */
  b: number;
  /** First eccentricity squared, f (2 − f). */
  e2: number;
  /** Second eccentricity squared, e² / (1 − e²). */
  ep2: number;
  /** Third flattening f / (2 − f): the small parameter of Krüger's series. */
  n: number;
}

/**
 * The 7 parameters of a Helmert transformation to WGS 84 in the Position Vector convention (EPSG method 9606),
 * in the order and units of PROJ's `+towgs84`: translations in metres, rotations in arc-seconds, scale in ppm.
 */
export interface HelmertParameters {
  tx: number;
  ty: number;
  tz: number;
  rx: number;
  ry: number;
  rz: number;
  /** Scale difference, parts per million: the factor applied is 1 + ds·10⁻⁶. */
  ds: number;
}

export interface GeodeticDatum {
  name: string;
  ellipsoid: Ellipsoid;
  /** Datum → WGS 84; absent for WGS 84 itself. */
  toWgs84?: HelmertParameters;
}

/** Transverse Mercator defining parameters, angles in degrees (EPSG method 9807). */
export interface TransverseMercatorParameters {
  centralMeridian: number;
  latitudeOfOrigin: number;
  scaleFactor: number;
  falseEasting: number;
  falseNorthing: number;
}

/** EPSG axis abbreviations. */
export type AxisAbbreviation = 'Lat' | 'Lon' | 'E' | 'N' | 'X' | 'Y' | 'Z';

interface CrsBase {
  /** Canonical form `EPSG:<number>`. */
  code: string;
  /** The EPSG name, e.g. `VN-2000 / TM-3 zone 482`. */
  name: string;
  datum: GeodeticDatum;
  /** The axis order EPSG defines. Sao's API does not follow it: see the note at the top of this file. */
  epsgAxisOrder: readonly AxisAbbreviation[];
}

/** Longitude and latitude in degrees; z, when given, is the ellipsoidal height in metres. */
export interface GeographicCrs extends CrsBase {
  kind: 'geographic';
  unit: 'degree';
}

/** Earth-centred, Earth-fixed X, Y, Z in metres. */
export interface GeocentricCrs extends CrsBase {
  kind: 'geocentric';
  unit: 'metre';
}

/** Easting and northing in metres on a Transverse Mercator grid; z is the ellipsoidal height. */
export interface ProjectedCrs extends CrsBase {
  kind: 'projected';
  unit: 'metre';
  /** Code of the geographic CRS the grid is projected from, e.g. `EPSG:4756`. */
  baseCrs: string;
  projection: TransverseMercatorParameters;
}

export type Crs = GeographicCrs | GeocentricCrs | ProjectedCrs;

/** A province (the 63 before the July 2025 merger) and the VN-2000 TM-3 zone its cadastral maps use. */
export interface Vn2000Province {
  /** As in the source table, e.g. `TP Hà Nội`, `Bắc Cạn`. */
  name: string;
  /** Degrees east. */
  centralMeridian: number;
  /** `EPSG:<number>` of the TM-3 zone. */
  crs: string;
}
