import type { IdsFailingElement, IdsSpecificationResult } from '../../ids/types';
import type { IdsCheckRecord } from '../types';
import { formatDateTime, formatNumber } from './format';
import { say, sayAll } from './reportText';
import type { ReportBlock, ReportCell, ReportLang, ReportTone } from './types';

/** Failing elements listed per requirement; the rest are counted ("… and 41 more"), the IDS report has them all. */
export const MAX_ELEMENTS_LISTED = 10;

const STATUS_TONE: Record<IdsSpecificationResult['status'], ReportTone> = { pass: 'pass', fail: 'fail', ifcVersionMismatch: 'fail' };

/** The IDS check: which requirements, the verdict per specification, and the elements that fail each requirement. */
export function idsBlocks(lang: ReportLang, record: IdsCheckRecord | null): ReportBlock[] {
  if (!record) return [{ kind: 'paragraph', text: say(lang, 'notChecked'), tone: 'note' }];
  const facts: [string, ReportCell][] = [
    [say(lang, 'ids.file'), { text: record.idsFileName }],
    [say(lang, 'ids.title'), { text: record.idsTitle || say(lang, 'notGiven') }],
    [say(lang, 'ids.checkedAt'), { text: formatDateTime(lang, record.checkedAt) }],
  ];
  const { outcome } = record;
  if (outcome.status === 'refused') {
    // The reader's message names the line and column itself.
    return [{ kind: 'facts', rows: facts }, { kind: 'paragraph', text: say(lang, 'ids.refused', { message: outcome.failure.message[lang] }), tone: 'fail' }];
  }
  const { report } = outcome;
  const passed = report.specifications.filter((s) => s.status === 'pass').length;
  return [
    {
      kind: 'facts',
      rows: [
        ...facts,
        [say(lang, 'ids.schema'), { text: report.modelSchema }],
        [say(lang, 'ids.result'), { text: say(lang, 'ids.summary', { passed, total: report.specifications.length }), tone: report.passed ? 'pass' : 'fail' }],
      ],
    },
    {
      kind: 'table',
      caption: say(lang, 'ids.table'),
      columns: sayAll(lang, ['ids.col.spec', 'ids.col.status', 'ids.col.applicable', 'ids.col.passed', 'ids.col.failed']),
      rows: report.specifications.map((spec) => [
        { text: spec.identifier ? `${spec.identifier} — ${spec.name}` : spec.name },
        { text: say(lang, `ids.status.${spec.status}`), tone: STATUS_TONE[spec.status] },
        { text: formatNumber(lang, spec.applicableCount, 0) },
        { text: formatNumber(lang, spec.passedCount, 0) },
        { text: formatNumber(lang, spec.failedCount, 0) },
      ]),
    },
    ...report.specifications.filter((spec) => spec.status !== 'pass').flatMap((spec) => failureBlocks(lang, spec)),
  ];
}

/** Why one specification fails: its messages, then per failed requirement the elements, capped. */
function failureBlocks(lang: ReportLang, spec: IdsSpecificationResult): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'subheading', text: spec.identifier ? `${spec.identifier} — ${spec.name}` : spec.name }];
  for (const message of spec.messages) blocks.push({ kind: 'paragraph', text: message[lang], tone: 'fail' });
  if (spec.prohibitedElements.length > 0) {
    blocks.push({ kind: 'paragraph', text: say(lang, 'ids.prohibited'), tone: 'fail' }, ...elementList(lang, spec.prohibitedElements));
  }
  for (const requirement of spec.requirements.filter((r) => !r.passed)) {
    const count = formatNumber(lang, requirement.failures.length, 0);
    blocks.push({ kind: 'paragraph', text: `${requirement.description[lang]} — ${say(lang, 'ids.failures')}: ${count}`, tone: 'fail' });
    if (requirement.failures.length > 0) blocks.push(...elementList(lang, requirement.failures));
  }
  return blocks;
}

/** The elements, capped; a reason every element shares is said once, above the list. */
function elementList(lang: ReportLang, elements: IdsFailingElement[]): ReportBlock[] {
  const reasons = new Set(elements.map((element) => element.reason[lang]));
  const shared = reasons.size === 1 ? [...reasons][0]! : null;
  const items = elements.slice(0, MAX_ELEMENTS_LISTED).map((element) => {
    const name = element.name ? ` “${element.name}”` : '';
    const id = element.globalId ?? `#${element.expressId}`;
    return `${element.ifcClass}${name} (${id})${shared === null ? `: ${element.reason[lang]}` : ''}`;
  });
  const more = elements.length - MAX_ELEMENTS_LISTED;
  if (more > 0) items.push(say(lang, 'andMore', { count: formatNumber(lang, more, 0) }));
  return [...(shared === null ? [] : [{ kind: 'paragraph' as const, text: shared, tone: 'plain' as const }]), { kind: 'list', items }];
}
