/**
 * Plan conformance (issue 6 §2): a zoning plan of parcels with limits, and checks of a placed IFC model against
 * it, computed from the model's geometry. Pure: no DOM, no Cesium, no web-ifc — the IFC worker, the CLI and the
 * UI call the same functions on a loaded model (`IfcModelHeader`, its chunks and its `ModelPlacement`).
 *
 * ```ts
 * const plan = parsePlanText(await file.text());          // PlanError names the parcel and the field
 * const report = await checkPlan({ header, chunks, placement }, plan);
 * report.checks;   // height, storeys, containment, setback, siteCoverage, floorAreaRatio: measured, limit, status
 * report.visuals;  // parcel, footprint, height-limit plane, setback band, setback line: WGS 84 with heights
 * ```
 *
 * To check one model against several parcels, measure once: `createWorkingPlane(plan, modelAnchor(model))`,
 * `measureModel(model, plane)`, then `evaluateParcel(plan, parcel, measurements, plane)` per parcel.
 */
export type * from './types';
export { LIMIT_KEYS } from './types';
export { PlanError } from './PlanError';
export { parsePlan, parsePlanText } from './parsePlan';
export { checkPlan, evaluateParcel, modelAnchor, parcelPolygon } from './checkPlan';
export type { CheckPlanOptions } from './checkPlan';
export { measureModel, MIN_COURTYARD_M2, FLOOR_FACE_TOLERANCE_M } from './measureModel';
export { buildingElementIds } from './buildingGeometry';
export type { PlanChunk, PlanModel } from './buildingGeometry';
export { BELOW_GROUND_TOLERANCE_M, MIN_STOREY_RISE_M } from './storeys';
export { CONTAINMENT_TOLERANCE_M } from './planChecks';
export { createWorkingPlane } from './workingPlane';
export type { WorkingPlane } from './workingPlane';
export { closestBoundaryPoints, polygonsArea } from './planeGeometry';
export { difference, inset, unionOfTriangles } from './polygonClipping';
