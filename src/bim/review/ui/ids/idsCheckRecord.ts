/**
 * What an IDS check leaves in the review (pure, no DOM): the record of a checked IDS and its audit line, or the
 * audit line of an IDS that was refused. A refused IDS is logged but never replaces the record, so the previous
 * result stays shown and stored (issue 6 §6).
 */
import type { LocalizedText } from '../../../../geo';
import type { IdsReadFailure, IdsReport } from '../../../ids/types';
import type { IdsCheckRecord } from '../../types';

export function idsCheckRecord(idsFileName: string, report: IdsReport, checkedAt: string): IdsCheckRecord {
  return { idsFileName, idsTitle: report.title, checkedAt, outcome: { status: 'checked', report } };
}

/** Specifications that pass, of all: a failure and a wrong IFC version are both not a pass. */
export function passingSpecifications(report: IdsReport): { passed: number; total: number } {
  return { passed: report.specifications.filter((s) => s.status === 'pass').length, total: report.specifications.length };
}

/** "IDS <title>: n of m specifications pass" — the audit line of a check. */
export function idsCheckedSummary(idsFileName: string, report: IdsReport): LocalizedText {
  const { passed, total } = passingSpecifications(report);
  const title = report.title || idsFileName;
  return { vi: `IDS ${title}: ${passed}/${total} đặc tả đạt`, en: `IDS ${title}: ${passed} of ${total} specifications pass` };
}

export function idsRefusedSummary(idsFileName: string, failure: IdsReadFailure): LocalizedText {
  return {
    vi: `IDS ${idsFileName} bị từ chối, kết quả trước được giữ: ${failure.message.vi}`,
    en: `IDS ${idsFileName} refused, the previous result is kept: ${failure.message.en}`,
  };
}
