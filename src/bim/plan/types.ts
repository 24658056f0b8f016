/**
 * Plan conformance (issue 6 §2): a zoning plan of parcels with their limits, what Sao measures on a placed IFC
 * model, and the checks that compare the two, with what the scene needs to draw them. Plain data throughout: a
 * plan is GeoJSON (`plan.schema.json`), a report is JSON the CLI prints, the worker posts and the UI renders.
 */
import type { LocalizedText } from '../../geo';

/** The limits a plan sets on one parcel; null where the plan sets none (the check is then not applicable). */
export interface ParcelLimits {
  /** Height above ground, metres (ground as `GroundLevel` defines it). */
  maxHeightM: number | null;
  /** Storeys above ground (`StoreyMeasure.counted`). */
  maxStoreys: number | null;
  /** Least distance from the building's footprint to the parcel boundary, metres. */
  minSetbackM: number | null;
  /** Footprint area / parcel area, 0–1. */
  maxSiteCoverage: number | null;
  /** Gross floor area above ground / parcel area. */
  maxFloorAreaRatio: number | null;
}

export const LIMIT_KEYS = ['maxHeightM', 'maxStoreys', 'minSetbackM', 'maxSiteCoverage', 'maxFloorAreaRatio'] as const;

/** [x, y]: longitude, latitude in degrees for WGS 84, easting, northing for a projected CRS. */
export type PlanPosition = [number, number];

/** A closed ring as GeoJSON writes it: the last position repeats the first. */
export type PlanRing = PlanPosition[];

export interface PlanParcel {
  /** Unique within the plan; `--parcel` and the UI name a parcel by it. */
  id: string;
  /** The parcel's name in Vietnamese, e.g. "Lô đất ở ODT-01". */
  name: string;
  nameEn: string | null;
  /** Land-use code (mã loại đất), e.g. ODT, TMD, DGD. */
  landUse: string;
  /** Where the parcel and its limits come from. */
  source: string;
  limits: ParcelLimits;
  /** Outer ring, then holes, in the plan's CRS. */
  rings: PlanRing[];
}

export interface ZoningPlan {
  name: LocalizedText;
  /** True for an illustrative plan (the demo's): every view of it says *mẫu / sample*. */
  sample: boolean;
  notice: LocalizedText | null;
  /** The CRS of the coordinates, `EPSG:4326` unless the file declares another. */
  crs: string;
  /**
   * The projected CRS in which distances and areas are measured (`EPSG:5897`, VN-2000 TM-3 105°, for Hà Nội);
   * null: the plan's own CRS when it is projected, otherwise a plane tangent to the ellipsoid at the model.
   */
  gridCrs: string | null;
  parcels: PlanParcel[];
}

/** [x, y] metres in the working plane, relative to its origin. */
export type PlaneXY = [number, number];

/** A polygon in the working plane: open rings (no repeated closing point), outer counter-clockwise. */
export interface PlanePolygon {
  outer: PlaneXY[];
  holes: PlaneXY[][];
}

/** [longitude, latitude, ellipsoidal height]: what the Cesium scene draws (the model stands on the ellipsoid). */
export type Wgs84Position = [number, number, number];

/** A GeoJSON-like polygon in WGS 84 with heights: outer ring then holes, each closed. */
export type Wgs84Polygon = Wgs84Position[][];

/** How the ground level was found (see `measureModel`). */
export type GroundLevel = 'groundFloorStorey' | 'lowestGeometry';

export interface StoreyMeasure {
  expressId: number;
  globalId: string;
  name: string | null;
  /** IfcBuildingStorey.Elevation (metres), or the lowest point of its elements when the file gives none. */
  levelM: number;
  levelFrom: 'elevation' | 'geometry';
  /** Whether it counts as a storey above ground, and why (or why not). */
  counted: boolean;
  reason: LocalizedText;
  /** Gross floor area of a counted storey (m²), and how it was measured. */
  floorAreaM2: number | null;
  floorAreaFrom: 'slabs' | 'footprint' | null;
}

/** What Sao measures on a placed model, in the working plane. */
export interface ModelMeasurements {
  /** Ground and top, metres on the model's vertical (project z after placement). */
  groundM: number;
  groundFrom: GroundLevel;
  /** The lowest point of the building's geometry (foundations, slab undersides), for the record. */
  lowestM: number;
  topM: number;
  heightM: number;
  storeys: StoreyMeasure[];
  storeysAboveGround: number;
  footprint: PlanePolygon[];
  footprintAreaM2: number;
  grossFloorAreaM2: number;
  /** Ellipsoidal height of the ground level at the building: where the scene draws the footprint and the band. */
  groundEllipsoidalM: number;
  /** Triangles and elements the measurements were taken from. */
  elementCount: number;
  triangleCount: number;
}

export type PlanCheckId = 'height' | 'storeys' | 'containment' | 'setback' | 'siteCoverage' | 'floorAreaRatio';

export type PlanCheckStatus = 'pass' | 'fail' | 'notApplicable';

export interface PlanCheck {
  id: PlanCheckId;
  status: PlanCheckStatus;
  /** The measured value, in `unit`. */
  measured: number;
  /** The plan's limit, null when it sets none. */
  limit: number | null;
  unit: 'm' | 'storeys' | 'ratio';
  /** "measured ≤ limit", "measured ≥ limit" … for display. */
  comparison: '≤' | '≥';
  label: LocalizedText;
  /** One sentence with the figures, e.g. "6.32 m above ground; the plan allows 5.00 m". */
  detail: LocalizedText;
}

/** What the scene draws for the checks, all in WGS 84 with ellipsoidal heights. */
export interface PlanVisuals {
  parcel: Wgs84Polygon;
  footprint: Wgs84Polygon[];
  /** The parcel at ground + maxHeightM; null without a height limit. */
  heightLimitPlane: Wgs84Polygon | null;
  /** The strip between the parcel boundary and the parcel inset by minSetbackM; null without a setback limit. */
  setbackBand: Wgs84Polygon[] | null;
  /** The footprint point and the parcel-boundary point that are closest together. */
  setbackLine: [Wgs84Position, Wgs84Position] | null;
}

export interface PlanReport {
  plan: { name: LocalizedText; sample: boolean };
  parcel: { id: string; name: string; nameEn: string | null; landUse: string; source: string; areaM2: number; limits: ParcelLimits };
  /** True when no check fails (not-applicable checks do not fail). */
  passed: boolean;
  checks: PlanCheck[];
  measurements: ModelMeasurements;
  /** The working plane, e.g. `EPSG:5897`, and how the measurements were taken, in both languages. */
  plane: { crs: string | null; label: LocalizedText };
  method: LocalizedText[];
  visuals: PlanVisuals;
}
