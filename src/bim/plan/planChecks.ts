/**
 * The six plan checks as values: measured, limit, pass / fail / not applicable, and one sentence with the
 * figures in Vietnamese and English. The footprint must lie inside its parcel whatever the plan says; every
 * other check applies only where the plan sets a limit.
 */
import type { LocalizedText } from '../../geo';
import type { ClosestPair } from './planeGeometry';
import type { ModelMeasurements, ParcelLimits, PlanCheck, PlanCheckId } from './types';

/** Below the accuracy of any placement: a footprint on the boundary line is inside. */
export const CONTAINMENT_TOLERANCE_M = 0.01;

export interface FootprintOnParcel {
  areaM2: number;
  outsideAreaM2: number;
  beyondM: number;
  closest: ClosestPair;
}

const LABELS: Record<PlanCheckId, LocalizedText> = {
  height: { vi: 'Chiều cao công trình', en: 'Building height' },
  storeys: { vi: 'Số tầng trên mặt đất', en: 'Storeys above ground' },
  containment: { vi: 'Công trình nằm trong thửa đất', en: 'Footprint inside the parcel' },
  setback: { vi: 'Khoảng lùi tới ranh thửa', en: 'Setback from the parcel boundary' },
  siteCoverage: { vi: 'Mật độ xây dựng', en: 'Site coverage' },
  floorAreaRatio: { vi: 'Hệ số sử dụng đất', en: 'Floor-area ratio' },
};

const metres = (value: number): string => `${value.toFixed(2)} m`;
const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function check(
  id: PlanCheckId,
  measured: number,
  limit: number | null,
  unit: PlanCheck['unit'],
  comparison: PlanCheck['comparison'],
  detail: (limitText: LocalizedText) => LocalizedText,
  format: (value: number) => string,
): PlanCheck {
  const passes = limit === null || (comparison === '≤' ? measured <= limit : measured >= limit);
  const limitText: LocalizedText =
    limit === null
      ? { vi: 'quy hoạch không quy định giới hạn', en: 'the plan sets no limit' }
      : { vi: `quy hoạch cho phép ${comparison} ${format(limit)}`, en: `the plan allows ${comparison} ${format(limit)}` };
  return { id, status: limit === null ? 'notApplicable' : passes ? 'pass' : 'fail', measured, limit, unit, comparison, label: LABELS[id], detail: detail(limitText) };
}

export function planChecks(limits: ParcelLimits, m: ModelMeasurements, onParcel: FootprintOnParcel): PlanCheck[] {
  const inside = onParcel.beyondM <= CONTAINMENT_TOLERANCE_M;
  const setback = inside ? onParcel.closest.distance : 0;
  const coverage = m.footprintAreaM2 / onParcel.areaM2;
  const ratio = m.grossFloorAreaM2 / onParcel.areaM2;
  const storeyList = m.storeys.filter((s) => s.counted).map((s) => s.name ?? `#${s.expressId}`).join(', ');
  return [
    check('height', m.heightM, limits.maxHeightM, 'm', '≤', (l) => ({
      vi: `Điểm cao nhất ${metres(m.heightM)} trên mặt đất; ${l.vi}.`,
      en: `Highest point ${metres(m.heightM)} above ground; ${l.en}.`,
    }), metres),
    check('storeys', m.storeysAboveGround, limits.maxStoreys, 'storeys', '≤', (l) => ({
      vi: `${m.storeysAboveGround} tầng trên mặt đất (${storeyList}); ${l.vi}.`,
      en: `${m.storeysAboveGround} storeys above ground (${storeyList}); ${l.en}.`,
    }), String),
    {
      id: 'containment',
      status: inside ? 'pass' : 'fail',
      measured: onParcel.beyondM,
      limit: 0,
      unit: 'm',
      comparison: '≤',
      label: LABELS.containment,
      detail: inside
        ? { vi: 'Hình chiếu công trình nằm trọn trong thửa đất.', en: 'The footprint lies wholly inside the parcel.' }
        : {
            vi: `${onParcel.outsideAreaM2.toFixed(1)} m² hình chiếu nằm ngoài thửa, vượt ranh tới ${metres(onParcel.beyondM)}.`,
            en: `${onParcel.outsideAreaM2.toFixed(1)} m² of the footprint lies outside the parcel, up to ${metres(onParcel.beyondM)} beyond its boundary.`,
          },
    },
    check('setback', setback, limits.minSetbackM, 'm', '≥', (l) => ({
      vi: inside ? `Khoảng cách nhỏ nhất từ hình chiếu tới ranh thửa ${metres(setback)}; ${l.vi}.` : `Công trình không nằm trong thửa, khoảng lùi bằng 0; ${l.vi}.`,
      en: inside ? `Least distance from the footprint to the parcel boundary ${metres(setback)}; ${l.en}.` : `The building is not inside the parcel: no setback; ${l.en}.`,
    }), metres),
    check('siteCoverage', coverage, limits.maxSiteCoverage, 'ratio', '≤', (l) => ({
      vi: `Hình chiếu ${m.footprintAreaM2.toFixed(1)} m² / thửa ${onParcel.areaM2.toFixed(1)} m² = ${percent(coverage)}; ${l.vi}.`,
      en: `Footprint ${m.footprintAreaM2.toFixed(1)} m² / parcel ${onParcel.areaM2.toFixed(1)} m² = ${percent(coverage)}; ${l.en}.`,
    }), percent),
    check('floorAreaRatio', ratio, limits.maxFloorAreaRatio, 'ratio', '≤', (l) => ({
      vi: `Tổng diện tích sàn ${m.grossFloorAreaM2.toFixed(1)} m² / thửa ${onParcel.areaM2.toFixed(1)} m² = ${ratio.toFixed(3)}; ${l.vi}.`,
      en: `Gross floor area ${m.grossFloorAreaM2.toFixed(1)} m² / parcel ${onParcel.areaM2.toFixed(1)} m² = ${ratio.toFixed(3)}; ${l.en}.`,
    }), (value) => value.toFixed(2)),
  ];
}
