/**
 * The plane in which footprints, distances and areas are measured. For Vietnamese parcels it is the cadastral
 * grid, VN-2000 TM-3 (Hà Nội: EPSG:5897, declared by the plan as `gridCrs`): parcel areas there are the areas the
 * land register states, grid scale (≈ 0.99998 at the demo district) included. A plan in another projected CRS is
 * measured in that CRS; a WGS 84 plan that names no grid, on a plane tangent to the ellipsoid at the model, where
 * a 1 km building is true to 0.1 mm.
 *
 * Plane coordinates are metres from an origin at the model (rounded to the metre), so polygon clipping keeps
 * millimetres (polygonClipping.ts).
 */
import { CrsError, WGS84_ELLIPSOID, geocentricToGeodetic, loadTransform, resolveCrs } from '../../geo';
import type { Coordinate3, LocalizedText, PointTransform } from '../../geo';
import { dot, ecefOf, enuBasis } from '../georef/ecefFrame';
import { PlanError } from './PlanError';
import type { PlaneXY, ZoningPlan } from './types';

const WGS84 = 'EPSG:4326';
const DEGREES = 180 / Math.PI;

export interface WorkingPlane {
  /** The grid's EPSG code; null for the tangent plane. */
  crs: string | null;
  label: LocalizedText;
  /** WGS 84 longitude, latitude (degrees) → plane metres. NaN where the grid cannot reach. */
  fromWgs84(lon: number, lat: number): PlaneXY;
  /** Plane metres → WGS 84 longitude, latitude. */
  toWgs84(x: number, y: number): [number, number];
  /** A position in the plan's CRS → plane metres. */
  fromPlan(x: number, y: number): PlaneXY;
}

/** Turns a CRS the geodesy module cannot use into an error that names the plan's field. */
async function transform(from: string, to: string, field: string): Promise<PointTransform> {
  try {
    return await loadTransform(from, to);
  } catch (error) {
    if (error instanceof CrsError) throw new PlanError(field, error.userMessage, null, { cause: error });
    throw error;
  }
}

async function projectedGridOf(plan: ZoningPlan): Promise<{ code: string; unitMetres: number } | null> {
  const field = plan.gridCrs ? 'gridCrs' : 'crs';
  const code = plan.gridCrs ?? plan.crs;
  let resolved;
  try {
    resolved = await resolveCrs(code);
  } catch (error) {
    if (error instanceof CrsError) throw new PlanError(field, error.userMessage, null, { cause: error });
    throw error;
  }
  if (resolved.kind === 'projected') return { code, unitMetres: resolved.linearUnitMetres ?? 1 };
  if (plan.gridCrs) throw new PlanError('gridCrs', { vi: `${code} không phải lưới chiếu phẳng`, en: `${code} is not a projected grid` });
  return null;
}

/** The plan's working plane, its origin at `anchor` (WGS 84 longitude, latitude of the model). */
export async function createWorkingPlane(plan: ZoningPlan, anchor: [number, number]): Promise<WorkingPlane> {
  const grid = await projectedGridOf(plan);
  const planToWgs84 = plan.crs === WGS84 ? null : await transform(plan.crs, WGS84, 'crs');
  if (grid === null) return tangentPlane(anchor, planToWgs84);
  const [toGrid, fromGrid] = [await transform(WGS84, grid.code, 'gridCrs'), await transform(grid.code, WGS84, 'gridCrs')];
  const planToGrid = plan.crs === grid.code ? null : await transform(plan.crs, grid.code, 'crs');
  const scratch: Coordinate3 = [0, 0, 0];
  const [originX, originY] = toGrid(anchor[0], anchor[1], 0).map(Math.round) as [number, number];
  const k = grid.unitMetres;
  return {
    crs: grid.code,
    label: { vi: `lưới ${grid.code}`, en: `the ${grid.code} grid` },
    fromWgs84(lon, lat) {
      const [x, y] = toGrid(lon, lat, 0, scratch);
      return [(x - originX) * k, (y - originY) * k];
    },
    toWgs84(x, y) {
      const [lon, lat] = fromGrid(x / k + originX, y / k + originY, 0, scratch);
      return [lon, lat];
    },
    fromPlan(x, y) {
      if (planToGrid === null) return [(x - originX) * k, (y - originY) * k];
      const [gx, gy] = planToGrid(x, y, 0, scratch);
      return [(gx - originX) * k, (gy - originY) * k];
    },
  };
}

/** East, north metres on the plane tangent to WGS 84 at `anchor` (an orthographic projection of the ellipsoid). */
function tangentPlane([anchorLon, anchorLat]: [number, number], planToWgs84: PointTransform | null): WorkingPlane {
  const origin = ecefOf(anchorLon, anchorLat, 0);
  const basis = enuBasis(anchorLon, anchorLat);
  const scratch: Coordinate3 = [0, 0, 0];
  const fromWgs84 = (lon: number, lat: number): PlaneXY => {
    const [x, y, z] = ecefOf(lon, lat, 0);
    const offset: Coordinate3 = [x - origin[0], y - origin[1], z - origin[2]];
    return [dot(offset, basis.east), dot(offset, basis.north)];
  };
  return {
    crs: null,
    label: {
      vi: `mặt phẳng tiếp xúc ellipsoid tại (${anchorLat.toFixed(6)}, ${anchorLon.toFixed(6)})`,
      en: `the plane tangent to the ellipsoid at (${anchorLat.toFixed(6)}, ${anchorLon.toFixed(6)})`,
    },
    fromWgs84,
    toWgs84(e, n) {
      const point = [0, 1, 2].map((i) => origin[i]! + e * basis.east[i]! + n * basis.north[i]!) as Coordinate3;
      const [lambda, phi] = geocentricToGeodetic(WGS84_ELLIPSOID, point[0], point[1], point[2], scratch);
      return [lambda * DEGREES, phi * DEGREES];
    },
    fromPlan(x, y) {
      if (planToWgs84 === null) return fromWgs84(x, y);
      const [lon, lat] = planToWgs84(x, y, 0, scratch);
      return fromWgs84(lon, lat);
    },
  };
}
