/**
 * A placed model against a zoning plan: measure it (measureModel.ts), find its parcel, and compare — height,
 * storeys, footprint inside the parcel, setback, site coverage, floor-area ratio — with what the scene needs to
 * draw each check.
 *
 *   checkPlan(model, plan) ─ createWorkingPlane (the plan's grid, at the model)
 *                          ─ measureModel ─ the parcel under the footprint (or `parcelId`) ─ evaluateParcel
 */
import { WGS84_ELLIPSOID, geocentricToGeodetic } from '../../geo';
import type { Coordinate3 } from '../../geo';
import { PlanError } from './PlanError';
import type { PlanModel } from './buildingGeometry';
import { measureModel } from './measureModel';
import { closestBoundaryPoints, closestOnSegment, polygonsArea, ringsOf } from './planeGeometry';
import { difference, inset } from './polygonClipping';
import { planChecks } from './planChecks';
import type { ModelMeasurements, PlanParcel, PlanePolygon, PlaneXY, PlanReport, Wgs84Polygon, Wgs84Position, ZoningPlan } from './types';
import { createWorkingPlane } from './workingPlane';
import type { WorkingPlane } from './workingPlane';

const DEGREES = 180 / Math.PI;

export interface CheckPlanOptions {
  /** The parcel to check against; by default the one the footprint overlaps most. */
  parcelId?: string;
}

/** Where the model's geometry is (its geometry offset, placed), WGS 84 longitude and latitude. */
export function modelAnchor({ header, placement }: PlanModel): [number, number] {
  const m = placement.projectToEcef;
  const [x, y, z] = header.geometryOffset;
  const ecef = [0, 1, 2].map((i) => m[i]! * x + m[4 + i]! * y + m[8 + i]! * z + m[12 + i]!) as Coordinate3;
  const [lambda, phi] = geocentricToGeodetic(WGS84_ELLIPSOID, ecef[0], ecef[1], ecef[2], [0, 0, 0]);
  return [lambda * DEGREES, phi * DEGREES];
}

export async function checkPlan(model: PlanModel, plan: ZoningPlan, options: CheckPlanOptions = {}): Promise<PlanReport> {
  const plane = await createWorkingPlane(plan, modelAnchor(model));
  const measurements = measureModel(model, plane);
  const parcel = options.parcelId === undefined ? parcelUnder(plan, measurements, plane) : parcelNamed(plan, options.parcelId);
  return evaluateParcel(plan, parcel, measurements, plane);
}

function parcelNamed(plan: ZoningPlan, id: string): PlanParcel {
  const parcel = plan.parcels.find((p) => p.id === id);
  if (parcel) return parcel;
  const known = plan.parcels.map((p) => p.id).join(', ');
  throw new PlanError(null, { vi: `quy hoạch không có thửa "${id}" (có: ${known})`, en: `the plan has no parcel "${id}" (it has: ${known})` });
}

/** [minX, minY, maxX, maxY] of some rings; NaN coordinates (beyond a grid's reach) make it NaN. */
function bounds(rings: PlaneXY[][]): [number, number, number, number] {
  const points = rings.flat();
  const [xs, ys] = [points.map((p) => p[0]), points.map((p) => p[1])];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The parcel the footprint overlaps most. Parcels whose bounds miss the footprint's are not clipped at all. */
function parcelUnder(plan: ZoningPlan, measurements: ModelMeasurements, plane: WorkingPlane): PlanParcel {
  const [minX, minY, maxX, maxY] = bounds(ringsOf(measurements.footprint));
  let best: { parcel: PlanParcel; overlap: number } | null = null;
  for (const parcel of plan.parcels) {
    const polygon = parcelPolygon(parcel, plane);
    const [x0, y0, x1, y1] = bounds([polygon.outer]);
    if (!(x0 < maxX && y0 < maxY && x1 > minX && y1 > minY)) continue;
    const overlap = measurements.footprintAreaM2 - polygonsArea(difference(measurements.footprint, [polygon]));
    if (overlap > 0 && (best === null || overlap > best.overlap)) best = { parcel, overlap };
  }
  if (best) return best.parcel;
  throw new PlanError(null, {
    vi: 'mô hình không nằm trên thửa nào của quy hoạch: hãy chọn thửa (--parcel) hoặc kiểm tra vị trí đặt mô hình',
    en: 'the model stands on no parcel of the plan: name one (--parcel) or check the model’s placement',
  }, null, { subject: 'model' });
}

/** The parcel in the working plane, open rings. */
export function parcelPolygon(parcel: PlanParcel, plane: WorkingPlane): PlanePolygon {
  const [outer, ...holes] = parcel.rings.map((ring) => ring.slice(0, -1).map(([x, y]) => plane.fromPlan(x, y)));
  return { outer: outer!, holes };
}

/** How far the footprint reaches beyond the parcel, the area outside, and the least distance to its boundary. */
function footprintOnParcel(footprint: PlanePolygon[], parcel: PlanePolygon) {
  const outside = difference(footprint, [parcel]);
  const parcelRings = ringsOf([parcel]);
  let beyondM = 0;
  for (const vertex of ringsOf(outside).flat()) {
    let nearest = Infinity;
    for (const ring of parcelRings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x, y] = closestOnSegment(vertex, ring[j]!, ring[i]!);
        nearest = Math.min(nearest, Math.hypot(x - vertex[0], y - vertex[1]));
      }
    }
    beyondM = Math.max(beyondM, nearest);
  }
  const closest = closestBoundaryPoints(ringsOf(footprint), parcelRings);
  return { outsideAreaM2: polygonsArea(outside), beyondM, closest };
}

export function evaluateParcel(plan: ZoningPlan, parcel: PlanParcel, measurements: ModelMeasurements, plane: WorkingPlane): PlanReport {
  const polygon = parcelPolygon(parcel, plane);
  const areaM2 = polygonsArea([polygon]);
  const relation = footprintOnParcel(measurements.footprint, polygon);
  const checks = planChecks(parcel.limits, measurements, { areaM2, ...relation });
  const ground = measurements.groundEllipsoidalM;
  const toWgs84 = (polygons: PlanePolygon[], height: number): Wgs84Polygon[] => polygons.map((p) => [p.outer, ...p.holes].map((ring) => closedRing(ring, plane, height)));
  const { maxHeightM, minSetbackM } = parcel.limits;
  const setbackLine = relation.closest.distance === Infinity ? null : ([position(relation.closest.from, plane, ground), position(relation.closest.to, plane, ground)] as [Wgs84Position, Wgs84Position]);
  return {
    plan: { name: plan.name, sample: plan.sample },
    parcel: { id: parcel.id, name: parcel.name, nameEn: parcel.nameEn, landUse: parcel.landUse, source: parcel.source, areaM2, limits: parcel.limits },
    passed: checks.every((check) => check.status !== 'fail'),
    checks,
    measurements,
    plane: { crs: plane.crs, label: plane.label },
    method: methodNotes(measurements, plane),
    visuals: {
      parcel: toWgs84([polygon], ground)[0]!,
      footprint: toWgs84(measurements.footprint, ground),
      heightLimitPlane: maxHeightM === null ? null : toWgs84([polygon], ground + maxHeightM)[0]!,
      setbackBand: minSetbackM === null ? null : toWgs84(difference([polygon], inset(polygon, minSetbackM)), ground),
      setbackLine,
    },
  };
}

/** 1e-9° is 0.1 mm; heights to the millimetre. */
const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function position(xy: PlaneXY, plane: WorkingPlane, height: number): Wgs84Position {
  const [lon, lat] = plane.toWgs84(xy[0], xy[1]);
  return [round(lon, 9), round(lat, 9), round(height, 3)];
}

function closedRing(ring: PlaneXY[], plane: WorkingPlane, height: number): Wgs84Position[] {
  const positions = ring.map((xy) => position(xy, plane, height));
  return [...positions, positions[0]!];
}

function methodNotes(m: ModelMeasurements, plane: WorkingPlane): PlanReport['method'] {
  const ground =
    m.groundFrom === 'groundFloorStorey'
      ? { vi: `Mặt đất: cao độ tầng trệt (tầng gần ±0.00 nhất), ${m.groundM.toFixed(2)} m; điểm thấp nhất của mô hình ${m.lowestM.toFixed(2)} m (móng, mặt dưới sàn) không tính.`, en: `Ground: the ground-floor storey's level (the storey nearest ±0.00), ${m.groundM.toFixed(2)} m; the model's lowest point, ${m.lowestM.toFixed(2)} m (foundations, slab underside), is not ground.` }
      : { vi: `Mặt đất: mô hình không có cao độ tầng, lấy điểm thấp nhất của hình học (${m.lowestM.toFixed(2)} m).`, en: `Ground: the model states no storey levels; its lowest point (${m.lowestM.toFixed(2)} m) is taken.` };
  return [
    { vi: `Đo trên ${plane.label.vi}, sau khi đặt mô hình (toạ độ dự án → ECEF → WGS 84 → lưới).`, en: `Measured on ${plane.label.en}, after placement (project → ECEF → WGS 84 → grid).` },
    ground,
    { vi: 'Hình chiếu bằng: hợp của hình chiếu mọi tam giác của công trình (kể cả mái đua), sai số dưới 1 mm; lỗ dưới 1 m² được lấp.', en: 'Footprint: the union of the ground projections of all the building’s triangles (eaves included), true to 1 mm; holes under 1 m² filled.' },
    { vi: 'Tổng diện tích sàn: mỗi tầng trên mặt đất, diện tích trong đường bao mặt trên các sàn (IfcSlab) ở cao độ tầng ±0.3 m, kể cả lỗ cầu thang.', en: 'Gross floor area: per storey above ground, the area within the outline of the slab tops (IfcSlab) at its level ±0.3 m, stairwells included.' },
  ];
}
