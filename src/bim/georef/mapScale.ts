/**
 * What IfcMapConversion.Scale means for geometry that web-ifc already gives in metres.
 *
 * IFC 4.3 (IfcMapConversion): E = Eastings + Scale · (x·a − y·b), with x, y in the project length unit and E in
 * the map unit, so Scale carries the unit change: a model in millimetres on a metre grid should say 0.001. Files
 * disagree — buildingSMART's own samples (geographic-referencing-utm/gk) model in millimetres and write 1000, and
 * many exporters leave Scale at 1 and let the units speak. We never scale a building by 1000: of the readings
 *   1. the standard's: metres per metre = Scale · mapUnit / lengthUnit,
 *   2. Scale as a pure scale on metres (the unit change left implicit),
 *   3. Scale written as the inverse unit ratio: Scale · lengthUnit / mapUnit,
 * the first that is a plausible grid scale (within 10 % of 1, which covers every projection's scale factor and
 * combined scale factors) is used, and the placement's reasons say which. None plausible: 1, with a caveat.
 */
import type { LocalizedText } from '../../geo';

export interface MapScale {
  /** Map metres per project metre, applied to x and y. */
  metresPerMetre: number;
  reason: LocalizedText | null;
}

const PLAUSIBLE = 0.1;

export function interpretMapScale(scale: number | null, lengthUnitMetres: number, mapUnitMetres: number): MapScale {
  const written = scale ?? 1;
  const unitRatio = mapUnitMetres / lengthUnitMetres;
  const readings: Array<[number, LocalizedText | null]> = [
    [written * unitRatio, standardReason(written, unitRatio)],
    [written, implicitUnitReason(written, unitRatio)],
    [written / unitRatio, inverseReason(written)],
  ];
  const plausible = readings.find(([value]) => Number.isFinite(value) && Math.abs(value - 1) <= PLAUSIBLE);
  if (plausible) return { metresPerMetre: plausible[0], reason: plausible[1] };
  return {
    metresPerMetre: 1,
    reason: {
      vi: `Scale = ${written} không khớp đơn vị của mô hình và của lưới bản đồ; bỏ qua (dùng 1).`,
      en: `Scale = ${written} matches neither the model's nor the map's units; ignored (1 used).`,
    },
  };
}

function standardReason(written: number, unitRatio: number): LocalizedText | null {
  if (written === 1 && unitRatio === 1) return null;
  if (unitRatio === 1) {
    return {
      vi: `Scale = ${written} áp dụng làm hệ số tỷ lệ lưới.`,
      en: `Scale = ${written} applied as the grid scale factor.`,
    };
  }
  return {
    vi: `Scale = ${written} đọc theo IFC 4.3 (gồm cả đổi đơn vị mô hình → lưới).`,
    en: `Scale = ${written} read as IFC 4.3 defines it (it includes the model → grid unit change).`,
  };
}

function implicitUnitReason(written: number, unitRatio: number): LocalizedText {
  const unit = `1 : ${formatRatio(unitRatio)}`;
  return written === 1
    ? {
        vi: `Scale = 1 với đơn vị mô hình khác đơn vị lưới (${unit}): hiểu là việc đổi đơn vị do đơn vị mô hình đảm nhận.`,
        en: `Scale = 1 while the model and grid units differ (${unit}): the unit change is taken from the model's unit.`,
      }
    : {
        vi: `Scale = ${written} áp lên hình học đã đổi sang mét (việc đổi đơn vị do đơn vị mô hình đảm nhận).`,
        en: `Scale = ${written} applied to geometry already in metres (the unit change comes from the model's unit).`,
      };
}

function inverseReason(written: number): LocalizedText {
  return {
    vi: `Scale = ${written} được hiểu là việc đổi đơn vị (ví dụ mm → m), không phóng to mô hình: hình học đã ở mét.`,
    en: `Scale = ${written} read as the unit change (e.g. mm → m), not as enlarging the model: the geometry is already in metres.`,
  };
}

function formatRatio(ratio: number): string {
  return Number(ratio.toPrecision(6)).toString();
}
