/**
 * A review as a planner makes it, from real parts: the demo submission (AC20-FZK-Haus on VN-2000) received into
 * the review store, checked against the city's handover IDS with the IDS checker and against the sample plan with
 * the plan checker (both in Node on the file's bytes), BCF topics with a PNG snapshot, comments and a decision.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePlacement } from '../../../../src/bim/georef';
import { readIfcModel } from '../../../../src/bim/ifc';
import { createNodeIfcApi } from '../../../../src/bim/ifc/node';
import type { IdsReport } from '../../../../src/bim/ids';
import { checkPlan, parsePlanText } from '../../../../src/bim/plan';
import type { PlanReport } from '../../../../src/bim/plan';
import type { ReportFonts } from '../../../../src/bim/review/report';
import type { AsBuiltSubmission } from '../../../../src/bim/review/types';
import type { IfcGeometryChunk, IfcModelHeader } from '../../../../src/bim/types';
import { setEpsgDefinitionSource } from '../../../../src/geo';
import { nodeEpsgDefinitionSource } from '../../../../src/geo/epsg/nodeDefinitionSource';
import { useReviewStore } from '../../../../src/state/reviewStore';
import { ASSETS_DIR, REPO_ROOT } from '../../demo/demoFiles';
import { pngBytes, sampleReview } from '../bcfFixtures';
import { checkBytes } from '../idsFixtures';

setEpsgDefinitionSource(nodeEpsgDefinitionSource);

export const IFC_PATH = join(ASSETS_DIR, 'bim/AC20-FZK-Haus.vn2000.ifc');
const IDS_PATH = join(ASSETS_DIR, 'bim/handover.ids');
const PLAN_PATH = join(ASSETS_DIR, 'plan/sample-plan.geojson');
const FONT_DIR = join(REPO_ROOT, 'node_modules/notosans-fontface/fonts');

export const REVIEWER = 'Nguyễn Thị Hằng';
export const DECISION_REASON = 'Trả lại: bổ sung tên cho mọi tầng (IfcBuildingStorey) và cấp chịu lửa của tường theo QCVN 06:2022/BXD.';
export const COMMENT = 'Mô hình đặt đúng vị trí trên thửa XT-ODT-01; chiều cao đạt chỉ tiêu.';
/** The snapshot's size: odd enough that pdfimages' listing can only match this image. */
export const SNAPSHOT_SIZE = { width: 173, height: 97 } as const;

export function reportFonts(): ReportFonts {
  return {
    regular: new Uint8Array(readFileSync(join(FONT_DIR, 'NotoSans-Regular.ttf'))),
    bold: new Uint8Array(readFileSync(join(FONT_DIR, 'NotoSans-Bold.ttf'))),
  };
}

export interface RealChecks {
  ifcBytes: Uint8Array;
  sha256: string;
  ids: IdsReport;
  plan: PlanReport;
}

/** The IDS and plan checks of the demo submission, as the IFC worker would compute them. */
export async function runRealChecks(): Promise<RealChecks> {
  const ifcBytes = new Uint8Array(readFileSync(IFC_PATH));
  const api = await createNodeIfcApi();
  const ids = checkBytes(api, ifcBytes, readFileSync(IDS_PATH, 'utf8'));
  let header: IfcModelHeader | null = null;
  const chunks: IfcGeometryChunk[] = [];
  readIfcModel(api, ifcBytes, IFC_PATH, { progress: () => {}, header: (h) => (header = h), chunk: (c) => chunks.push(c) });
  const placement = await resolvePlacement(header!.georeference, { anchor: header!.geometryOffset });
  const plan = await checkPlan({ header: header!, chunks, placement }, parsePlanText(readFileSync(PLAN_PATH, 'utf8')));
  return { ifcBytes, sha256: createHash('sha256').update(ifcBytes).digest('hex'), ids, plan };
}

/** The demo submission received into the review store; the review's steps applied through its actions. */
export function receiveDemo(checks: RealChecks): string {
  const store = useReviewStore.getState();
  store.setReviewer(REVIEWER);
  return store.receive(
    { project: 'Nhà ở FZK-Haus — hồ sơ hoàn công', investor: 'Công ty CP Đầu tư Xuân Thủy', parcelId: 'XT-ODT-01' },
    { name: 'AC20-FZK-Haus.vn2000.ifc', bytes: checks.ifcBytes.length, sha256: checks.sha256 },
  );
}

export function reviewDemo(checks: RealChecks): AsBuiltSubmission {
  const id = receiveDemo(checks);
  const store = useReviewStore.getState();
  const checkedAt = new Date().toISOString();
  store.recordIds(id, { idsFileName: 'handover.ids', idsTitle: checks.ids.title, checkedAt, outcome: { status: 'checked', report: checks.ids } }, { vi: 'Kiểm tra IDS', en: 'IDS check' });
  store.recordPlan(id, { planFileName: 'sample-plan.geojson', checkedAt, report: checks.plan }, { vi: 'Kiểm tra quy hoạch', en: 'Plan check' });
  const issues = sampleReview();
  issues.topics[0]!.viewpoints[0]!.snapshot = { format: 'png', bytes: pngBytes(SNAPSHOT_SIZE.width, SNAPSHOT_SIZE.height) };
  store.setIssues(id, issues, 'issuesChanged', { vi: 'Thêm 2 vấn đề', en: '2 issues added' });
  store.comment(id, COMMENT);
  store.decide(id, 'returned', DECISION_REASON);
  return useReviewStore.getState().submissions[id]!;
}
