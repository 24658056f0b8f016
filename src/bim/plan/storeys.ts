/**
 * Ground level and storeys above ground, from IfcBuildingStorey and the geometry of what each storey holds.
 *
 * - **Ground** is the level of the ground-floor storey: the storey whose level is nearest the building's ±0.00,
 *   where IFC storey elevations start (IfcBuildingStorey.Elevation is relative to the building's ±0.00) and where
 *   drawings put the ground floor. Not the lowest point of the geometry: foundations and the underside of the
 *   ground slab lie below ground (AC20-FZK-Haus: −0.20 m) and would add their depth to the height. A model
 *   without storey levels falls back to its lowest point, and the report says so.
 * - **A storey above ground** is an IfcBuildingStorey of the building whose level is no more than 0.5 m below
 *   ground (a ground floor a few steps down still counts; a basement does not) and whose elements rise at least
 *   2.0 m above its level: a "roof" level that only holds a roof slab or parapets is not a storey.
 * - **A storey's level** is its Elevation, or the lowest point of its elements when the file states none.
 */
import type { LocalizedText } from '../../geo';
import type { IfcModelHeader, SpatialNode } from '../types';
import type { GroundLevel } from './types';

export const BELOW_GROUND_TOLERANCE_M = 0.5;
export const MIN_STOREY_RISE_M = 2.0;

export interface StoreyLevel {
  node: SpatialNode;
  /** Metres above the project's ±0.00, placed (`PlacedHeights`). */
  levelM: number;
  levelFrom: 'elevation' | 'geometry';
  /** How far its elements rise above its level, metres; null when it holds no geometry. */
  riseM: number | null;
}

export interface StoreyCount {
  groundM: number;
  groundFrom: GroundLevel;
  storeys: (StoreyLevel & { counted: boolean; reason: LocalizedText })[];
}

const fixed = (value: number): string => value.toFixed(2);

/** IfcBuildingStorey nodes under an IfcBuilding (anywhere, when the model has no IfcBuilding). */
function storeyNodes(root: SpatialNode): SpatialNode[] {
  const inBuilding: SpatialNode[] = [];
  const anywhere: SpatialNode[] = [];
  const visit = (node: SpatialNode, building: boolean): void => {
    const inside = building || node.ifcClass === 'IfcBuilding';
    if (node.ifcClass === 'IfcBuildingStorey') (inside ? inBuilding : anywhere).push(node);
    node.children.forEach((child) => visit(child, inside));
  };
  visit(root, false);
  return inBuilding.length > 0 ? inBuilding : anywhere;
}

/** The elements a storey holds, its spaces' included. */
function heldElements(node: SpatialNode): number[] {
  return [...node.elementIds, ...node.children.filter((child) => child.ifcClass !== 'IfcBuildingStorey').flatMap(heldElements)];
}

/** Heights of the placed model: metres above the project's ±0.00 along its vertical. */
export interface PlacedHeights {
  /** Lowest and highest point of those elements' geometry, or null when they have none. */
  range(ids: number[]): [number, number] | null;
  /** A project z (a storey's Elevation) placed: the same unless the map conversion scales heights. */
  ofElevation(z: number): number;
  /** The lowest point of the building. */
  lowestM: number;
}

/** Storey levels, ground, and which storeys count. */
export function countStoreys(header: IfcModelHeader, heights: PlacedHeights): StoreyCount {
  const levels: StoreyLevel[] = [];
  for (const node of storeyNodes(header.spatialTree)) {
    const range = heights.range(heldElements(node));
    const levelM = node.elevation === null ? (range?.[0] ?? null) : heights.ofElevation(node.elevation);
    if (levelM === null) continue;
    levels.push({ node, levelM, levelFrom: node.elevation === null ? 'geometry' : 'elevation', riseM: range ? range[1] - levelM : null });
  }
  const groundStorey = levels.reduce<StoreyLevel | null>((best, s) => (best === null || Math.abs(s.levelM) < Math.abs(best.levelM) ? s : best), null);
  const groundM = groundStorey?.levelM ?? heights.lowestM;
  const storeys = levels
    .sort((a, b) => a.levelM - b.levelM)
    .map((storey) => ({ ...storey, ...classify(storey, groundM) }));
  return { groundM, groundFrom: groundStorey ? 'groundFloorStorey' : 'lowestGeometry', storeys };
}

function classify({ levelM, riseM }: StoreyLevel, groundM: number): { counted: boolean; reason: LocalizedText } {
  const above = levelM - groundM;
  if (above < -BELOW_GROUND_TOLERANCE_M) {
    return {
      counted: false,
      reason: { vi: `cao độ ${fixed(above)} m so với mặt đất: tầng hầm hoặc móng`, en: `${fixed(above)} m from ground: a basement or foundation level` },
    };
  }
  if (riseM === null) return { counted: false, reason: { vi: 'không có cấu kiện nào có hình học', en: 'holds no element with geometry' } };
  if (riseM < MIN_STOREY_RISE_M) {
    return {
      counted: false,
      reason: {
        vi: `cấu kiện chỉ cao ${fixed(riseM)} m trên cao độ tầng (< ${fixed(MIN_STOREY_RISE_M)} m): tầng mái, không tính là tầng`,
        en: `its elements rise only ${fixed(riseM)} m above its level (< ${fixed(MIN_STOREY_RISE_M)} m): a roof level, not a storey`,
      },
    };
  }
  return {
    counted: true,
    reason: { vi: `trên mặt đất (${fixed(above)} m), cấu kiện cao ${fixed(riseM)} m`, en: `above ground (${fixed(above)} m), elements rise ${fixed(riseM)} m` },
  };
}
