/** Earth-centred frames for placing a model: ECEF points and the local east/north/up basis on WGS 84. */
import { WGS84_ELLIPSOID, geodeticToGeocentric } from '../../geo';
import type { Coordinate3 } from '../../geo';

const RADIANS = Math.PI / 180;

/** ECEF metres of a WGS 84 longitude, latitude (degrees) and ellipsoidal height (metres). */
export function ecefOf(lon: number, lat: number, height: number): Coordinate3 {
  return geodeticToGeocentric(WGS84_ELLIPSOID, lon * RADIANS, lat * RADIANS, height, [0, 0, 0]);
}

export interface EnuBasis {
  east: Coordinate3;
  north: Coordinate3;
  /** The ellipsoid normal. */
  up: Coordinate3;
}

export function enuBasis(lon: number, lat: number): EnuBasis {
  const [sinL, cosL, sinP, cosP] = [Math.sin(lon * RADIANS), Math.cos(lon * RADIANS), Math.sin(lat * RADIANS), Math.cos(lat * RADIANS)];
  return {
    east: [-sinL, cosL, 0],
    north: [-sinP * cosL, -sinP * sinL, cosP],
    up: [cosP * cosL, cosP * sinL, sinP],
  };
}

/** A column-major 4×4 with the given images of the x, y, z axes and of the point 0. */
export function affineMatrix(x: Coordinate3, y: Coordinate3, z: Coordinate3, origin: Coordinate3): number[] {
  return [...x, 0, ...y, 0, ...z, 0, ...origin, 1];
}

/** Local east/north components of an ECEF vector, as a clockwise angle from north in degrees. */
export function headingOf(vector: Coordinate3, basis: EnuBasis): number {
  const east = dot(vector, basis.east);
  const north = dot(vector, basis.north);
  return (Math.atan2(east, north) * 180) / Math.PI;
}

export function dot(a: Coordinate3, b: Coordinate3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** A frame rotated `headingDegrees` clockwise from north, at `origin`: project x, y, z → ECEF (metres). */
export function headingFrame(lon: number, lat: number, headingDegrees: number): number[] {
  const basis = enuBasis(lon, lat);
  const h = headingDegrees * RADIANS;
  const combine = (e: number, n: number): Coordinate3 => [
    e * basis.east[0] + n * basis.north[0],
    e * basis.east[1] + n * basis.north[1],
    e * basis.east[2] + n * basis.north[2],
  ];
  // Project +y points `heading` clockwise from north; +x is 90° further clockwise.
  return affineMatrix(combine(Math.cos(h), -Math.sin(h)), combine(Math.sin(h), Math.cos(h)), basis.up, ecefOf(lon, lat, 0));
}
