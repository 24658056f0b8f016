/**
 * The demo district's SAMPLE zoning plan (issue 6 §2), `plan/sample-plan.geojson`: the demo submission's parcel
 * and four of its neighbours, their outlines from OpenStreetMap, their limits made up for the demo. No approved
 * plan (quy hoạch phân khu / chi tiết) of the area is available offline, so the limits are illustrative values of
 * the order Hà Nội sets for such land uses, not quoted from any plan; the file says *mẫu / sample* at the top and
 * in every parcel's source, and the app shows it.
 *
 * The parcels (OSM ways): 906733536 "Mipec Xuân Thủy Plaza" (the demo submission's plot, demoSubmission.ts),
 * 906824459 military land 9 m to its north-west (no limits: every check but containment is not applicable),
 * 1047437397 Hà Nội National University of Education across Xuân Thủy, 1052686267 a fuel station and 148202947
 * the VNU stadium. Land-use codes follow the cadastral ones (ODT urban housing, CQP defence, DGD education, TMD
 * trade and services, DTT sport).
 */
import type { OsmDocument } from './osm';
import { roundPolygon, OSM_DECIMALS } from './geojson';
import { DemoBuildError } from './errors';
import { wayCoordinates } from './osmGeometry';

export const SAMPLE_PLAN_PATH = 'plan/sample-plan.geojson';

interface SampleParcel {
  way: string;
  id: string;
  name: string;
  nameEn: string;
  landUse: string;
  maxHeightM: number | null;
  maxStoreys: number | null;
  minSetbackM: number | null;
  maxSiteCoverage: number | null;
  maxFloorAreaRatio: number | null;
}

const PARCELS: SampleParcel[] = [
  { way: '906733536', id: 'XT-ODT-01', name: 'Lô đất ở XT-ODT-01 (khu đất Mipec Xuân Thủy)', nameEn: 'Housing plot XT-ODT-01 (Mipec Xuân Thủy site)', landUse: 'ODT', maxHeightM: 25, maxStoreys: 7, minSetbackM: 6, maxSiteCoverage: 0.4, maxFloorAreaRatio: 2.5 },
  { way: '906824459', id: 'XT-CQP-01', name: 'Đất quốc phòng XT-CQP-01', nameEn: 'Defence land XT-CQP-01', landUse: 'CQP', maxHeightM: null, maxStoreys: null, minSetbackM: null, maxSiteCoverage: null, maxFloorAreaRatio: null },
  { way: '1047437397', id: 'XT-DGD-01', name: 'Đất giáo dục XT-DGD-01 (Trường Đại học Sư phạm Hà Nội)', nameEn: 'Education land XT-DGD-01 (Hanoi National University of Education)', landUse: 'DGD', maxHeightM: 45, maxStoreys: 12, minSetbackM: 6, maxSiteCoverage: 0.4, maxFloorAreaRatio: 3 },
  { way: '1052686267', id: 'XT-TMD-01', name: 'Đất thương mại dịch vụ XT-TMD-01 (trạm xăng dầu)', nameEn: 'Trade and services land XT-TMD-01 (fuel station)', landUse: 'TMD', maxHeightM: 12, maxStoreys: 2, minSetbackM: 3, maxSiteCoverage: 0.5, maxFloorAreaRatio: 1 },
  { way: '148202947', id: 'XT-DTT-01', name: 'Đất thể dục thể thao XT-DTT-01 (sân vận động)', nameEn: 'Sports land XT-DTT-01 (stadium)', landUse: 'DTT', maxHeightM: 20, maxStoreys: 3, minSetbackM: 6, maxSiteCoverage: 0.3, maxFloorAreaRatio: 0.6 },
];

const HEADER = {
  type: 'FeatureCollection',
  name: { vi: 'Quy hoạch MẪU — khu Xuân Thủy, Cầu Giấy', en: 'SAMPLE zoning plan — Xuân Thủy, Cầu Giấy' },
  sample: true,
  notice: {
    vi: 'Quy hoạch MẪU để trình diễn: ranh thửa lấy từ OpenStreetMap, chỉ tiêu (chiều cao, số tầng, khoảng lùi, mật độ xây dựng, hệ số sử dụng đất) là giả định, không trích từ đồ án quy hoạch được phê duyệt nào.',
    en: 'A SAMPLE plan for the demo: parcel outlines from OpenStreetMap, limits (height, storeys, setback, site coverage, floor-area ratio) made up, not taken from any approved plan.',
  },
  gridCrs: 'EPSG:5897',
};

/** The sample plan as [path under assets/demo, text]: one feature per line, like the demo's other GeoJSON. */
export function buildSamplePlan(doc: OsmDocument): [string, string][] {
  const features = PARCELS.map(({ way: wayId, ...parcel }) => {
    const way = doc.ways.get(wayId);
    const coordinates = way ? roundPolygon([wayCoordinates(doc, way)], OSM_DECIMALS) : undefined;
    if (!coordinates) throw new DemoBuildError({ en: `the sample plan's parcel, OSM way ${wayId}, is not in the extract`, vi: `thửa của quy hoạch mẫu (OSM way ${wayId}) không có trong bản trích` });
    const source = `[MẪU / SAMPLE] ranh thửa: OpenStreetMap way ${wayId} (© OpenStreetMap contributors, ODbL); chỉ tiêu giả định / limits made up`;
    return { type: 'Feature', properties: { ...parcel, source }, geometry: { type: 'Polygon', coordinates } };
  });
  const head = JSON.stringify(HEADER, null, 2).replace(/\n}$/, '');
  return [[SAMPLE_PLAN_PATH, `${head},\n  "features": [\n${features.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]\n}\n`]];
}
