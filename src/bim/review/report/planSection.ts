import type { PlanCheck } from '../../plan/types';
import type { PlanCheckRecord } from '../types';
import { formatDateTime, formatFixed, formatNumber, formatPercent } from './format';
import { say, sayAll } from './reportText';
import type { ReportBlock, ReportLang, ReportTone } from './types';

const STATUS_TONE: Record<PlanCheck['status'], ReportTone> = { pass: 'pass', fail: 'fail', notApplicable: 'note' };

/** A check's value in its unit: metres to the centimetre, storeys whole, site coverage as a percentage. */
function checkValue(lang: ReportLang, check: PlanCheck, value: number): string {
  if (check.unit === 'm') return `${formatFixed(lang, value, 2)} m`;
  if (check.unit === 'storeys') return `${formatNumber(lang, value, 0)} ${say(lang, 'plan.unit.storeys')}`;
  return check.id === 'siteCoverage' ? formatPercent(lang, value) : formatFixed(lang, value, 2);
}

/** The plan check: which plan and parcel, then each limit with the measured value, the limit and the verdict. */
export function planBlocks(lang: ReportLang, record: PlanCheckRecord | null): ReportBlock[] {
  if (!record) return [{ kind: 'paragraph', text: say(lang, 'notChecked'), tone: 'note' }];
  const { report } = record;
  const { parcel } = report;
  const sample = report.plan.sample ? ` (${say(lang, 'sample')})` : '';
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const blocks: ReportBlock[] = [
    {
      kind: 'facts',
      rows: [
        [say(lang, 'plan.plan'), { text: `${report.plan.name[lang]}${sample}` }],
        [say(lang, 'plan.parcel'), {
          text: say(lang, 'plan.parcelValue', {
            name: (lang === 'en' && parcel.nameEn) || parcel.name, id: parcel.id, landUse: parcel.landUse, area: formatFixed(lang, parcel.areaM2, 1),
          }),
        }],
        [say(lang, 'plan.source'), { text: parcel.source }],
        [say(lang, 'plan.checkedAt'), { text: formatDateTime(lang, record.checkedAt) }],
        [say(lang, 'plan.plane'), { text: report.plane.label[lang] }],
        [say(lang, 'plan.result'), report.passed ? { text: say(lang, 'plan.passed'), tone: 'pass' } : { text: say(lang, 'plan.failed', { count: failed }), tone: 'fail' }],
      ],
    },
  ];
  if (report.plan.sample) blocks.push({ kind: 'paragraph', text: say(lang, 'plan.sampleNotice'), tone: 'note' });
  blocks.push({
    kind: 'table',
    caption: `${say(lang, 'plan.table')}${sample}`,
    columns: sayAll(lang, ['plan.col.check', 'plan.col.measured', 'plan.col.limit', 'plan.col.status']),
    rows: report.checks.map((check) => [
      { text: check.label[lang] },
      { text: checkValue(lang, check, check.measured) },
      { text: check.limit === null ? '—' : say(lang, check.comparison === '≤' ? 'plan.limit.max' : 'plan.limit.min', { value: checkValue(lang, check, check.limit) }) },
      { text: say(lang, `plan.status.${check.status}`), tone: STATUS_TONE[check.status] },
    ]),
  });
  blocks.push({ kind: 'list', items: report.method.map((line) => line[lang]) });
  return blocks;
}
