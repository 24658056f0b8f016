/**
 * Local East-North-Up frames on the WGS 84 ellipsoid for the builders: geodetic → ENU through ECEF (EPSG Guidance
 * Note 7-2, geocentric/topocentric conversion, method 9836), using the project's geodetic → geocentric conversion.
 * Angles in degrees at this API, metres everywhere.
 */
import { geodeticToGeocentric, WGS84_ELLIPSOID } from '../../src/geo';

export type Vec3 = readonly [number, number, number];

const DEG = Math.PI / 180;

/** Geodetic longitude, latitude (degrees) and ellipsoidal height (m) to Earth-centred, Earth-fixed metres. */
export function geodeticToEcef(lonDeg: number, latDeg: number, height = 0): Vec3 {
  return geodeticToGeocentric(WGS84_ELLIPSOID, lonDeg * DEG, latDeg * DEG, height, [0, 0, 0]);
}

/** A local tangent frame: origin on the ellipsoid and its east, north and up unit vectors in ECEF. */
export interface EnuFrame {
  origin: Vec3;
  east: Vec3;
  north: Vec3;
  up: Vec3;
}

export function enuFrameAt(lonDeg: number, latDeg: number, height = 0): EnuFrame {
  const lon = lonDeg * DEG;
  const lat = latDeg * DEG;
  const [sinLon, cosLon, sinLat, cosLat] = [Math.sin(lon), Math.cos(lon), Math.sin(lat), Math.cos(lat)];
  return {
    origin: geodeticToEcef(lonDeg, latDeg, height),
    east: [-sinLon, cosLon, 0],
    north: [-sinLat * cosLon, -sinLat * sinLon, cosLat],
    up: [cosLat * cosLon, cosLat * sinLon, sinLat],
  };
}

/** ECEF point to the frame's east, north, up coordinates (metres). */
export function ecefToEnu(frame: EnuFrame, point: Vec3): Vec3 {
  const d: Vec3 = [point[0] - frame.origin[0], point[1] - frame.origin[1], point[2] - frame.origin[2]];
  return [dot(frame.east, d), dot(frame.north, d), dot(frame.up, d)];
}

/** Geodetic position to the frame's ENU coordinates, exactly (through ECEF, so the Earth's curvature is kept). */
export function geodeticToEnu(frame: EnuFrame, lonDeg: number, latDeg: number, height = 0): Vec3 {
  return ecefToEnu(frame, geodeticToEcef(lonDeg, latDeg, height));
}

/** The 4×4 ENU → ECEF matrix, column-major (as 3D Tiles `transform` and Cesium's Matrix4 store it). */
export function enuToEcefMatrix(frame: EnuFrame): number[] {
  const { east, north, up, origin } = frame;
  return [...east, 0, ...north, 0, ...up, 0, ...origin, 1];
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
