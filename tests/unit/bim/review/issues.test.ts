/**
 * The review's issues panel without a browser: a topic raised from the planner's form and the captured view, its
 * edits and comments, written as BCF 3.0 that buildingSMART's XSDs accept and read back; a viewpoint shown again
 * restores the camera (through the scene registry) and the element selection and visibility; a re-import merges.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { mergeBcfDocuments, readBcfZip, writeBcfZip } from '../../../../src/bim/bcf';
import type { BcfCamera, BcfDocument, BcfVector } from '../../../../src/bim/bcf';
import { transformDirection, transformPoint } from '../../../../src/bim/bcf/viewpoint/affine';
import { manualPlacement } from '../../../../src/bim/georef/manualPlacement';
import { ifcModels } from '../../../../src/bim/modelRegistry';
import { sceneView } from '../../../../src/bim/review/ui/issues/sceneView';
import {
  commentOnTopic, describeEdit, editTopic, EMPTY_DRAFT, importCounts, labelsOf, newTopic, withTopic,
} from '../../../../src/bim/review/ui/issues/topics';
import { captureViewpoint, componentsOf, elementsOf, fileReferenceOf, showViewpoint } from '../../../../src/bim/review/ui/issues/viewpoints';
import { emptyIssues } from '../../../../src/state/reviewStore';
import { useBimStore } from '../../../../src/state';
import { element, header, spatial } from '../inspectorFixtures';
import { pngBytes, schema30, xmllint } from '../bcfFixtures';

const MODEL = 'model-issues';
const PROJECT_GUID = '2O2Fr$t4X7Zf8NOew3FLOH';
const placement = manualPlacement({ lon: 105.7823, lat: 21.0379, headingDegrees: 25, elevation: 0 });
const wall = element(11, 'IfcWall', 2);
const slab = element(12, 'IfcSlab', 2);
const door = element(13, 'IfcDoor', 2);
/** Looking at the house from 30 m south-west and 12 m up, in the model's project frame. */
const projectCamera: BcfCamera = {
  kind: 'perspective', position: [-20, -22, 12], direction: normalize([20, 22, -9]), up: normalize([0.18, 0.2, 0.96]), aspectRatio: 1.6, fieldOfView: 40,
};
const ecefCamera: BcfCamera = {
  ...projectCamera,
  position: transformPoint(placement.projectToEcef, projectCamera.position),
  direction: transformDirection(placement.projectToEcef, projectCamera.direction),
  up: transformDirection(placement.projectToEcef, projectCamera.up),
};
const snapshot = pngBytes(32, 20);
const at = '2026-11-23T10:15:00.000Z';

function normalize(v: BcfVector): BcfVector {
  const length = Math.hypot(...v);
  return [v[0] / length, v[1] / length, v[2] / length];
}

function expectClose(actual: BcfVector, expected: BcfVector, tolerance: number) {
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]!), `component ${i}: ${value} vs ${expected[i]}`).toBeLessThan(tolerance));
}

let shown: BcfCamera[] = [];
let unregister: () => void = () => undefined;

beforeEach(() => {
  const project = { ...spatial(1, 'IfcProject', [spatial(2, 'IfcBuildingStorey', [], [11, 12, 13])]), globalId: PROJECT_GUID };
  ifcModels.create(MODEL);
  ifcModels.setHeader(MODEL, { ...header(project, [wall, slab, door]), fileName: 'house.ifc' });
  useBimStore.getState().upsertModel({
    id: MODEL, fileName: 'house.ifc', fileBytes: 1000, status: 'ready', phase: 'geometry', progress: 1, chunkCount: 1, placement, stats: null, failure: null,
  });
  useBimStore.getState().setActiveModel(MODEL);
  shown = [];
  unregister = sceneView.provide({ capture: () => Promise.resolve({ camera: ecefCamera, snapshot }), show: (camera) => shown.push(camera) });
});

afterEach(() => {
  unregister();
  useBimStore.getState().removeModel(MODEL);
  ifcModels.delete(MODEL);
});

describe('a topic from the form', () => {
  it('takes the draft as the planner typed it: title trimmed, blank fields absent, labels split once each', () => {
    const draft = { ...EMPTY_DRAFT, title: '  Thiếu tên tầng  ', description: ' ', priority: 'High', assignedTo: 'KTS Lan', labels: 'IDS, tầng,,IDS ' };
    const viewpoint = viewpointStub();
    const topic = newTopic(draft, viewpoint, fileReferenceOf(MODEL), { author: 'Nguyễn Văn A', at });
    expect(topic).toMatchObject({
      title: 'Thiếu tên tầng', description: null, priority: 'High', assignedTo: 'KTS Lan', labels: ['IDS', 'tầng'], topicStatus: 'Open', topicType: 'Issue',
      creationAuthor: 'Nguyễn Văn A', creationDate: at, modifiedDate: null,
      files: [{ ifcProject: PROJECT_GUID, filename: 'house.ifc', isExternal: true }],
    });
    expect(topic.viewpoints).toEqual([viewpoint]);
    expect(labelsOf(' , ')).toEqual([]);
  });

  it('edits are signed as modified and logged field by field; an edit that changes nothing keeps the topic', () => {
    const topic = newTopic({ ...EMPTY_DRAFT, title: 'Cửa thoát hiểm' }, viewpointStub(), fileReferenceOf(MODEL), { author: 'A', at });
    const later = '2026-11-23T11:00:00.000Z';
    const edited = editTopic(topic, { topicStatus: 'Resolved', priority: 'Critical', assignedTo: topic.assignedTo }, { author: 'B', at: later });
    expect(edited).toMatchObject({ topicStatus: 'Resolved', priority: 'Critical', modifiedAuthor: 'B', modifiedDate: later, creationAuthor: 'A' });
    expect(editTopic(edited, { topicStatus: 'Resolved' }, { author: 'C', at: later })).toBe(edited);
    expect(describeEdit(topic, edited).en).toBe('Issue “Cửa thoát hiểm”: status Open → Resolved; priority Normal → Critical');
    expect(describeEdit(topic, edited).vi).toBe('Vấn đề “Cửa thoát hiểm”: trạng thái Open → Resolved; mức ưu tiên Normal → Critical');

    const commented = commentOnTopic(edited, '  Đã sửa ở bản 2 ', { author: 'B', at: later });
    expect(commented.comments).toMatchObject([{ author: 'B', date: later, comment: 'Đã sửa ở bản 2' }]);
    expect(edited.comments).toEqual([]);

    const document = withTopic(withTopic(emptyIssues(), topic), commented);
    expect(document.topics.map((entry) => entry.comments.length)).toEqual([1]);
  });
});

describe('the view captured with a topic', () => {
  it('is the city camera in the project frame with the selection, hidden elements and a PNG; it writes as valid BCF 3.0 and reads back', async () => {
    const bim = useBimStore.getState();
    bim.select(wall.expressId);
    bim.setHidden(new Set([slab.expressId]));
    const viewpoint = await captureViewpoint(MODEL);
    expectClose(viewpoint.camera!.position, projectCamera.position, 1e-3);
    expectClose(viewpoint.camera!.direction, projectCamera.direction, 1e-6);
    expectClose(viewpoint.camera!.up, projectCamera.up, 1e-6);
    expect(viewpoint.components.selection.map((c) => c.ifcGuid)).toEqual([wall.globalId]);
    expect(viewpoint.components.visibility).toMatchObject({ defaultVisibility: true, exceptions: [{ ifcGuid: slab.globalId }] });
    expect(viewpoint.snapshot).toEqual({ format: 'png', bytes: snapshot });

    const topic = newTopic({ ...EMPTY_DRAFT, title: 'Tường thiếu thuộc tính cháy', assignedTo: 'Chủ đầu tư' }, viewpoint, fileReferenceOf(MODEL), { author: 'Nguyễn Văn A', at });
    const zip = writeBcfZip(withTopic(emptyIssues(), topic));
    const entries = unzipSync(zip);
    const problems = xmllint(Object.entries(entries).flatMap(([name, bytes]) => {
      const xsd = schema30(name);
      return xsd ? [{ name, text: bytes, xsd }] : [];
    }));
    expect(problems).toEqual([]);
    const back = readBcfZip(zip).topics[0]!;
    expect(back).toMatchObject({ guid: topic.guid, title: topic.title, assignedTo: 'Chủ đầu tư', creationAuthor: 'Nguyễn Văn A' });
    expect(back.viewpoints[0]!.components.selection[0]!.ifcGuid).toBe(wall.globalId);
    expect(back.viewpoints[0]!.snapshot!.bytes).toEqual(snapshot);
  });

  it('isolated elements are the exceptions to an invisible default', async () => {
    useBimStore.getState().isolate(new Set([door.expressId, wall.expressId]));
    const viewpoint = await captureViewpoint(MODEL);
    expect(viewpoint.components.visibility.defaultVisibility).toBe(false);
    expect(viewpoint.components.visibility.exceptions.map((c) => c.ifcGuid).sort()).toEqual([door.globalId, wall.globalId].sort());
  });

  it('is refused for a model the city has not placed', async () => {
    useBimStore.getState().patchModel(MODEL, { placement: null });
    await expect(captureViewpoint(MODEL)).rejects.toThrow(/no placement/);
  });
});

describe('showing a viewpoint', () => {
  it('moves the city camera back and restores selection, hidden and isolated elements; names GlobalIds the model lacks', async () => {
    const bim = useBimStore.getState();
    bim.select(door.expressId);
    bim.isolate(new Set([door.expressId, slab.expressId]));
    const viewpoint = await captureViewpoint(MODEL);
    bim.select(null);
    bim.isolate(null);
    bim.setHidden(new Set([wall.expressId]));

    const foreign = '3vB2YO$MX4xv5uCqZZG05x';
    const withForeign = { ...viewpoint, components: { ...viewpoint.components, selection: [{ ifcGuid: foreign, originatingSystem: null, authoringToolId: null }, ...viewpoint.components.selection] } };
    expect(showViewpoint(withForeign, MODEL)).toEqual([foreign]);
    expect(shown).toHaveLength(1);
    expectClose(shown[0]!.position, ecefCamera.position, 1e-3);
    expectClose(shown[0]!.direction, ecefCamera.direction, 1e-6);
    const after = useBimStore.getState();
    expect(after.selectedElementId).toBe(door.expressId);
    expect([...after.isolatedElementIds!].sort()).toEqual([door.expressId, slab.expressId].sort());
    expect(after.hiddenElementIds.size).toBe(0);
  });

  it('is refused for a viewpoint without a camera (BCF 2.1)', () => {
    expect(showViewpoint({ ...viewpointStub(), camera: null }, MODEL)).toBeNull();
    expect(shown).toEqual([]);
  });

  it('maps element ids and GlobalIds both ways, leaving out what the model does not have', () => {
    const byId = new Map([wall, slab].map((e) => [e.expressId, e]));
    expect(componentsOf({ selected: 99, hidden: new Set([slab.expressId, 98]), isolated: null }, byId)).toEqual({ selected: [], hidden: [slab.globalId], isolated: null });
    expect(elementsOf({ selected: [], hidden: [], isolated: ['nope', wall.globalId] }, [wall, slab])).toEqual({
      selected: null, hidden: new Set(), isolated: new Set([wall.expressId]), unknown: ['nope'],
    });
  });
});

describe('importing a file of the same review again', () => {
  it('replaces its topics by GUID instead of adding them twice, and says so', async () => {
    const first = newTopic({ ...EMPTY_DRAFT, title: 'Một' }, await captureViewpoint(MODEL), fileReferenceOf(MODEL), { author: 'A', at });
    const second = newTopic({ ...EMPTY_DRAFT, title: 'Hai' }, await captureViewpoint(MODEL), fileReferenceOf(MODEL), { author: 'A', at });
    const review: BcfDocument = withTopic(withTopic(emptyIssues(), first), second);
    const exported = readBcfZip(writeBcfZip(review));
    const resolved = { ...exported, topics: [editTopic(exported.topics[0]!, { topicStatus: 'Closed' }, { author: 'B', at })] };
    expect(importCounts(review, resolved)).toEqual({ added: 0, updated: 1 });
    const merged = mergeBcfDocuments(review, resolved);
    expect(merged.topics.map((topic) => [topic.title, topic.topicStatus])).toEqual([['Một', 'Closed'], ['Hai', 'Open']]);
    expect(importCounts(emptyIssues(), exported)).toEqual({ added: 2, updated: 0 });
  });
});

function viewpointStub() {
  return {
    guid: crypto.randomUUID(), index: null, camera: projectCamera,
    components: { selection: [], visibility: { defaultVisibility: true, exceptions: [], viewSetupHints: null }, coloring: [] },
    lines: [], clippingPlanes: [], snapshot: null,
  };
}
