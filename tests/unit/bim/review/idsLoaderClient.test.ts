/**
 * The review's IDS check through the app's loader client and the real IFC worker (worker_threads): the demo
 * submission against the city's sample IDS gives the report the CLI's own run gives; bad IDS files come back as
 * refusals with their line; an IDS for another schema is a mismatch, never a pass; a worker that never answers a
 * check is ended by the watchdog; a failing element's bounds (the camera's flight) hold every vertex of it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readIds } from '../../../../src/bim/ids';
import type { IdsReport } from '../../../../src/bim/ids';
import { openIfc, type IfcLoadHandle, type IfcWorkerPort } from '../../../../src/bim/ifcLoaderClient';
import { ifcModels } from '../../../../src/bim/modelRegistry';
import { setEpsgDefinitionSource } from '../../../../src/geo';
import { nodeEpsgDefinitionSource } from '../../../../src/geo/epsg/nodeDefinitionSource';
import { elementBox } from '../../../../src/scene/bim/elementBox';
import { useBimStore } from '../../../../src/state/bimStore';
import type { IfcWorkerResponse } from '../../../../workers/ifc/protocol';
import { spawnNodeIfcWorker } from '../../../../workers/ifc/nodeSpawn';
import { checkIfcBytes } from '../../../../scripts/ids/checkIfcBytes';
import { DEMO_IFC, ifc4x3Ids, notXmlIds, sampleIds, schemaInvalidIds } from './idsFixtures';

/** What a planner compares: each specification's status and, per requirement, the failing GlobalIds. */
function verdicts(report: IdsReport) {
  return report.specifications.map((s) => ({
    name: s.name,
    status: s.status,
    failing: s.requirements.map((r) => r.failures.map((f) => f.globalId)),
  }));
}

function openDemo(spawn: () => IfcWorkerPort = () => spawnNodeIfcWorker(), watchdogMs?: number): IfcLoadHandle {
  const bytes = new Uint8Array(readFileSync(DEMO_IFC));
  return openIfc({ name: 'AC20-FZK-Haus.vn2000.ifc', bytes: bytes.buffer }, { spawn, watchdogMs });
}

beforeAll(() => setEpsgDefinitionSource(nodeEpsgDefinitionSource));
afterEach(() => {
  for (const id of Object.keys(useBimStore.getState().models)) useBimStore.getState().removeModel(id);
});

describe('checkIds on an open model', () => {
  it('checks the demo submission in its worker as the CLI does; bad IDS files are refused with their line', { timeout: 120_000 }, async () => {
    const handle = openDemo();
    expect(await handle.settled).toBe('ready');

    const outcome = await handle.checkIds(sampleIds());
    if (outcome.status !== 'checked') throw new Error(`refused: ${outcome.failure.message.en}`);
    const reference = await checkIfcBytes(new Uint8Array(readFileSync(DEMO_IFC)), readIds(sampleIds()));
    expect(verdicts(outcome.report)).toEqual(verdicts(reference));
    const statuses = outcome.report.specifications.map((s) => s.status);
    expect(statuses).toContain('pass');
    expect(statuses).toContain('fail');

    const notXml = notXmlIds();
    expect(await handle.checkIds(notXml.xml)).toMatchObject({
      status: 'refused', failure: { code: 'NOT_XML', line: notXml.line, message: { vi: expect.stringContaining(`dòng ${notXml.line}`), en: expect.stringContaining(`line ${notXml.line}`) } },
    });
    const invalid = schemaInvalidIds();
    expect(await handle.checkIds(invalid.xml)).toMatchObject({
      status: 'refused', failure: { code: 'SCHEMA_INVALID', line: invalid.line, message: { en: expect.stringMatching(/line \d+\): <specification> needs the attribute name/) } },
    });

    const mismatch = await handle.checkIds(ifc4x3Ids());
    if (mismatch.status !== 'checked') throw new Error('the IFC4X3 IDS is valid');
    expect(mismatch.report.modelSchema).toBe('IFC4');
    expect(mismatch.report.passed).toBe(false);
    for (const specification of mismatch.report.specifications) {
      expect(specification.status).toBe('ifcVersionMismatch');
      expect(specification.messages.map((m) => m.en).join()).toMatch(/IFC4X3_ADD2/);
    }

    // The worker keeps the model after a refusal: the sample still checks the same.
    const again = await handle.checkIds(sampleIds());
    expect(again.status === 'checked' && verdicts(again.report)).toEqual(verdicts(reference));
    expect(useBimStore.getState().models[handle.id]?.failure).toBeNull();

    // The flight to a failing wall: its box holds every vertex the worker gave for it, and nothing much more.
    const wall = outcome.report.specifications.flatMap((s) => s.requirements).flatMap((r) => r.failures).find((f) => f.ifcClass === 'IFCWALLSTANDARDCASE')!;
    const chunks = ifcModels.get(handle.id)!.chunks;
    const box = elementBox(chunks, wall.expressId)!;
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (const chunk of chunks) {
      for (let v = 0; v < chunk.vertexElementIds.length; v++) {
        if (chunk.vertexElementIds[v] !== wall.expressId) continue;
        for (let axis = 0; axis < 3; axis++) {
          min[axis] = Math.min(min[axis]!, chunk.positions[3 * v + axis]!);
          max[axis] = Math.max(max[axis]!, chunk.positions[3 * v + axis]!);
        }
      }
    }
    expect(box.min).toEqual(min);
    expect(box.max).toEqual(max);
    expect(elementBox(chunks, 0)).toBeNull();

    handle.close();
    await expect(handle.checkIds(sampleIds())).rejects.toThrow(/cannot be checked/);
  });

  it('a worker that never answers a check is ended by the watchdog; the model stays open and says why', { timeout: 30_000 }, async () => {
    let listener: (response: IfcWorkerResponse) => void = () => {};
    const silentOnChecks: IfcWorkerPort = {
      post: (request) => {
        if (request.type === 'open') {
          const stats = { elements: 0, elementsWithGeometry: 0, triangles: 0, vertices: 0, chunks: 0, parseMs: 0, firstGeometryMs: null, totalMs: 0 };
          queueMicrotask(() => listener({ type: 'done', id: request.id, payload: stats }));
        }
      },
      onMessage: (l) => (listener = l),
      onError: () => {},
      terminate: () => {},
    };
    const handle = openDemo(() => silentOnChecks, 300);
    expect(await handle.settled).toBe('ready');
    await expect(handle.checkIds(sampleIds())).rejects.toThrow(/IFC worker ended/);
    expect(useBimStore.getState().models[handle.id]).toMatchObject({ status: 'ready', failure: { code: 'WORKER_UNRESPONSIVE' } });
  });
});
