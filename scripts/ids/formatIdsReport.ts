/** The IDS report as the ids CLI prints it for people: Vietnamese / English, failing elements per requirement. */
import type { IdsFailingElement, IdsReport, IdsSpecificationResult } from '../../src/bim/ids';

/** Failing elements listed per requirement in the text output; `--json` has them all. */
export const MAX_LISTED = 50;

const STATUS: Record<IdsSpecificationResult['status'], string> = {
  pass: 'ĐẠT / PASS',
  fail: 'KHÔNG ĐẠT / FAIL',
  ifcVersionMismatch: 'SAI LƯỢC ĐỒ / SCHEMA MISMATCH',
};

const USAGE: Record<IdsSpecificationResult['usage'], string> = {
  required: 'bắt buộc / required',
  optional: 'tuỳ chọn / optional',
  prohibited: 'bị cấm / prohibited',
};

function element(failure: IdsFailingElement): string {
  const name = failure.name === null ? '—' : `"${failure.name}"`;
  return `      ${failure.globalId ?? `#${failure.expressId}`}  ${failure.ifcClass}  ${name}\n        ${failure.reason.vi} / ${failure.reason.en}\n`;
}

function elements(failures: IdsFailingElement[]): string {
  const listed = failures.slice(0, MAX_LISTED).map(element).join('');
  const more = failures.length - MAX_LISTED;
  return more > 0 ? `${listed}      … và ${more} phần tử khác / and ${more} more (--json lists all)\n` : listed;
}

export function formatIdsReport(report: IdsReport, files: { model: string; ids: string }): string {
  const passed = report.specifications.filter((specification) => specification.status === 'pass').length;
  let out = `IDS: ${report.title}\n`;
  out += `Mô hình / Model: ${files.model} (${report.modelSchema})\n`;
  out += `Đạt / Passed: ${passed} / ${report.specifications.length} đặc tả / specifications\n\n`;
  for (const specification of report.specifications) {
    out += `[${STATUS[specification.status]}] ${specification.name}\n`;
    out += `    ${USAGE[specification.usage]}; áp dụng / applicable: ${specification.applicableCount}, đạt / passed: ${specification.passedCount}, không đạt / failed: ${specification.failedCount}\n`;
    for (const message of specification.messages) out += `    ! ${message.vi} / ${message.en}\n`;
    if (specification.prohibitedElements.length > 0) out += elements(specification.prohibitedElements);
    for (const requirement of specification.requirements) {
      const mark = requirement.passed ? '✓' : '✗';
      const count = requirement.passed ? '' : ` — ${requirement.failures.length} phần tử / elements`;
      out += `  ${mark} ${requirement.description.vi} / ${requirement.description.en}${count}\n`;
      out += elements(requirement.failures);
    }
    out += '\n';
  }
  return out;
}
