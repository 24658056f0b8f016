/**
 * A BCF viewpoint from what the app knows — camera in the model's project frame or in ECEF, selected / hidden /
 * isolated / coloured GlobalIds, section planes, a snapshot — and back. The numbers must survive the trip, the
 * result must be valid BCF 3.0, and the module must stay free of Cesium and three.js.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { argbHex, largerSideFieldOfView, rgbaFromHex, verticalFieldOfView, viewFromViewpoint, viewpointFromView, writeBcfZip } from '../../../src/bim/bcf';
import type { AppView, BcfVector } from '../../../src/bim/bcf';
import { manualPlacement } from '../../../src/bim/georef';
import { pngBytes, sampleReview, schema30, SLAB, WALL_1, WALL_2, xmllint } from './bcfFixtures';

const GUID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

function projectView(): AppView {
  return {
    frame: 'project',
    camera: { kind: 'perspective', position: [25, -14, 11], direction: [-0.70710678, 0.5, -0.5], up: [-0.5, 0.35355339, 0.79056942], fieldOfView: 45, aspectRatio: 16 / 9 },
    selected: [WALL_1],
    hidden: [SLAB],
    isolated: null,
    colored: [
      { rgba: [255, 0, 0, 255], guids: [WALL_1, WALL_2] },
      { rgba: [0, 128, 255, 128], guids: [SLAB] },
      { rgba: [0, 0, 0, 255], guids: [] },
    ],
    clippingPlanes: [{ location: [0, 0, 5.6], direction: [0, 0, 1] }],
    snapshot: { format: 'png', bytes: pngBytes(8, 5) },
  };
}

/** Column-major 4×4 times a point, written out here so the test does not lean on the code it checks. */
const apply = (m: number[], [x, y, z]: BcfVector, w = 1): BcfVector => [0, 1, 2].map((r) => m[r]! * x + m[4 + r]! * y + m[8 + r]! * z + m[12 + r]! * w) as BcfVector;
const unit = (v: BcfVector): BcfVector => v.map((c) => c / Math.hypot(...v)) as BcfVector;
const dot = (a: BcfVector, b: BcfVector) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const expectClose = (actual: BcfVector, expected: BcfVector, tolerance: number) => actual.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(tolerance));

describe('viewpointFromView in the project frame', () => {
  const viewpoint = viewpointFromView(projectView(), { guid: GUID });

  it('puts selected, hidden and coloured GlobalIds where BCF wants them', () => {
    expect(viewpoint.guid).toBe(GUID);
    expect(viewpoint.components.selection.map((c) => c.ifcGuid)).toEqual([WALL_1]);
    expect(viewpoint.components.visibility).toMatchObject({ defaultVisibility: true, exceptions: [{ ifcGuid: SLAB }] });
    expect(viewpoint.components.coloring).toEqual([
      { color: 'FF0000', components: [WALL_1, WALL_2].map((ifcGuid) => ({ ifcGuid, originatingSystem: null, authoringToolId: null })) },
      { color: '800080FF', components: [{ ifcGuid: SLAB, originatingSystem: null, authoringToolId: null }] },
    ]);
    expect(viewpoint.camera).toEqual(projectView().camera);
  });

  it('comes back as the same view', () => {
    expect(viewFromViewpoint(viewpoint, 'project')).toEqual({ ...projectView(), colored: projectView().colored.slice(0, 2) });
  });

  it('encodes an isolated set as the exceptions to an invisible default', () => {
    const isolated = viewpointFromView({ ...projectView(), isolated: [WALL_1, WALL_2] }, { guid: GUID });
    expect(isolated.components.visibility.defaultVisibility).toBe(false);
    expect(isolated.components.visibility.exceptions.map((c) => c.ifcGuid)).toEqual([WALL_1, WALL_2]);
    expect(viewFromViewpoint(isolated, 'project')).toMatchObject({ isolated: [WALL_1, WALL_2], hidden: [] });
  });

  it('gives a fresh lower-case GUID when none is passed', () => {
    const guids = new Set([viewpointFromView(projectView()).guid, viewpointFromView(projectView()).guid]);
    expect(guids.size).toBe(2);
    for (const guid of guids) expect(guid).toMatch(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
  });

  it('exports as BCF 3.0 that validates', () => {
    const review = sampleReview();
    review.topics[1]!.viewpoints = [viewpoint];
    const entries = unzipSync(writeBcfZip(review));
    const visinfo = Object.keys(entries).find((name) => name.endsWith(`Viewpoint_${GUID}.bcfv`))!;
    expect(xmllint([{ name: visinfo, text: entries[visinfo]!, xsd: schema30(visinfo)! }])).toEqual([]);
  });
});

describe('viewpointFromView in ECEF (the Cesium scene)', () => {
  // A model placed by hand in Hà Nội, its +y axis 30° east of north.
  const projectToEcef = manualPlacement({ lon: 105.8542, lat: 21.0285, headingDegrees: 30, elevation: 12 }).projectToEcef;
  const local = projectView();
  const ecefView: AppView = {
    ...local,
    frame: 'ecef',
    camera: { ...local.camera, position: apply(projectToEcef, local.camera.position), direction: unit(apply(projectToEcef, local.camera.direction, 0)), up: unit(apply(projectToEcef, local.camera.up, 0)) },
    clippingPlanes: [{ location: apply(projectToEcef, [0, 0, 5.6]), direction: unit(apply(projectToEcef, [0, 0, 1], 0)) }],
  };

  it('writes the camera and section planes in the project frame, to the micrometre', () => {
    const viewpoint = viewpointFromView(ecefView, { guid: GUID, projectToEcef });
    expect(Math.hypot(...ecefView.camera.position)).toBeGreaterThan(6.3e6);
    expectClose(viewpoint.camera!.position, local.camera.position, 1e-6);
    expectClose(viewpoint.camera!.direction, unit(local.camera.direction), 1e-9);
    expectClose(viewpoint.camera!.up, unit(local.camera.up), 1e-9);
    expect(viewpoint.camera).toMatchObject({ kind: 'perspective', fieldOfView: 45, aspectRatio: 16 / 9 });
    expectClose(viewpoint.clippingPlanes[0]!.location, [0, 0, 5.6], 1e-6);
    expectClose(viewpoint.clippingPlanes[0]!.direction, [0, 0, 1], 1e-9);
  });

  it('returns the ECEF view it was made from', () => {
    const back = viewFromViewpoint(viewpointFromView(ecefView, { guid: GUID, projectToEcef }), 'ecef', { projectToEcef })!;
    expectClose(back.camera.position, ecefView.camera.position, 1e-6);
    expectClose(back.camera.direction, ecefView.camera.direction, 1e-9);
    expectClose(back.clippingPlanes[0]!.location, ecefView.clippingPlanes[0]!.location, 1e-6);
  });

  it('needs the placement to leave ECEF', () => {
    expect(() => viewpointFromView(ecefView)).toThrow(/projectToEcef/);
  });

  it('keeps a section plane normal to its plane under per-axis map scales (IFC4.3 FactorX/Y/Z)', () => {
    const scaled = [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0.5, 0, 1000, 2000, 30, 1];
    const normal = unit([1, 1, 1]);
    const p: BcfVector = [10, 20, 30];
    const q: BcfVector = [11, 19, 30];
    expect(dot([q[0] - p[0], q[1] - p[1], q[2] - p[2]], normal)).toBeCloseTo(0, 12);
    const viewpoint = viewpointFromView({ ...projectView(), frame: 'ecef', clippingPlanes: [{ location: p, direction: normal }] }, { guid: GUID, projectToEcef: scaled });
    const inverse = (v: BcfVector): BcfVector => [(v[0] - 1000) / 2, v[1] - 2000, (v[2] - 30) / 0.5];
    const [pp, qq] = [inverse(p), inverse(q)];
    const plane = viewpoint.clippingPlanes[0]!;
    expectClose(plane.location, pp, 1e-9);
    expect(dot([qq[0] - pp[0], qq[1] - pp[1], qq[2] - pp[2]], plane.direction)).toBeCloseTo(0, 12);
    expect(Math.hypot(...plane.direction)).toBeCloseTo(1, 12);
  });

  it('converts an orthogonal view height with the frame scale', () => {
    const doubled = [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1];
    const view: AppView = { ...projectView(), frame: 'ecef', camera: { kind: 'orthogonal', position: [0, 0, 80], direction: [0, 0, -1], up: [0, 1, 0], viewToWorldScale: 30, aspectRatio: 1 } };
    expect(viewpointFromView(view, { guid: GUID, projectToEcef: doubled }).camera).toMatchObject({ position: [0, 0, 40], viewToWorldScale: 15 });
  });
});

describe('colours and fields of view', () => {
  it('writes RGBA as BCF ARGB hex and reads it back', () => {
    expect(argbHex([255, 0, 0, 255])).toBe('FF0000');
    expect(argbHex([64, 224, 208, 255])).toBe('40E0D0');
    expect(argbHex([0, 128, 255, 128])).toBe('800080FF');
    expect(rgbaFromHex('800080FF')).toEqual([0, 128, 255, 128]);
    expect(rgbaFromHex('40E0D0')).toEqual([64, 224, 208, 255]);
  });

  it("turns Cesium's larger-side field of view into BCF's vertical one and back", () => {
    expect(verticalFieldOfView(Math.PI / 2, 2)).toBeCloseTo((2 * Math.atan(0.5) * 180) / Math.PI, 10);
    expect(largerSideFieldOfView(verticalFieldOfView(Math.PI / 2, 2), 2)).toBeCloseTo(Math.PI / 2, 12);
    expect(verticalFieldOfView(Math.PI / 3, 0.75)).toBeCloseTo(60, 10);
  });
});

it('keeps the BCF module free of Cesium and three.js', () => {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) sources.push(readFileSync(path, 'utf8'));
    }
  };
  walk('src/bim/bcf');
  expect(sources.length).toBeGreaterThan(10);
  for (const source of sources) expect(source).not.toMatch(/from '(cesium|@cesium\/[^']+|three)(\/[^']*)?'/);
});
