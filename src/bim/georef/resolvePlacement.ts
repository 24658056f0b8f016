/**
 * From what a file states (`ModelGeoreference`) to where the model stands on Earth (`ModelPlacement`).
 *
 * Map conversions (IfcMapConversion, ePSet_MapConversion): project metres → grid (rotation from XAxisAbscissa /
 * XAxisOrdinate, the scale as mapScale.ts reads it) → WGS 84 through the geodesy module's exact transform. The
 * 4×4 `projectToEcef` is that mapping linearised at `anchor` (the model's geometry offset: a model drawn in map
 * coordinates lies kilometres from its origin), from central differences along the project x and y axes, so the
 * grid convergence and the projection's scale at the building are included; z goes up the ellipsoid normal. The
 * origin stands on the ellipsoid (height 0): the scene has no terrain, and no geoid turns OrthogonalHeight into
 * an ellipsoidal height, so OrthogonalHeight is reported as `datumHeight` only.
 *
 * IfcRigidOperation to an IfcGeographicCRS (IFC4.3): FirstCoordinate is read as longitude and SecondCoordinate as
 * latitude, easting-like first, although EPSG:4258 orders its axes lat, lon. buildingSMART's sample
 * geographic-referencing-rigid-operation.ifc writes (14.0902217, 46.3623297) for Bled, Slovenia — read the
 * EPSG way it would land in the Somali Sea — and IFC's coordinate operations are easting-first throughout. The
 * project axes are then east, north, up at that point.
 */
import type { Coordinate3, LocalizedText, PointTransform } from '../../geo';
import type { ModelGeoreference, ModelPlacement, PlacementTrust } from '../types';
import { affineMatrix, ecefOf, enuBasis, headingFrame, headingOf } from './ecefFrame';
import { loadTransform } from '../../geo';
import { interpretMapScale } from './mapScale';

export interface ResolvePlacementOptions {
  /** Project point (metres) where the placement should be exact: `IfcModelHeader.geometryOffset`. */
  anchor?: Coordinate3;
}

/** Where a model with no usable georeferencing waits for the planner: the demo district (VNU Cầu Giấy). */
export const UNPLACED_LON_LAT: readonly [number, number] = [105.7836, 21.0391];

/** Half the step of the central differences, metres: far above float noise, far below the curvature scale. */
const STEP = 10;

/** Never rejects: whatever goes wrong, the model gets a placement whose trust and reasons say so. */
export async function resolvePlacement(georef: ModelGeoreference, options: ResolvePlacementOptions = {}): Promise<ModelPlacement> {
  try {
    return await placeByMethod(georef, options.anchor ?? [0, 0, 0]);
  } catch (error) {
    return fallBack(georef, { vi: `Lỗi khi định vị: ${String(error)}`, en: `Placement failed: ${String(error)}` });
  }
}

async function placeByMethod(georef: ModelGeoreference, anchor: Coordinate3): Promise<ModelPlacement> {
  if (georef.method === 'IfcMapConversion' || georef.method === 'ePSet_MapConversion') {
    const crs = georef.crs ?? georef.crsDefinition;
    if (crs === null || georef.eastings === null || georef.northings === null) {
      return fallBack(georef, { vi: `${georef.method} không nêu hệ tọa độ (EPSG, WKT hay PROJ).`, en: `${georef.method} names no coordinate reference system (EPSG, WKT or PROJ).` });
    }
    let toWgs84: PointTransform;
    try {
      toWgs84 = await loadTransform(crs, 'EPSG:4326');
    } catch (error) {
      const detail = (error as { userMessage?: LocalizedText }).userMessage ?? { vi: String(error), en: String(error) };
      return fallBack(georef, { vi: `Không dùng được ${georef.crsName ?? crs}: ${detail.vi}`, en: `Cannot use ${georef.crsName ?? crs}: ${detail.en}` });
    }
    return georef.crsKind === 'geographic' ? placeGeographic(georef, toWgs84) : placeOnGrid(georef, toWgs84, anchor);
  }
  return fallBack(georef, null);
}

/** IfcSite's reference point, or the unplaced default, when there is no map conversion to use. */
function fallBack(georef: ModelGeoreference, why: LocalizedText | null): ModelPlacement {
  const reasons = why ? [why] : [];
  if (georef.refLatitude !== null && georef.refLongitude !== null) return placeBySite(georef, reasons);
  const [lon, lat] = UNPLACED_LON_LAT;
  return {
    source: 'none',
    trust: 'unverified',
    reasons: [
      ...reasons,
      {
        vi: 'Tệp không có thông tin định vị dùng được: mô hình tạm đặt giữa khu demo, cần đặt thủ công.',
        en: 'The file has no usable georeferencing: the model waits in the demo district until placed by hand.',
      },
    ],
    originWgs84: [lon, lat, null],
    datumHeight: null,
    headingDegrees: 0,
    projectToEcef: headingFrame(lon, lat, 0),
  };
}

function placeBySite(georef: ModelGeoreference, reasons: LocalizedText[]): ModelPlacement {
  const lon = georef.refLongitude!;
  const lat = georef.refLatitude!;
  const heading = georef.trueNorthDegrees ?? 0;
  const north: LocalizedText =
    georef.trueNorthDegrees === null
      ? { vi: 'Không có TrueNorth: coi trục +y của dự án là hướng bắc.', en: 'No TrueNorth: the project +y axis is taken as north.' }
      : { vi: `TrueNorth: trục +y lệch ${fixed(heading, 2)}° theo chiều kim đồng hồ so với hướng bắc.`, en: `TrueNorth: the +y axis is ${fixed(heading, 2)}° clockwise from north.` };
  return {
    source: 'IfcSite',
    trust: 'low',
    reasons: [
      ...reasons,
      {
        vi: `IfcSite RefLatitude/RefLongitude (${fixed(lat, 6)}, ${fixed(lon, 6)}), coi là WGS 84: chỉ chính xác như phần mềm đã ghi.`,
        en: `IfcSite RefLatitude/RefLongitude (${fixed(lat, 6)}, ${fixed(lon, 6)}), taken as WGS 84: only as precise as the authoring tool wrote it.`,
      },
      north,
      heightReason(georef.refElevation, 'RefElevation'),
    ],
    originWgs84: [lon, lat, null],
    datumHeight: georef.refElevation,
    headingDegrees: heading,
    projectToEcef: headingFrame(lon, lat, heading),
  };
}

function placeGeographic(georef: ModelGeoreference, toWgs84: PointTransform): ModelPlacement {
  const [lon, lat] = toWgs84(georef.eastings!, georef.northings!);
  return {
    source: georef.method,
    trust: georef.crs ? 'high' : 'medium',
    reasons: [
      {
        vi: `IfcRigidOperation tới ${crsLabel(georef)}: FirstCoordinate ${georef.eastings} đọc là kinh độ, SecondCoordinate ${georef.northings} là vĩ độ; trục dự án hướng đông, bắc, lên.`,
        en: `IfcRigidOperation to ${crsLabel(georef)}: FirstCoordinate ${georef.eastings} read as longitude, SecondCoordinate ${georef.northings} as latitude; project axes east, north, up.`,
      },
      heightReason(georef.orthogonalHeight, 'Height'),
    ],
    originWgs84: [lon, lat, null],
    datumHeight: georef.orthogonalHeight,
    headingDegrees: 0,
    projectToEcef: headingFrame(lon, lat, 0),
  };
}

function placeOnGrid(georef: ModelGeoreference, toWgs84: PointTransform, anchor: Coordinate3): ModelPlacement {
  const mapUnit = georef.mapUnitMetres ?? 1;
  const scale = interpretMapScale(georef.scale, georef.lengthUnitMetres, mapUnit);
  const norm = Math.hypot(georef.xAxisAbscissa ?? 1, georef.xAxisOrdinate ?? 0) || 1;
  const a = (georef.xAxisAbscissa ?? 1) / norm;
  const b = (georef.xAxisOrdinate ?? 0) / norm;
  const [fx, fy, fz] = georef.factors ?? [1, 1, 1];
  const k = scale.metresPerMetre / mapUnit;
  const scratch: Coordinate3 = [0, 0, 0];
  /** Project metres → ECEF, exactly (through the CRS transform). */
  const toEcef = (x: number, y: number, z: number): Coordinate3 => {
    const easting = georef.eastings! + k * (a * fx * x - b * fy * y);
    const northing = georef.northings! + k * (b * fx * x + a * fy * y);
    const [lon, lat] = toWgs84(easting, northing, 0, scratch);
    return ecefOf(lon, lat, fz * z);
  };
  const [ax, ay, az] = anchor;
  const xAxis = centralDifference(toEcef(ax + STEP, ay, az), toEcef(ax - STEP, ay, az));
  const yAxis = centralDifference(toEcef(ax, ay + STEP, az), toEcef(ax, ay - STEP, az));
  const anchorEcef = toEcef(ax, ay, az);
  const [lon, lat] = toWgs84(georef.eastings!, georef.northings!, 0, [0, 0, 0]);
  const [anchorLon, anchorLat] = toWgs84(georef.eastings! + k * (a * fx * ax - b * fy * ay), georef.northings! + k * (b * fx * ax + a * fy * ay), 0, [0, 0, 0]);
  const basis = enuBasis(anchorLon, anchorLat);
  const zAxis: Coordinate3 = [basis.up[0] * fz, basis.up[1] * fz, basis.up[2] * fz];
  const origin: Coordinate3 = [0, 1, 2].map((i) => anchorEcef[i]! - xAxis[i]! * ax - yAxis[i]! * ay - zAxis[i]! * az) as Coordinate3;
  const heading = headingOf(yAxis, basis);
  const rotation = (Math.atan2(b, a) * 180) / Math.PI;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || !origin.every(Number.isFinite)) {
    return fallBack(georef, {
      vi: `Điểm gốc (E ${georef.eastings}, N ${georef.northings}) nằm ngoài phạm vi của ${crsLabel(georef)}.`,
      en: `The origin (E ${georef.eastings}, N ${georef.northings}) lies outside what ${crsLabel(georef)} can reach.`,
    });
  }
  const reasons: LocalizedText[] = [
    {
      vi: `${georef.method} tới ${crsLabel(georef)}: gốc tại E ${fixed(georef.eastings!, 3)}, N ${fixed(georef.northings!, 3)}; trục x xoay ${fixed(rotation, 4)}° so với hướng đông của lưới; đã tính độ hội tụ kinh tuyến (+y lệch ${fixed(heading, 4)}° so với bắc thật).`,
      en: `${georef.method} to ${crsLabel(georef)}: origin at E ${fixed(georef.eastings!, 3)}, N ${fixed(georef.northings!, 3)}; x axis ${fixed(rotation, 4)}° from grid east; grid convergence included (+y is ${fixed(heading, 4)}° from true north).`,
    },
    ...(scale.reason ? [scale.reason] : []),
    ...(georef.crs ? [] : [{ vi: 'Hệ tọa độ cho bằng WKT/PROJ, không có mã EPSG.', en: 'The CRS is given as WKT/PROJ, without an EPSG code.' }]),
    heightReason(georef.orthogonalHeight, 'OrthogonalHeight'),
  ];
  return {
    source: georef.method,
    trust: trustOf(georef),
    reasons,
    originWgs84: [lon, lat, null],
    datumHeight: georef.orthogonalHeight,
    headingDegrees: heading,
    projectToEcef: affineMatrix(xAxis, yAxis, zAxis, origin),
  };
}

function trustOf(georef: ModelGeoreference): PlacementTrust {
  if (georef.method === 'ePSet_MapConversion') return 'medium';
  return georef.crs ? 'high' : 'medium';
}

function centralDifference(plus: Coordinate3, minus: Coordinate3): Coordinate3 {
  return [(plus[0] - minus[0]) / (2 * STEP), (plus[1] - minus[1]) / (2 * STEP), (plus[2] - minus[2]) / (2 * STEP)];
}

function heightReason(height: number | null, attribute: string): LocalizedText {
  return height === null
    ? { vi: `Không có ${attribute}: mô hình đặt trên mặt ellipsoid.`, en: `No ${attribute}: the model stands on the ellipsoid.` }
    : {
        vi: `${attribute} ${fixed(height, 3)} m là độ cao theo mốc của hệ tọa độ, chỉ hiển thị: cảnh không có địa hình và không có mô hình geoid, nên mô hình đặt trên mặt ellipsoid.`,
        en: `${attribute} ${fixed(height, 3)} m is a height in the CRS's vertical datum, shown only: the scene has no terrain and no geoid model, so the model stands on the ellipsoid.`,
      };
}

function crsLabel(georef: ModelGeoreference): string {
  const code = georef.crs ?? 'WKT/PROJ';
  return georef.crsName && georef.crsName !== georef.crs ? `${code} (${georef.crsName})` : code;
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}
