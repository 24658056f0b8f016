/**
 * What an IDS check writes into the review: the record and its audit line with the counts, a refused IDS logged
 * with its line while the record stays, one check at a time per submission.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IfcAPI } from 'web-ifc';
import { openIfcModel, readIds } from '../../../../src/bim/ids';
import { checkIdsXml } from '../../../../src/bim/ids/checkIds';
import { createNodeIfcApi } from '../../../../src/bim/ifc/node';
import { idsCheckedSummary, passingSpecifications } from '../../../../src/bim/review/ui/ids/idsCheckRecord';
import { runIdsCheck } from '../../../../src/bim/review/ui/ids/runIdsCheck';
import { useReviewStore } from '../../../../src/state/reviewStore';
import { DEMO_IFC, ifc4x3Ids, notXmlIds, sampleIds } from './idsFixtures';

let model: { api: IfcAPI; modelId: number };
/** The check the IFC worker runs, on the demo model opened here. */
const checkDemo = async (xml: string) => checkIdsXml(model, xml);
const checkedReport = (xml: string) => {
  const outcome = checkIdsXml(model, xml);
  if (outcome.status !== 'checked') throw new Error(outcome.failure.message.en);
  return outcome.report;
};

beforeAll(async () => {
  const api = await createNodeIfcApi();
  model = { api, modelId: openIfcModel(api, new Uint8Array(readFileSync(DEMO_IFC))) };
});
afterAll(() => model.api.CloseModel(model.modelId));

describe('the review record of an IDS check', () => {
  beforeEach(() => useReviewStore.setState({ submissions: {}, reviewer: 'Nguyễn Văn A' }));

  it('counts the passing specifications in the audit line; a version mismatch is not a pass', () => {
    const report = checkedReport(sampleIds());
    const passing = report.specifications.filter((s) => s.status === 'pass').length;
    expect(passing).toBeGreaterThan(0);
    expect(passing).toBeLessThan(report.specifications.length);
    expect(idsCheckedSummary('handover.ids', report)).toEqual({
      vi: `IDS ${report.title}: ${passing}/${report.specifications.length} đặc tả đạt`,
      en: `IDS ${report.title}: ${passing} of ${report.specifications.length} specifications pass`,
    });

    const mismatch = checkedReport(ifc4x3Ids());
    // Specifications whose requirements the model meets still do not pass on a model of another schema.
    expect(mismatch.specifications.filter((s) => s.requirementsPassed).length).toBe(passing);
    expect(mismatch.specifications.every((s) => s.status === 'ifcVersionMismatch')).toBe(true);
    expect(passingSpecifications(mismatch)).toEqual({ passed: 0, total: mismatch.specifications.length });
  });

  it('records a report; a refused IDS is logged with its line and the record stays; one check at a time', async () => {
    const review = useReviewStore.getState();
    const id = review.receive({ project: 'P', investor: 'I', parcelId: null }, { name: 'a.ifc', bytes: 1, sha256: '0'.repeat(64) });

    expect(await runIdsCheck(id, 'handover.ids', async () => sampleIds(), checkDemo)).toEqual({ state: 'checked' });
    const record = useReviewStore.getState().submissions[id]!.ids!;
    expect(record).toMatchObject({ idsFileName: 'handover.ids', idsTitle: readIds(sampleIds()).info.title, outcome: { status: 'checked' } });

    const broken = notXmlIds();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = runIdsCheck(id, 'broken.ids', async () => held.then(() => broken.xml), checkDemo);
    expect(await runIdsCheck(id, 'handover.ids', async () => sampleIds(), checkDemo)).toEqual({ state: 'checking', name: 'broken.ids' });
    release();
    expect(await first).toMatchObject({ state: 'refused', name: 'broken.ids', failure: { code: 'NOT_XML', line: broken.line } });

    const submission = useReviewStore.getState().submissions[id]!;
    expect(submission.ids).toBe(record);
    expect(submission.status).toBe('checking');
    expect(submission.audit.map((entry) => entry.action)).toEqual(['received', 'idsChecked', 'idsChecked']);
    const last = submission.audit.at(-1)!;
    expect(last.actor).toBe('Nguyễn Văn A');
    expect(last.summary.vi).toContain(`dòng ${broken.line}`);
    expect(last.summary.en).toMatch(new RegExp(`^IDS broken.ids refused, the previous result is kept: .*line ${broken.line}`));

    const failed = await runIdsCheck(id, 'lost.ids', async () => sampleIds(), () => Promise.reject(new Error('IFC worker ended: closed')));
    expect(failed).toEqual({ state: 'failed', name: 'lost.ids', detail: 'IFC worker ended: closed' });
    expect(useReviewStore.getState().submissions[id]!.ids).toBe(record);
  });
});
