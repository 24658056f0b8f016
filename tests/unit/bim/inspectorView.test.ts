/**
 * The inspector's three.js chunk meshes without a GPU: hiding, isolating and highlighting rewrite the index buffers
 * in place (what a renderer would draw), glazing draws apart, and dispose releases every geometry. And the tools'
 * reducer: clicks become measurements and section planes.
 */
import { describe, expect, test } from 'vitest';
import { MeshBasicMaterial, type BufferAttribute, type Mesh } from 'three';
import { ChunkMeshes } from '../../../src/bim/inspector/view/ChunkMeshes';
import { INITIAL_TOOLS, toolReducer, type ToolAction, type ToolState } from '../../../src/bim/inspector/inspectorTools';
import { elementBoxes, pickSurface } from '../../../src/bim/inspector/surfacePick';
import { isElementVisible } from '../../../src/bim/inspector/elementRanges';
import type { Vec3 } from '../../../src/bim/inspector/vec3';
import { boxChunk } from './inspectorFixtures';

const chunk = boxChunk([
  { expressId: 1, min: [0, 0, 0], max: [1, 1, 1] },
  { expressId: 2, min: [2, 0, 0], max: [3, 1, 1], alpha: 80 },
  { expressId: 3, min: [4, 0, 0], max: [5, 1, 1] },
]);

/** The element ids of the triangles a mesh draws now. */
function drawnElements(mesh: Mesh): number[] {
  const index = mesh.geometry.index as BufferAttribute;
  const { count } = mesh.geometry.drawRange;
  const ids = new Set<number>();
  for (let i = 0; i < Math.min(count, index.count); i++) ids.add(chunk.vertexElementIds[index.getX(i)]!);
  return [...ids].sort();
}

describe('chunk meshes', () => {
  const materials = { opaque: new MeshBasicMaterial(), transparent: new MeshBasicMaterial(), highlight: new MeshBasicMaterial() };

  test('opaque and see-through elements draw apart; hiding and isolating change what each draws', () => {
    const meshes = new ChunkMeshes(chunk, materials);
    const [opaque, transparent] = meshes.meshes as [Mesh, Mesh];
    expect(drawnElements(opaque)).toEqual([1, 3]);
    expect(drawnElements(transparent)).toEqual([2]);
    meshes.applyVisibility((id) => isElementVisible(id, new Set([3]), null));
    expect(drawnElements(opaque)).toEqual([1]);
    meshes.applyVisibility((id) => isElementVisible(id, new Set(), new Set([3])));
    expect(drawnElements(opaque)).toEqual([3]);
    expect(transparent.visible).toBe(false);
    meshes.applyVisibility(() => true);
    expect(drawnElements(opaque)).toEqual([1, 3]);
    expect(transparent.visible).toBe(true);
  });

  test('the highlight mesh draws only the selected element, shares the vertex buffers, and goes when cleared', () => {
    const meshes = new ChunkMeshes(chunk, materials);
    expect(meshes.applyHighlight((id) => id === 42)).toBe(false);
    expect(meshes.meshes).toHaveLength(2);
    expect(meshes.applyHighlight((id) => id === 3)).toBe(true);
    const highlight = meshes.meshes[2]!;
    expect(drawnElements(highlight)).toEqual([3]);
    expect(highlight.geometry.getAttribute('position')).toBe(meshes.meshes[0]!.geometry.getAttribute('position'));
    expect(meshes.applyHighlight(() => false)).toBe(false);
    expect(highlight.visible).toBe(false);
  });

  test('dispose releases every geometry it made', () => {
    const meshes = new ChunkMeshes(chunk, materials);
    meshes.applyHighlight((id) => id === 1);
    const disposed: unknown[] = [];
    for (const mesh of meshes.meshes) mesh.geometry.addEventListener('dispose', () => disposed.push(mesh));
    meshes.dispose();
    expect(disposed).toHaveLength(3);
  });
});

describe('tools', () => {
  const pickable = { ...chunk, boxes: elementBoxes(chunk.positions, chunk.indices, chunk.elementRanges) };
  const hitAt = (x: number, y: number) => pickSurface([pickable], { origin: [x, y, 10], direction: [0, 0, -1] }, () => true, [])!;
  const run = (actions: ToolAction[], from: ToolState = INITIAL_TOOLS) => actions.reduce(toolReducer, from);
  const click = (x: number, y: number): ToolAction => ({ type: 'hit', hit: hitAt(x, y), mesh: chunk });

  test('distance and height take two clicks; the tool stays for the next measurement', () => {
    const state = run([{ type: 'tool', tool: 'distance' }, click(0.5, 0.5), click(4.5, 0.5)]);
    expect(state.measurements).toHaveLength(1);
    expect(state.measurements[0]!.value).toBeCloseTo(4, 9);
    expect(state.tool).toBe('distance');
    expect(state.pending).toEqual([]);
    const height = run([{ type: 'tool', tool: 'height' }, click(0.5, 0.5), { type: 'hit', hit: { ...hitAt(4.5, 0.5), point: [4.5, 0.5, 3.25] as Vec3 }, mesh: null }]);
    expect(height.measurements[0]).toMatchObject({ kind: 'height', value: 2.25 });
  });

  test('a polygon finishes on Enter with three points or more; Esc drops what is pending', () => {
    const three = [click(0.1, 0.1), click(0.9, 0.1), click(0.9, 0.9)];
    expect(run([{ type: 'tool', tool: 'polygonArea' }, ...three.slice(0, 2), { type: 'finish' }]).measurements).toEqual([]);
    const done = run([{ type: 'tool', tool: 'polygonArea' }, ...three, { type: 'finish' }]);
    expect(done.measurements[0]!.value).toBeCloseTo(0.32, 6);
    const escaped = run([{ type: 'tool', tool: 'polygonArea' }, ...three, { type: 'escape' }]);
    expect(escaped).toMatchObject({ tool: 'select', pending: [], measurements: [] });
  });

  test('face area measures the clicked face; the face tool adds a section plane from the surface', () => {
    const face = run([{ type: 'tool', tool: 'faceArea' }, click(4.5, 0.5)]);
    expect(face.measurements[0]).toMatchObject({ kind: 'faceArea', expressId: 3 });
    expect(face.measurements[0]!.value).toBeCloseTo(1, 6);
    const cut = run([{ type: 'tool', tool: 'sectionFace' }, click(0.5, 0.5)]);
    expect(cut.sections[0]).toMatchObject({ kind: 'free', normal: [0, 0, 1], offset: 0 });
    expect(cut.tool).toBe('select');
    const moved = run([{ type: 'editSection', id: cut.sections[0]!.id, patch: { offset: 0.4, flipped: true } }], cut);
    expect(moved.sections[0]).toMatchObject({ offset: 0.4, flipped: true });
    expect(run([{ type: 'clearSections' }], moved).sections).toEqual([]);
  });

  test('axis sections are added, moved and removed one by one; measurements clear', () => {
    const state = run([
      { type: 'addAxisSection', axis: 'x', position: 2 },
      { type: 'addAxisSection', axis: 'z', position: 0.5 },
      { type: 'tool', tool: 'distance' }, click(0.5, 0.5), click(4.5, 0.5),
    ]);
    const [x, z] = state.sections.map((section) => section.id) as [number, number];
    const edited = run([{ type: 'editSection', id: x, patch: { position: 2.5 } }, { type: 'removeSection', id: z }], state);
    expect(edited.sections).toEqual([{ id: x, kind: 'axis', axis: 'x', position: 2.5, flipped: false }]);
    expect(run([{ type: 'clearMeasurements' }], edited).measurements).toEqual([]);
  });
});
