/**
 * The tree the planner browses: the spatial structure (Project / Site / Building / Storey / Space), and under each
 * spatial node its contained elements grouped by IFC class, with element counts at every level. Elements no spatial
 * node contains (parts of an aggregate, orphans) gather in one group under the root so that every element is
 * reachable. Built once per header; rows for the current expansion are a flat list the view virtualises.
 */
import type { IfcElementInfo, IfcModelHeader, SpatialNode } from '../types';

export type TreeNodeKind = 'spatial' | 'class' | 'element' | 'unassigned';

export interface TreeNode {
  /** Stable across rebuilds: `s:<expressId>`, `c:<parent key>:<class>`, `e:<expressId>`, `u`. */
  key: string;
  kind: TreeNodeKind;
  /** The spatial node's or element's expressId; null for groups. */
  expressId: number | null;
  ifcClass: string | null;
  name: string | null;
  globalId: string | null;
  /** Storey elevation in metres, when stated. */
  elevation: number | null;
  /** Elements in this node and below it. */
  count: number;
  children: TreeNode[];
  parent: TreeNode | null;
}

export interface ModelTree {
  root: TreeNode;
  byKey: ReadonlyMap<string, TreeNode>;
  /** expressId (element or spatial node) → the key of its row. */
  keyOf: ReadonlyMap<number, string>;
  storeys: readonly TreeNode[];
  /** Every IFC class of the model's elements with its element ids, by class name. */
  classes: readonly { ifcClass: string; elementIds: number[] }[];
}

export interface TreeRow {
  node: TreeNode;
  /** ARIA levels start at 1. */
  level: number;
  posInSet: number;
  setSize: number;
}

function newNode(key: string, kind: TreeNodeKind, fields: Partial<TreeNode>, parent: TreeNode | null): TreeNode {
  return { key, kind, expressId: null, ifcClass: null, name: null, globalId: null, elevation: null, count: 0, children: [], parent, ...fields };
}

/** Names as people sort them ("Wall 2" before "Wall 10"); one collator, not one per comparison (`localeCompare`). */
export const naturalOrder = new Intl.Collator(undefined, { numeric: true }).compare;

const byName = (a: IfcElementInfo, b: IfcElementInfo) => naturalOrder(a.name ?? '', b.name ?? '') || a.expressId - b.expressId;

export function buildModelTree(header: IfcModelHeader): ModelTree {
  const byKey = new Map<string, TreeNode>();
  const keyOf = new Map<number, string>();
  const storeys: TreeNode[] = [];
  const spatialIds = new Set<number>();
  const collect = (node: SpatialNode) => {
    spatialIds.add(node.expressId);
    node.children.forEach(collect);
  };
  collect(header.spatialTree);
  const elements = new Map(header.elements.filter((e) => !spatialIds.has(e.expressId)).map((e) => [e.expressId, e]));
  const placed = new Set<number>();

  const register = (node: TreeNode) => {
    byKey.set(node.key, node);
    if (node.expressId !== null) keyOf.set(node.expressId, node.key);
    return node;
  };

  const addClassGroups = (parent: TreeNode, ids: Iterable<number>) => {
    const groups = new Map<string, IfcElementInfo[]>();
    for (const id of ids) {
      const element = elements.get(id);
      if (!element || placed.has(id)) continue;
      placed.add(id);
      const list = groups.get(element.ifcClass);
      if (list) list.push(element);
      else groups.set(element.ifcClass, [element]);
    }
    for (const ifcClass of [...groups.keys()].sort()) {
      const members = groups.get(ifcClass)!.sort(byName);
      const group = register(newNode(`c:${parent.key}:${ifcClass}`, 'class', { ifcClass, count: members.length }, parent));
      group.children = members.map((e) =>
        register(newNode(`e:${e.expressId}`, 'element', { expressId: e.expressId, ifcClass: e.ifcClass, name: e.name, globalId: e.globalId, count: 1 }, group)),
      );
      parent.children.push(group);
    }
  };

  const addSpatial = (source: SpatialNode, parent: TreeNode | null): TreeNode => {
    const node = register(
      newNode(`s:${source.expressId}`, 'spatial', {
        expressId: source.expressId, ifcClass: source.ifcClass, name: source.name, globalId: source.globalId, elevation: source.elevation,
      }, parent),
    );
    if (source.ifcClass === 'IfcBuildingStorey') storeys.push(node);
    // Storeys bottom-up when every one states its elevation; otherwise the file's order.
    const spatialChildren = source.children.every((child) => child.elevation !== null)
      ? [...source.children].sort((a, b) => a.elevation! - b.elevation!)
      : source.children;
    for (const child of spatialChildren) node.children.push(addSpatial(child, node));
    addClassGroups(node, source.elementIds);
    node.count = node.children.reduce((sum, child) => sum + child.count, 0);
    return node;
  };

  const root = addSpatial(header.spatialTree, null);
  const orphans = [...elements.keys()].filter((id) => !placed.has(id));
  if (orphans.length > 0) {
    const unassigned = register(newNode('u', 'unassigned', {}, root));
    addClassGroups(unassigned, orphans);
    unassigned.count = orphans.length;
    root.children.push(unassigned);
    root.count += orphans.length;
  }

  const classIds = new Map<string, number[]>();
  for (const element of elements.values()) {
    const list = classIds.get(element.ifcClass);
    if (list) list.push(element.expressId);
    else classIds.set(element.ifcClass, [element.expressId]);
  }
  const classes = [...classIds].sort(([a], [b]) => naturalOrder(a, b)).map(([ifcClass, elementIds]) => ({ ifcClass, elementIds }));
  return { root, byKey, keyOf, storeys, classes };
}

/** The element ids at and below a node: what isolating or hiding that node acts on. */
export function elementIdsUnder(node: TreeNode): number[] {
  if (node.kind === 'element') return [node.expressId!];
  return node.children.flatMap(elementIdsUnder);
}

/** The rows shown for the expanded keys, depth first; the root is always shown. */
export function visibleRows(tree: ModelTree, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (node: TreeNode, level: number, posInSet: number, setSize: number) => {
    rows.push({ node, level, posInSet, setSize });
    if (!expanded.has(node.key)) return;
    node.children.forEach((child, i) => walk(child, level + 1, i + 1, node.children.length));
  };
  walk(tree.root, 1, 1, 1);
  return rows;
}

/** Keys of the ancestors of a node, root first: expanding them reveals it. */
export function ancestorKeys(tree: ModelTree, key: string): string[] {
  const keys: string[] = [];
  for (let node = tree.byKey.get(key)?.parent; node; node = node.parent) keys.unshift(node.key);
  return keys;
}
