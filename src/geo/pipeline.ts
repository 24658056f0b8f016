import { DEGREES_TO_RADIANS, RADIANS_TO_DEGREES } from './angles';
import { geocentricToGeodetic, geodeticToGeocentric } from './geocentric';
import { Helmert } from './Helmert';
import { TransverseMercator } from './TransverseMercator';
import type { Coordinate3, Crs, GeodeticDatum } from './types';

/**
 * One step of a coordinate operation. It reads x, y, z before writing `result`, so a pipeline can pass the
 * same array from step to step.
 */
export type PointOperation = (x: number, y: number, z: number, result: Coordinate3) => Coordinate3;

/**
 * CRS coordinates → geodetic λ, φ (radians) and ellipsoidal height on the CRS's own datum. A latitude beyond
 * ±90° becomes NaN, as PROJ refuses it, rather than a point folded over the pole.
 */
function toGeodetic(crs: Crs): PointOperation {
  switch (crs.kind) {
    case 'geographic':
      return (lon, lat, h, result) => {
        const onEarth = Math.abs(lat) <= 90;
        result[0] = onEarth ? lon * DEGREES_TO_RADIANS : Number.NaN;
        result[1] = onEarth ? lat * DEGREES_TO_RADIANS : Number.NaN;
        result[2] = h;
        return result;
      };
    case 'geocentric':
      return (x, y, z, result) => geocentricToGeodetic(crs.datum.ellipsoid, x, y, z, result);
    case 'projected': {
      const projection = new TransverseMercator(crs.datum.ellipsoid, crs.projection);
      return (easting, northing, h, result) => {
        result[2] = h;
        return projection.inverse(easting, northing, result);
      };
    }
  }
}

/** The inverse of `toGeodetic`. */
function fromGeodetic(crs: Crs): PointOperation {
  switch (crs.kind) {
    case 'geographic':
      return (lambda, phi, h, result) => {
        result[0] = lambda * RADIANS_TO_DEGREES;
        result[1] = phi * RADIANS_TO_DEGREES;
        result[2] = h;
        return result;
      };
    case 'geocentric':
      return (lambda, phi, h, result) => geodeticToGeocentric(crs.datum.ellipsoid, lambda, phi, h, result);
    case 'projected': {
      const projection = new TransverseMercator(crs.datum.ellipsoid, crs.projection);
      return (lambda, phi, h, result) => {
        result[2] = h;
        return projection.forward(lambda, phi, result);
      };
    }
  }
}

/**
 * Geodetic on `source` → geodetic on `target`, through geocentric coordinates and WGS 84 as the hub: the
 * source's Helmert forward, then the target's inverse — as PROJ builds `+towgs84` pipelines (cart, helmert,
 * inverse cart). Undefined when the datums are the same, so nothing is computed for nothing.
 */
function datumShift(source: GeodeticDatum, target: GeodeticDatum): PointOperation | undefined {
  if (source === target) return undefined;
  const toWgs84 = source.toWgs84 && new Helmert(source.toWgs84);
  const fromWgs84 = target.toWgs84 && new Helmert(target.toWgs84);
  return (lambda, phi, h, result) => {
    geodeticToGeocentric(source.ellipsoid, lambda, phi, h, result);
    if (toWgs84) toWgs84.forward(result[0], result[1], result[2], result);
    if (fromWgs84) fromWgs84.inverse(result[0], result[1], result[2], result);
    return geocentricToGeodetic(target.ellipsoid, result[0], result[1], result[2], result);
  };
}

/** The operation `source` → `target`, as one function over a caller's result array. */
export function createPipeline(source: Crs, target: Crs): PointOperation {
  const steps = [toGeodetic(source), datumShift(source.datum, target.datum), fromGeodetic(target)].filter(
    (step): step is PointOperation => step !== undefined,
  );
  return (x, y, z, result) => {
    result[0] = x;
    result[1] = y;
    result[2] = z;
    for (let i = 0; i < steps.length; i++) steps[i]!(result[0], result[1], result[2], result);
    return result;
  };
}
