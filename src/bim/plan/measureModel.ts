/**
 * What the plan checks compare: height above ground, storeys above ground, footprint and gross floor area of a
 * placed model, measured on its geometry in the working plane.
 *
 * - **Footprint**: the union of the ground projections of all the building's triangles (Clipper2, within 1 mm,
 *   not a convex hull), eaves and overhangs included. Holes under 1 m² are gaps between elements and
 *   are filled; larger ones are courtyards or light wells open to the sky and stay out.
 * - **Height**: the highest point of the building above ground (storeys.ts says what ground is).
 * - **Gross floor area**: for each storey above ground, the area within the outline of the upward faces of slabs
 *   (IfcSlab) lying within 0.3 m of its level — the floor it stands on, whichever storey the slab is filed under —
 *   with holes filled: stairwells and shafts count on every floor, as gross floor areas do. A storey with no slab
 *   at its level counts with the footprint's area, and says so. Pitched roof slabs are not floors (their faces
 *   are not upward within 18°).
 */
import { PlanError } from './PlanError';
import { readBuildingGeometry } from './buildingGeometry';
import type { BuildingGeometry, PlanModel } from './buildingGeometry';
import { polygonsArea } from './planeGeometry';
import { unionOfTriangles } from './polygonClipping';
import { countStoreys } from './storeys';
import type { PlacedHeights } from './storeys';
import type { ModelMeasurements, StoreyMeasure } from './types';
import type { WorkingPlane } from './workingPlane';

export const MIN_COURTYARD_M2 = 1;
export const FLOOR_FACE_TOLERANCE_M = 0.3;

export function measureModel(model: PlanModel, plane: WorkingPlane): ModelMeasurements {
  const geometry = readBuildingGeometry(model, plane);
  if (geometry.triangleCount === 0) {
    throw new PlanError(null, { vi: 'mô hình không có hình học công trình nào để đo', en: 'the model has no building geometry to measure' }, null, { subject: 'model' });
  }
  if (geometry.groundTriangles.some(Number.isNaN)) {
    throw new PlanError(null, { vi: `mô hình nằm ngoài phạm vi đo được của ${plane.label.vi}`, en: `the model lies beyond what ${plane.label.en} can measure` }, null, { subject: 'model' });
  }
  const origin = geometry.heightAt(0);
  const heights = placedHeights(geometry, origin);
  const { groundM, groundFrom, storeys: levels } = countStoreys(model.header, heights);
  const footprint = unionOfTriangles(geometry.groundTriangles, MIN_COURTYARD_M2);
  const footprintAreaM2 = polygonsArea(footprint);
  const storeys: StoreyMeasure[] = levels.map(({ node, levelM, levelFrom, counted, reason }) => {
    const floorArea = counted ? floorPlateArea(geometry, origin + levelM) : null;
    return {
      expressId: node.expressId,
      globalId: node.globalId,
      name: node.name,
      levelM,
      levelFrom,
      counted,
      reason,
      floorAreaM2: counted ? (floorArea ?? footprintAreaM2) : null,
      floorAreaFrom: counted ? (floorArea === null ? 'footprint' : 'slabs') : null,
    };
  });
  let topM = -Infinity;
  for (const [, highest] of geometry.heightRange.values()) topM = Math.max(topM, highest - origin);
  return {
    groundM,
    groundFrom,
    lowestM: heights.lowestM,
    topM,
    heightM: topM - groundM,
    storeys,
    storeysAboveGround: storeys.filter((s) => s.counted).length,
    footprint,
    footprintAreaM2,
    grossFloorAreaM2: storeys.reduce((sum, s) => sum + (s.floorAreaM2 ?? 0), 0),
    groundEllipsoidalM: origin + groundM,
    elementCount: geometry.elementCount,
    triangleCount: geometry.triangleCount,
  };
}

/** Heights above the project's ±0.00 (`origin`: its ellipsoidal height), as storeys.ts reads them. */
function placedHeights(geometry: BuildingGeometry, origin: number): PlacedHeights {
  let lowest = Infinity;
  for (const [low] of geometry.heightRange.values()) lowest = Math.min(lowest, low);
  return {
    lowestM: lowest - origin,
    ofElevation: (z) => geometry.heightAt(z) - origin,
    range(ids) {
      let [low, high] = [Infinity, -Infinity];
      for (const id of ids) {
        const range = geometry.heightRange.get(id);
        if (range) [low, high] = [Math.min(low, range[0]), Math.max(high, range[1])];
      }
      return low <= high ? [low - origin, high - origin] : null;
    },
  };
}

/** Area of the slab tops at `level` (ellipsoidal metres), holes filled; null when no slab top lies there. */
function floorPlateArea({ slabTopTriangles, slabTopHeights }: BuildingGeometry, level: number): number | null {
  const selected = slabTopTriangles.filter((_, i) => Math.abs(slabTopHeights[Math.floor(i / 6)]! - level) <= FLOOR_FACE_TOLERANCE_M);
  return selected.length === 0 ? null : polygonsArea(unionOfTriangles(selected, Infinity));
}
