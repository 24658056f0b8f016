/**
 * IFC bytes + zoning plan → plan report, in Node, with the code the app runs: the IFC kernel (`readIfcModel`, all
 * geometry), `resolvePlacement`, then `checkPlan`. A model without georeferencing is refused: where it would
 * stand is a guess, and so would every check be.
 */
import { resolvePlacement } from '../../src/bim/georef';
import { createNodeIfcApi } from '../../src/bim/ifc/node';
import { closeIfcModel, readIfcModel } from '../../src/bim/ifc/readIfcModel';
import { PlanError, checkPlan } from '../../src/bim/plan';
import type { CheckPlanOptions, PlanReport, ZoningPlan } from '../../src/bim/plan';
import type { IfcGeometryChunk, IfcModelHeader, ModelPlacement } from '../../src/bim/types';
import { setEpsgDefinitionSource } from '../../src/geo';
import { nodeEpsgDefinitionSource } from '../../src/geo/epsg/nodeDefinitionSource';

// Any EPSG code a file or a plan names is resolved from the bundled definition set, read from node_modules here.
setEpsgDefinitionSource(nodeEpsgDefinitionSource);

export interface IfcPlanCheck {
  placement: Pick<ModelPlacement, 'source' | 'trust' | 'originWgs84' | 'headingDegrees'>;
  report: PlanReport;
}

export async function checkIfcPlan(bytes: Uint8Array, fileName: string, plan: ZoningPlan, options: CheckPlanOptions = {}): Promise<IfcPlanCheck> {
  const api = await createNodeIfcApi();
  const headers: IfcModelHeader[] = [];
  const chunks: IfcGeometryChunk[] = [];
  const { modelId } = readIfcModel(api, bytes, fileName, { progress: () => {}, header: (h) => headers.push(h), chunk: (c) => chunks.push(c) });
  closeIfcModel(api, modelId);
  const header = headers[0]!;
  const placement = await resolvePlacement(header.georeference, { anchor: header.geometryOffset });
  if (placement.source === 'none') {
    throw new PlanError(null, {
      vi: 'tệp không có thông tin định vị (IfcMapConversion, ePSet_MapConversion hay IfcSite): không biết công trình đứng ở đâu để đối chiếu quy hoạch',
      en: 'the file has no georeferencing (IfcMapConversion, ePSet_MapConversion or IfcSite): where the building stands is unknown, so it cannot be checked against a plan',
    }, null, { subject: 'model' });
  }
  const report = await checkPlan({ header, chunks, placement }, plan, options);
  const { source, trust, originWgs84, headingDegrees } = placement;
  return { placement: { source, trust, originWgs84, headingDegrees }, report };
}
