/**
 * The building's geometry in the working plane: one pass over the model's triangles, after placement, keeping
 * what the plan checks need — every triangle's ground projection (the footprint), the upward faces of slabs
 * (the floor plates), and each element's lowest and highest point.
 *
 * Each vertex goes project metres → ECEF (`ModelPlacement.projectToEcef`) → WGS 84 longitude, latitude and
 * ellipsoidal height → the working plane. So any placement works (a map conversion to any CRS, IfcSite, by
 * hand), "vertical" is the ellipsoid normal at the vertex, and the plane is the parcel's.
 *
 * The building is what IfcBuilding holds: elements contained in an IfcBuilding, its storeys or their spaces.
 * The site's own geometry (terrain) and what stands on the site outside the building (landscaping, a fence)
 * are not the building; a model without IfcBuilding is taken whole. Never counted: spaces (air), openings
 * (holes; the IFC reader leaves them out already) and elements that are not built (annotations, grids, virtual
 * elements, geographic elements such as terrain and trees).
 */
import { WGS84_ELLIPSOID, geocentricToGeodetic } from '../../geo';
import type { Coordinate3 } from '../../geo';
import type { IfcGeometryChunk, IfcModelHeader, ModelPlacement, SpatialNode } from '../types';
import type { WorkingPlane } from './workingPlane';

const DEGREES = 180 / Math.PI;
const NOT_BUILT = new Set(['IfcAnnotation', 'IfcGrid', 'IfcVirtualElement', 'IfcGeographicElement']);
/** A face is a floor's top when its normal is within ~18° of up (cos 18° ≈ 0.95): ramps and pitched roofs are not. */
const UPWARD = 0.95;

/** The arrays of a geometry chunk the checks read (the plan worker is posted copies of these alone). */
export type PlanChunk = Pick<IfcGeometryChunk, 'positions' | 'normals' | 'indices' | 'elementRanges'>;

/** What `measureModel` needs of a loaded model: the header, its chunks (`LoadedIfcModel`) and its placement. */
export interface PlanModel {
  header: IfcModelHeader;
  chunks: readonly PlanChunk[];
  placement: ModelPlacement;
}

export interface BuildingGeometry {
  /** x0, y0, x1, y1, x2, y2 per triangle, plane metres. */
  groundTriangles: Float64Array;
  /** Upward slab faces: the same layout, and each triangle's mean height (ellipsoidal metres). */
  slabTopTriangles: Float64Array;
  slabTopHeights: Float64Array;
  /** expressId → [lowest, highest] ellipsoidal height of its vertices. */
  heightRange: Map<number, [number, number]>;
  elementCount: number;
  triangleCount: number;
  /** Ellipsoidal height of the project point (anchor x, anchor y, z): the model's vertical, placed. */
  heightAt(z: number): number;
}

/** The expressIds of the building's elements (see the file comment). */
export function buildingElementIds(header: IfcModelHeader): Set<number> {
  const held = new Set<number>();
  const collect = (node: SpatialNode, inBuilding: boolean): void => {
    const inside = inBuilding || node.ifcClass === 'IfcBuilding';
    if (inside) for (const id of node.elementIds) held.add(id);
    for (const child of node.children) collect(child, inside);
  };
  collect(header.spatialTree, false);
  const built = header.elements.filter((element) => !NOT_BUILT.has(element.ifcClass));
  const inBuilding = built.filter((element) => held.has(element.expressId));
  return new Set((inBuilding.length > 0 ? inBuilding : built).map((element) => element.expressId));
}

/** Growable Float64Array: the triangle count is known only after filtering. */
class Floats {
  private data = new Float64Array(6 * 1024);
  length = 0;

  /** Appends `count` values of `from`, starting at `at`. */
  append(from: Float64Array, at: number, count: number): void {
    if (this.length + count > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(from.subarray(at, at + count), this.length);
    this.length += count;
  }

  result(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

export function readBuildingGeometry({ header, chunks, placement }: PlanModel, plane: WorkingPlane): BuildingGeometry {
  const building = buildingElementIds(header);
  const slabs = new Set(header.elements.filter((e) => e.ifcClass.startsWith('IfcSlab')).map((e) => e.expressId));
  const m = placement.projectToEcef;
  const [ox, oy, oz] = header.geometryOffset;
  const scratch: Coordinate3 = [0, 0, 0];
  /** Project point → plane x, y and ellipsoidal height, written into `out` at `at`. */
  const place = (x: number, y: number, z: number, out: Float64Array, at: number): void => {
    const ex = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
    const ey = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
    const ez = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
    const [lambda, phi, h] = geocentricToGeodetic(WGS84_ELLIPSOID, ex, ey, ez, scratch);
    const [px, py] = plane.fromWgs84(lambda * DEGREES, phi * DEGREES);
    out[at] = px;
    out[at + 1] = py;
    out[at + 2] = h;
  };

  const ground = new Floats();
  const slabTops = new Floats();
  const slabHeights = new Floats();
  const heightRange = new Map<number, [number, number]>();
  const corners = new Float64Array(6);
  const meanHeight = new Float64Array(1);
  let triangleCount = 0;
  for (const chunk of chunks) {
    const { positions, normals, indices, elementRanges } = chunk;
    const placed = new Float64Array(positions.length);
    const done = new Uint8Array(positions.length / 3);
    const vertex = (v: number): number => {
      if (!done[v]) {
        place(positions[3 * v]! + ox, positions[3 * v + 1]! + oy, positions[3 * v + 2]! + oz, placed, 3 * v);
        done[v] = 1;
      }
      return 3 * v;
    };
    for (let r = 0; r < elementRanges.length; r += 3) {
      const id = elementRanges[r]!;
      if (!building.has(id)) continue;
      const [first, count] = [elementRanges[r + 1]!, elementRanges[r + 2]!];
      const range = heightRange.get(id) ?? [Infinity, -Infinity];
      heightRange.set(id, range);
      const isSlab = slabs.has(id);
      for (let i = first; i < first + count; i += 3) {
        const [a, b, c] = [vertex(indices[i]!), vertex(indices[i + 1]!), vertex(indices[i + 2]!)];
        const [ha, hb, hc] = [placed[a + 2]!, placed[b + 2]!, placed[c + 2]!];
        range[0] = Math.min(range[0], ha, hb, hc);
        range[1] = Math.max(range[1], ha, hb, hc);
        corners.set(placed.subarray(a, a + 2), 0);
        corners.set(placed.subarray(b, b + 2), 2);
        corners.set(placed.subarray(c, c + 2), 4);
        ground.append(corners, 0, 6);
        triangleCount++;
        // Normals are in the project frame, whose z is the model's up.
        if (isSlab && normals[a + 2]! + normals[b + 2]! + normals[c + 2]! > 3 * UPWARD) {
          slabTops.append(corners, 0, 6);
          meanHeight[0] = (ha + hb + hc) / 3;
          slabHeights.append(meanHeight, 0, 1);
        }
      }
    }
  }
  const anchorOut = new Float64Array(3);
  return {
    groundTriangles: ground.result(),
    slabTopTriangles: slabTops.result(),
    slabTopHeights: slabHeights.result(),
    heightRange,
    elementCount: heightRange.size,
    triangleCount,
    heightAt(z) {
      place(ox, oy, z, anchorOut, 0);
      return anchorOut[2]!;
    },
  };
}
