/** The plan report as the plan CLI prints it for people: Vietnamese / English, one row per check. */
import type { PlanCheck, PlanReport } from '../../src/bim/plan';
import type { IfcPlanCheck } from './checkIfcPlan';

const STATUS: Record<PlanCheck['status'], string> = {
  pass: 'ĐẠT / PASS',
  fail: 'KHÔNG ĐẠT / FAIL',
  notApplicable: 'KHÔNG ÁP DỤNG / N/A',
};

/** A value as the check's unit reads: metres, storeys, a percentage (site coverage) or a plain ratio. */
export function formatValue(check: PlanCheck, value: number): string {
  if (check.unit === 'm') return `${value.toFixed(2)} m`;
  if (check.unit === 'storeys') return String(value);
  return check.id === 'siteCoverage' ? `${(value * 100).toFixed(2)} %` : value.toFixed(3);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length)).join('   ').trimEnd()}\n`).join('');
}

function storeys(report: PlanReport): string {
  return report.measurements.storeys
    .map((s) => {
      const area = s.floorAreaM2 === null ? '' : `, ${s.floorAreaM2.toFixed(1)} m² (${s.floorAreaFrom === 'slabs' ? 'sàn / slabs' : 'hình chiếu / footprint'})`;
      return `    ${s.counted ? '✓' : '·'} ${s.name ?? `#${s.expressId}`} ${s.levelM.toFixed(2)} m${area} — ${s.reason.vi} / ${s.reason.en}\n`;
    })
    .join('');
}

export function formatPlanReport({ placement, report }: IfcPlanCheck, files: { model: string; plan: string }): string {
  const { parcel, measurements: m, checks } = report;
  const sample = report.plan.sample ? '  [MẪU / SAMPLE]' : '';
  let out = `Kiểm tra quy hoạch / Plan conformance: ${files.model}\n`;
  out += `Quy hoạch / Plan: ${report.plan.name.vi} / ${report.plan.name.en} (${files.plan})${sample}\n`;
  out += `Thửa / Parcel: ${parcel.id} — ${parcel.name}${parcel.nameEn ? ` / ${parcel.nameEn}` : ''} (${parcel.landUse}), ${parcel.areaM2.toFixed(1)} m²\n`;
  out += `Nguồn / Source: ${parcel.source}\n`;
  out += `Định vị / Placement: ${placement.source}, độ tin cậy / trust ${placement.trust}; đo trên / measured on ${report.plane.label.vi} / ${report.plane.label.en}\n\n`;
  out += table([
    ['Chỉ tiêu / Check', 'Đo được / Measured', 'Giới hạn / Limit', 'Kết quả / Result'],
    ...checks.map((check) => [
      `${check.label.vi} / ${check.label.en}`,
      formatValue(check, check.measured),
      check.limit === null ? '—' : `${check.comparison} ${formatValue(check, check.limit)}`,
      STATUS[check.status],
    ]),
  ]);
  out += '\n';
  for (const check of checks) out += `  ${check.id}: ${check.detail.vi}\n  ${' '.repeat(check.id.length)}  ${check.detail.en}\n`;
  out += `\nTầng / Storeys (✓ tính / counted):\n${storeys(report)}`;
  out += `Hình chiếu / Footprint ${m.footprintAreaM2.toFixed(2)} m²; tổng diện tích sàn / gross floor area ${m.grossFloorAreaM2.toFixed(2)} m²; `;
  out += `mặt đất / ground ${m.groundM.toFixed(2)} m, đỉnh / top ${m.topM.toFixed(2)} m, thấp nhất / lowest ${m.lowestM.toFixed(2)} m\n`;
  out += `\nCách đo / Method:\n${report.method.map((note) => `  - ${note.vi}\n    ${note.en}\n`).join('')}`;
  const counts = (status: PlanCheck['status']): number => checks.filter((check) => check.status === status).length;
  out += `\nKết quả / Result: ${report.passed ? 'ĐẠT / PASS' : 'KHÔNG ĐẠT / FAIL'} (${counts('pass')} đạt / pass, ${counts('fail')} không đạt / fail, ${counts('notApplicable')} không áp dụng / n/a)\n`;
  return out;
}
