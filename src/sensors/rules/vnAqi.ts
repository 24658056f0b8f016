/**
 * The VN_AQI sub-index of PM2.5 (Decision 1459/QĐ-TCMT of 12 Nov 2019, Table 1): piecewise linear between
 * concentration breakpoints (µg/m³) and index breakpoints. Applied to one value, without the decision's NowCast
 * weighting of the last 12 hours, so it reads as "the index this hour's value alone would give".
 */
const CONCENTRATION = [0, 25, 50, 80, 150, 250, 350, 500] as const;
const INDEX = [0, 50, 100, 150, 200, 300, 400, 500] as const;

export function vnAqiOfPm25(microgramsPerCubicMetre: number): number {
  const c = Math.max(0, microgramsPerCubicMetre);
  let k = 1;
  while (k < CONCENTRATION.length - 1 && c > CONCENTRATION[k]!) k++;
  const c0 = CONCENTRATION[k - 1]!, c1 = CONCENTRATION[k]!, i0 = INDEX[k - 1]!, i1 = INDEX[k]!;
  // Above 500 µg/m³ the last segment continues: the decision's scale ends at 500 but the air does not.
  return i0 + ((i1 - i0) / (c1 - c0)) * (c - c0);
}
