import { CrsError } from './CrsError';
import { getCrs } from './crsRegistry';
import { createPipeline } from './pipeline';
import type { Coordinate3 } from './types';

/**
 * Transforms one point: x, y in the source CRS (easting or longitude first), z the ellipsoidal height in metres
 * (0 when omitted). Pass `result` in hot loops, as in CesiumJS: it is written and returned, and nothing is
 * allocated; without it a new array is returned.
 */
export type PointTransform = (x: number, y: number, z?: number, result?: Coordinate3) => Coordinate3;

/** Transforms interleaved x, y, z triples into `result` (the input itself when omitted) and returns it. */
export type ArrayTransform = (coordinates: Float64Array, result?: Float64Array) => Float64Array;

/**
 * The transformation between two CRSs given by code (see `getCrs`). VN-2000 ⇄ WGS 84 is the 3D Helmert of
 * EPSG:6960 through geocentric coordinates, so z changes too (about +25 m at Hà Nội), like `cs2cs --3d`;
 * plain `cs2cs` on these 2D CRSs would carry z through unchanged. Points a projection cannot reach become NaN.
 */
export function createTransform(from: string, to: string): PointTransform {
  const pipeline = createPipeline(getCrs(from), getCrs(to));
  return (x, y, z = 0, result = [0, 0, 0]) => pipeline(x, y, z, result);
}

/** `createTransform` over a Float64Array of interleaved x, y, z, in place unless `result` is given. */
export function createArrayTransform(from: string, to: string): ArrayTransform {
  const pipeline = createPipeline(getCrs(from), getCrs(to));
  const scratch: Coordinate3 = [0, 0, 0];
  return (coordinates, result = coordinates) => {
    if (coordinates.length % 3 !== 0 || result.length !== coordinates.length) {
      const lengths = `${coordinates.length}, ${result.length}`;
      throw new CrsError('INVALID_COORDINATE_ARRAY', {
        vi: `Mảng tọa độ và mảng kết quả phải gồm cùng số bộ x, y, z liên tiếp (độ dài ${lengths}).`,
        en: `Coordinates and result must hold the same whole number of x, y, z triples (lengths ${lengths}).`,
      });
    }
    for (let i = 0; i < coordinates.length; i += 3) {
      pipeline(coordinates[i]!, coordinates[i + 1]!, coordinates[i + 2]!, scratch);
      result[i] = scratch[0];
      result[i + 1] = scratch[1];
      result[i + 2] = scratch[2];
    }
    return result;
  };
}
