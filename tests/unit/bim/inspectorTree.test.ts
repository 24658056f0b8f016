/** The inspector's model tree and search: counts a planner can check against the header, rows, reveal. */
import { describe, expect, test } from 'vitest';
import { ancestorKeys, buildModelTree, elementIdsUnder, visibleRows } from '../../../src/bim/inspector/modelTree';
import { searchNodes } from '../../../src/bim/inspector/elementSearch';
import { element, header, spatial } from './inspectorFixtures';

// Project 1 / Site 2 / Building 3 / storeys 10 (EG, 0 m) and 20 (OG, 3 m) listed top first; space 11 in EG.
const model = header(
  spatial(1, 'IfcProject', [
    spatial(2, 'IfcSite', [
      spatial(3, 'IfcBuilding', [
        spatial(20, 'IfcBuildingStorey', [], [201, 202, 203], 3),
        spatial(10, 'IfcBuildingStorey', [spatial(11, 'IfcSpace', [], [111])], [101, 102, 103, 104], 0),
      ]),
    ]),
  ]),
  [
    element(101, 'IfcWall', 10, 'Wand-Int-ERDG-4'), element(102, 'IfcWall', 10, 'Wand-Ext-ERDG-1'),
    element(103, 'IfcSlab', 10), element(104, 'IfcDoor', 10), element(111, 'IfcFurniture', 11),
    element(201, 'IfcWall', 20), element(202, 'IfcWindow', 20), element(203, 'IfcWindow', 20),
    element(301, 'IfcMember', null), element(11, 'IfcSpace', 10),
  ],
);

describe('model tree', () => {
  const tree = buildModelTree(model);

  test('each storey counts the header elements it contains, its spaces included', () => {
    const parentOf = new Map<number, number>();
    const walk = (node: typeof model.spatialTree) => node.children.forEach((c) => (parentOf.set(c.expressId, node.expressId), walk(c)));
    walk(model.spatialTree);
    const within = (id: number | null, storey: number): boolean => id !== null && (id === storey || within(parentOf.get(id) ?? null, storey));
    for (const storey of tree.storeys) {
      const expected = model.elements.filter((e) => e.ifcClass !== 'IfcSpace' && within(e.containerId, storey.expressId!)).length;
      expect(storey.count, storey.name ?? '').toBe(expected);
    }
    expect(tree.storeys.map((s) => s.count)).toEqual([5, 3]);
  });

  test('storeys go bottom-up by elevation; class groups count their elements', () => {
    const building = tree.byKey.get('s:3')!;
    expect(building.children.map((c) => c.name)).toEqual(['IfcBuildingStorey 10', 'IfcBuildingStorey 20']);
    const og = tree.byKey.get('s:20')!;
    expect(og.children.map((c) => [c.ifcClass, c.count])).toEqual([['IfcWall', 1], ['IfcWindow', 2]]);
  });

  test('every element is reachable once, the uncontained ones under one group, and the root counts them all', () => {
    const ids = elementIdsUnder(tree.root).sort((a, b) => a - b);
    expect(ids).toEqual([101, 102, 103, 104, 111, 201, 202, 203, 301]);
    expect(tree.root.count).toBe(9);
    expect(tree.byKey.get('u')!.count).toBe(1);
  });

  test('model-wide classes list every element of the class', () => {
    expect(tree.classes.find((c) => c.ifcClass === 'IfcWall')!.elementIds.sort()).toEqual([101, 102, 201]);
  });

  test('rows follow the expansion, with ARIA level and position; ancestors reveal an element', () => {
    expect(visibleRows(tree, new Set()).map((r) => r.node.key)).toEqual(['s:1']);
    const key = tree.keyOf.get(102)!;
    const path = ancestorKeys(tree, key);
    expect(path).toEqual(['s:1', 's:2', 's:3', 's:10', 'c:s:10:IfcWall']);
    const rows = visibleRows(tree, new Set(path));
    const row = rows.find((r) => r.node.key === key)!;
    expect(row.level).toBe(6);
    // Walls sorted by name: "Wand-Ext…" before "Wand-Int…".
    expect([row.posInSet, row.setSize]).toEqual([1, 2]);
    expect(rows.map((r) => r.node.key)).toContain('s:20');
    expect(rows.map((r) => r.node.key)).not.toContain('e:201');
  });
});

describe('search', () => {
  const tree = buildModelTree(model);
  const nodes = [...tree.byKey.values()];

  test('an exact GlobalId finds that element first', () => {
    const globalId = model.elements.find((e) => e.expressId === 202)!.globalId;
    const { results } = searchNodes(nodes, globalId.toLowerCase());
    expect(results[0]!.node.expressId).toBe(202);
    expect(results[0]!.field).toBe('globalId');
  });

  test('a class finds all its elements; a name fragment finds the named ones', () => {
    expect(searchNodes(nodes, 'ifcwindow').results.map((r) => r.node.expressId).sort()).toEqual([202, 203]);
    expect(searchNodes(nodes, 'window').total).toBe(2);
    expect(searchNodes(nodes, 'ERDG').results.map((r) => r.node.expressId)).toEqual([102, 101]);
  });

  test('limits the list but reports the total; an empty query finds nothing', () => {
    const outcome = searchNodes(nodes, 'ifc', 3);
    expect(outcome.results).toHaveLength(3);
    expect(outcome.total).toBeGreaterThan(3);
    expect(searchNodes(nodes, '  ').total).toBe(0);
  });
});
