/**
 * What the scene draws of plan checks: the stored report of the submission the active model shows — another
 * model's, or none when the toggle is off — and how the tab writes the figures (Vietnamese and English numbers).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { manualPlacement } from '../../../../src/bim/georef';
import { checkPlan } from '../../../../src/bim/plan';
import type { PlanCheck } from '../../../../src/bim/plan';
import { formatPlanValue } from '../../../../src/bim/review/ui/plan/formatPlanValue';
import { shownPlanReport, usePlanOverlayStore } from '../../../../src/bim/review/ui/plan/planOverlayStore';
import { useBimStore } from '../../../../src/state';
import { useReviewStore } from '../../../../src/state/reviewStore';
import { createTransform, setEpsgDefinitionSource } from '../../../../src/geo';
import { nodeEpsgDefinitionSource } from '../../../../src/geo/epsg/nodeDefinitionSource';
import { boxModel, demoParcelPlan, demoSubmission } from '../planFixtures';

setEpsgDefinitionSource(nodeEpsgDefinitionSource);

const toWgs84 = createTransform('EPSG:5897', 'EPSG:4326');

async function report() {
  const [e, n] = demoSubmission.parcel.epsg5897[0]!;
  const [lon, lat] = toWgs84(e, n);
  const model = boxModel([{ id: 21, ifcClass: 'IfcWall', container: 11, min: [5, 5, 0], max: [15, 15, 7] }], [{ id: 11, name: 'GF', elevation: 0 }]);
  return checkPlan({ ...model, placement: manualPlacement({ lon, lat, headingDegrees: 0, elevation: 0 }) }, demoParcelPlan({ maxHeightM: 5 }), { parcelId: 'P' });
}

function openModel(id: string): void {
  useBimStore.getState().upsertModel({
    id, fileName: `${id}.ifc`, fileBytes: 1, status: 'ready', phase: 'geometry', progress: 1, chunkCount: 1, placement: null, stats: null, failure: null,
  });
}

describe('the plan check the scene draws', () => {
  beforeEach(() => usePlanOverlayStore.getState().show(true));

  it('is the stored report of the active model’s submission, and nothing for another model or with the toggle off', async () => {
    const review = useReviewStore.getState();
    const submissionId = review.receive({ project: 'P', investor: 'I', parcelId: null }, { name: 'a.ifc', bytes: 1, sha256: 'ab'.repeat(32) });
    openModel('m1');
    openModel('m2');
    useReviewStore.getState().linkModel(submissionId, 'm1');
    useBimStore.getState().setActiveModel('m1');
    expect(shownPlanReport()).toBeNull();

    const checked = await report();
    useReviewStore.getState().recordPlan(submissionId, { planFileName: 'p.geojson', checkedAt: new Date().toISOString(), report: checked }, { vi: 'x', en: 'x' });
    expect(shownPlanReport()).toBe(checked);
    expect(useReviewStore.getState().submissions[submissionId]?.audit.at(-1)?.action).toBe('planChecked');

    usePlanOverlayStore.getState().show(false);
    expect(shownPlanReport()).toBeNull();
    usePlanOverlayStore.getState().show(true);
    useBimStore.getState().setActiveModel('m2');
    expect(shownPlanReport()).toBeNull();
  });

  it('writes metres to the centimetre, storeys whole, coverage as a percentage, in the interface’s language', () => {
    const check = (id: PlanCheck['id'], unit: PlanCheck['unit']) => ({ id, unit });
    expect(formatPlanValue('vi', check('height', 'm'), 1234.5678)).toBe('1.234,57 m');
    expect(formatPlanValue('en', check('height', 'm'), 1234.5678)).toBe('1,234.57 m');
    expect(formatPlanValue('vi', check('storeys', 'storeys'), 7)).toBe('7');
    expect(formatPlanValue('vi', check('siteCoverage', 'ratio'), 0.0037159)).toBe('0,37 %');
    expect(formatPlanValue('en', check('floorAreaRatio', 'ratio'), 0.0061231)).toBe('0.006');
  });
});
