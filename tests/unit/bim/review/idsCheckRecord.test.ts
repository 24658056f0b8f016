/** What an IDS check writes into the review: the record, the audit line's counts, a refusal that keeps the record. */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdsError, readIds } from '../../../../src/bim/ids';
import type { IdsReadFailure } from '../../../../src/bim/ids';
import { idsCheckedSummary, idsCheckRecord, idsRefusedSummary, passingSpecifications } from '../../../../src/bim/review/ui/ids/idsCheckRecord';
import { useReviewStore } from '../../../../src/state/reviewStore';
import { checkIfcBytes } from '../../../../scripts/ids/checkIfcBytes';
import { DEMO_IFC, ifc4x3Ids, notXmlIds, sampleIds } from './idsFixtures';

function refusal(xml: string): IdsReadFailure {
  try {
    readIds(xml);
  } catch (error) {
    if (error instanceof IdsError) return error.failure;
  }
  throw new Error('the IDS was read');
}

const check = (xml: string) => checkIfcBytes(new Uint8Array(readFileSync(DEMO_IFC)), readIds(xml));

describe('the review record of an IDS check', () => {
  beforeEach(() => useReviewStore.setState({ submissions: {}, reviewer: 'Nguyễn Văn A' }));

  it('counts the passing specifications in the audit line; a version mismatch is not a pass', { timeout: 60_000 }, async () => {
    const report = await check(sampleIds());
    const passing = report.specifications.filter((s) => s.status === 'pass').length;
    expect(passing).toBeGreaterThan(0);
    expect(passing).toBeLessThan(report.specifications.length);
    expect(idsCheckedSummary('handover.ids', report)).toEqual({
      vi: `IDS ${report.title}: ${passing}/${report.specifications.length} đặc tả đạt`,
      en: `IDS ${report.title}: ${passing} of ${report.specifications.length} specifications pass`,
    });

    const mismatch = await check(ifc4x3Ids());
    // Specifications whose requirements the model meets still do not pass on a model of another schema.
    expect(mismatch.specifications.filter((s) => s.requirementsPassed).length).toBe(passing);
    expect(mismatch.specifications.every((s) => s.status === 'ifcVersionMismatch')).toBe(true);
    expect(passingSpecifications(mismatch)).toEqual({ passed: 0, total: mismatch.specifications.length });
  });

  it('a refused IDS is logged with its line while the previous record stays', { timeout: 60_000 }, async () => {
    const review = useReviewStore.getState();
    const id = review.receive({ project: 'P', investor: 'I', parcelId: null }, { name: 'a.ifc', bytes: 1, sha256: '0'.repeat(64) });
    const report = await check(sampleIds());
    const record = idsCheckRecord('handover.ids', report, '2026-11-23T17:00:00.000Z');
    review.recordIds(id, record, idsCheckedSummary('handover.ids', report));

    const { line } = notXmlIds();
    const failure = refusal(notXmlIds().xml);
    review.log(id, 'idsChecked', idsRefusedSummary('broken.ids', failure));

    const submission = useReviewStore.getState().submissions[id]!;
    expect(submission.ids).toEqual(record);
    expect(submission.ids?.idsTitle).toBe(report.title);
    expect(submission.status).toBe('checking');
    const last = submission.audit.at(-1)!;
    expect(last).toMatchObject({ seq: 3, action: 'idsChecked', actor: 'Nguyễn Văn A' });
    expect(last.summary.vi).toContain(`dòng ${line}`);
    expect(last.summary.en).toMatch(new RegExp(`^IDS broken.ids refused, the previous result is kept: .*line ${line}`));
  });
});
