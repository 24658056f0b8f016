/**
 * The review's plan check runs in a worker (workers/plan): what it answers is what `checkPlan` answers on the
 * page, after both messages went through structured cloning with the chunk copies transferred; the page keeps its
 * own chunks for drawing; a plan or a model that cannot be checked comes back as a PlanError that says so; a check
 * stopped by the planner ends its worker; a worker that dies rejects the check instead of leaving it waiting.
 */
import { describe, expect, it } from 'vitest';
import { manualPlacement } from '../../../../src/bim/georef';
import { PlanError, checkPlan } from '../../../../src/bim/plan';
import type { PlanModel } from '../../../../src/bim/plan';
import { checkPlanInWorker } from '../../../../src/bim/plan/planClient';
import type { PlanWorkerPort } from '../../../../src/bim/plan/planClient';
import { createTransform, setEpsgDefinitionSource } from '../../../../src/geo';
import { nodeEpsgDefinitionSource } from '../../../../src/geo/epsg/nodeDefinitionSource';
import { answerPlanCheck } from '../../../../workers/plan/answerPlanCheck';
import type { PlanWorkerRequest, PlanWorkerResponse } from '../../../../workers/plan/protocol';
import { boxModel, demoParcelPlan, demoSubmission } from '../planFixtures';

setEpsgDefinitionSource(nodeEpsgDefinitionSource);

const toWgs84 = createTransform('EPSG:5897', 'EPSG:4326');
const parcelGrid = demoSubmission.parcel.epsg5897.slice(0, -1);
const parcelCentre = [0, 1].map((axis) => parcelGrid.reduce((sum, p) => sum + p[axis]!, 0) / parcelGrid.length) as [number, number];

/** A 12 × 8 m, 7 m high block with its origin at grid point (e, n). */
function blockAt([e, n]: [number, number]): PlanModel {
  const [lon, lat] = toWgs84(e, n);
  const model = boxModel([{ id: 21, ifcClass: 'IfcWall', container: 11, min: [0, 0, 0], max: [12, 8, 7] }], [{ id: 11, name: 'GF', elevation: 0 }]);
  return { ...model, placement: manualPlacement({ lon, lat, headingDegrees: 0, elevation: 0 }) };
}

/** The worker in this process: both messages structured-cloned (the request's copies transferred), as postMessage does. */
function inProcessWorker(seen: { transfer: ArrayBuffer[]; terminated: boolean }): () => PlanWorkerPort {
  return () => {
    let listener: (response: PlanWorkerResponse) => void = () => {};
    return {
      post(request, transfer) {
        seen.transfer = transfer;
        const received = structuredClone(request, { transfer }) as PlanWorkerRequest;
        void answerPlanCheck(received).then((response) => listener(structuredClone(response)));
      },
      onMessage: (next) => (listener = next),
      onError: () => {},
      terminate: () => (seen.terminated = true),
    };
  };
}

describe('plan check in a worker', () => {
  it('answers what checkPlan answers on the page, and the page keeps its chunks', async () => {
    const model = blockAt(parcelCentre);
    const plan = demoParcelPlan({ maxHeightM: 5, minSetbackM: 2 });
    const seen = { transfer: [] as ArrayBuffer[], terminated: false };
    const chunk = model.chunks[0]!;
    const bytes = [chunk.positions, chunk.normals, chunk.indices, chunk.elementRanges].map((a) => a.byteLength);

    const report = await checkPlanInWorker(model, plan, null, { spawn: inProcessWorker(seen) });

    expect(report).toEqual(await checkPlan(model, plan));
    expect(report.checks.find((c) => c.id === 'height')?.status).toBe('fail');
    expect(report.visuals.heightLimitPlane).not.toBeNull();
    // Copies went (and were detached by the transfer); the page's arrays are whole.
    expect(seen.transfer.map((b) => b.byteLength)).toEqual([0, 0, 0, 0]);
    expect([chunk.positions, chunk.normals, chunk.indices, chunk.elementRanges].map((a) => a.byteLength)).toEqual(bytes);
    expect(seen.terminated).toBe(true);
  });

  it('a parcel the plan lacks comes back as a PlanError naming the parcels it has', async () => {
    const seen = { transfer: [] as ArrayBuffer[], terminated: false };
    const check = checkPlanInWorker(blockAt(parcelCentre), demoParcelPlan({ maxHeightM: 25 }), 'XT-404', { spawn: inProcessWorker(seen) });
    await expect(check).rejects.toBeInstanceOf(PlanError);
    const error = (await check.catch((e: unknown) => e)) as PlanError;
    expect(error.subject).toBe('plan');
    expect(error.userMessage.vi).toContain('"XT-404"');
    expect(error.userMessage.en).toContain('it has: P');
  });

  it('a model on no parcel of the plan is the model’s problem', async () => {
    const seen = { transfer: [] as ArrayBuffer[], terminated: false };
    const far = [parcelCentre[0] + 2000, parcelCentre[1]] as [number, number];
    const error = (await checkPlanInWorker(blockAt(far), demoParcelPlan({ maxHeightM: 25 }), null, { spawn: inProcessWorker(seen) }).catch((e: unknown) => e)) as PlanError;
    expect(error).toBeInstanceOf(PlanError);
    expect(error.subject).toBe('model');
    expect(error.userMessage.en).toContain('stands on no parcel');
  });

  it('a stopped check ends its worker at once and rejects with the reason; one stopped before it starts spawns none', async () => {
    let terminated = 0;
    let spawned = 0;
    const silent = (): PlanWorkerPort => {
      spawned++;
      return { post: () => {}, onMessage: () => {}, onError: () => {}, terminate: () => terminated++ };
    };
    const controller = new AbortController();
    const check = checkPlanInWorker(blockAt(parcelCentre), demoParcelPlan({}), null, { spawn: silent, signal: controller.signal });
    controller.abort(new Error('stopped by the planner'));
    await expect(check).rejects.toThrow('stopped by the planner');
    expect([spawned, terminated]).toEqual([1, 1]);
    await expect(checkPlanInWorker(blockAt(parcelCentre), demoParcelPlan({}), null, { spawn: silent, signal: controller.signal })).rejects.toThrow('stopped by the planner');
    expect(spawned).toBe(1);
  });

  it('a worker that dies rejects the check and is ended', async () => {
    let terminated = false;
    const dying = (): PlanWorkerPort => {
      let onError: (message: string) => void = () => {};
      return {
        post: () => queueMicrotask(() => onError('out of memory')),
        onMessage: () => {},
        onError: (listener) => (onError = listener),
        terminate: () => (terminated = true),
      };
    };
    await expect(checkPlanInWorker(blockAt(parcelCentre), demoParcelPlan({}), null, { spawn: dying })).rejects.toThrow('plan worker: out of memory');
    expect(terminated).toBe(true);
  });
});
