/**
 * The spatial tree (IfcProject → Site → Building → Storey → Space, IFC4.3 facilities and their parts) from
 * IfcRelAggregates, and the element index from IfcRelContainedInSpatialStructure.
 *
 * Elements are the products a planner can look at: every IfcProduct with a representation, except the spatial
 * structure itself (tree nodes) and openings (IfcFeatureElementSubtraction: holes, not things). A part of an
 * assembly (IfcRelAggregates between elements) takes the container of its whole, so the tree lists it under
 * the storey that holds the assembly. A corrupt file may aggregate in a cycle: the tree is walked from the
 * project with a visited set, and a spatial node no path reaches hangs under the root rather than vanishing.
 */
import type { IfcAPI, RawLineData } from 'web-ifc';
import {
  IFCBUILDINGSTOREY,
  IFCFEATUREELEMENTSUBTRACTION,
  IFCPRODUCT,
  IFCPROJECT,
  IFCRELAGGREGATES,
  IFCRELCONTAINEDINSPATIALSTRUCTURE,
  IFCSPATIALELEMENT,
  IFCSPATIALSTRUCTUREELEMENT,
} from 'web-ifc';
import type { IfcElementInfo, SpatialNode } from '../types';
import { idsOfType, rawLines, stepArgument, stepNumber, stepReference, stepReferences, stepString } from './stepValues';

export interface SpatialStructure {
  projectName: string | null;
  spatialTree: SpatialNode;
  elements: IfcElementInfo[];
}

export function readSpatialStructure(api: IfcAPI, modelId: number, lengthUnitMetres: number): SpatialStructure {
  const projectLine = rawLines(api, modelId, idsOfType(api, modelId, IFCPROJECT).slice(0, 1))[0] ?? null;
  const spatialIds = new Set([
    ...idsOfType(api, modelId, IFCSPATIALSTRUCTUREELEMENT, true),
    ...idsOfType(api, modelId, IFCSPATIALELEMENT, true),
  ]);
  const nodes = new Map<number, SpatialNode>();
  const root = spatialNode(api, projectLine, lengthUnitMetres) ?? syntheticProject();
  nodes.set(root.expressId, root);
  for (const line of rawLines(api, modelId, [...spatialIds])) {
    const node = spatialNode(api, line, lengthUnitMetres);
    if (node) nodes.set(node.expressId, node);
  }

  const childrenOf = new Map<number, number[]>();
  const wholeOf = new Map<number, number>();
  for (const rel of rawLines(api, modelId, idsOfType(api, modelId, IFCRELAGGREGATES))) {
    const relating = stepReference(stepArgument(rel, 4));
    if (relating === null) continue;
    for (const related of stepReferences(stepArgument(rel, 5))) {
      if (nodes.has(relating) && nodes.has(related)) append(childrenOf, relating, related);
      else wholeOf.set(related, relating);
    }
  }
  attachTree(root, nodes, childrenOf);

  const containerOf = new Map<number, number>();
  for (const rel of rawLines(api, modelId, idsOfType(api, modelId, IFCRELCONTAINEDINSPATIALSTRUCTURE))) {
    const structure = stepReference(stepArgument(rel, 5));
    if (structure === null || !nodes.has(structure)) continue;
    for (const element of stepReferences(stepArgument(rel, 4))) if (!containerOf.has(element)) containerOf.set(element, structure);
  }

  const excluded = new Set([...spatialIds, ...idsOfType(api, modelId, IFCFEATUREELEMENTSUBTRACTION, true)]);
  const productIds = idsOfType(api, modelId, IFCPRODUCT, true).filter((id) => !excluded.has(id));
  const elements: IfcElementInfo[] = [];
  for (const line of rawLines(api, modelId, productIds)) {
    if (stepReference(stepArgument(line, 6)) === null) continue;
    const containerId = findContainer(line.ID, containerOf, wholeOf);
    elements.push({
      expressId: line.ID,
      globalId: stepString(stepArgument(line, 0)) ?? '',
      ifcClass: api.GetNameFromTypeCode(line.type),
      name: stepString(stepArgument(line, 2)),
      containerId,
      hasGeometry: false,
    });
    if (containerId !== null) nodes.get(containerId)?.elementIds.push(line.ID);
  }
  return { projectName: root.name, spatialTree: root, elements };
}

function spatialNode(api: IfcAPI, line: RawLineData | null, lengthUnitMetres: number): SpatialNode | null {
  if (!line) return null;
  const elevation = line.type === IFCBUILDINGSTOREY ? stepNumber(stepArgument(line, 9)) : null;
  return {
    expressId: line.ID,
    globalId: stepString(stepArgument(line, 0)) ?? '',
    ifcClass: api.GetNameFromTypeCode(line.type),
    name: stepString(stepArgument(line, 2)) ?? stepString(stepArgument(line, 7)),
    elevation: elevation === null ? null : elevation * lengthUnitMetres,
    children: [],
    elementIds: [],
  };
}

function syntheticProject(): SpatialNode {
  return { expressId: 0, globalId: '', ifcClass: 'IfcProject', name: null, elevation: null, children: [], elementIds: [] };
}

function append(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Links children breadth-first from the root, each node once; unreached nodes go under the root. */
function attachTree(root: SpatialNode, nodes: Map<number, SpatialNode>, childrenOf: Map<number, number[]>): void {
  const attached = new Set([root.expressId]);
  const queue = [root];
  const walk = () => {
    for (let node = queue.shift(); node; node = queue.shift()) {
      for (const childId of childrenOf.get(node.expressId) ?? []) {
        const child = nodes.get(childId);
        if (!child || attached.has(childId)) continue;
        attached.add(childId);
        node.children.push(child);
        queue.push(child);
      }
    }
  };
  walk();
  const parents = new Set([...childrenOf.values()].flat());
  // Orphans first (nodes nobody aggregates), then anything left, e.g. the members of a cycle.
  for (const pass of [(id: number) => !parents.has(id), () => true]) {
    for (const [id, node] of nodes) {
      if (attached.has(id) || !pass(id)) continue;
      attached.add(id);
      root.children.push(node);
      queue.push(node);
      walk();
    }
  }
}

function findContainer(id: number, containerOf: Map<number, number>, wholeOf: Map<number, number>): number | null {
  let current = id;
  for (let depth = 0; depth < 64; depth++) {
    const container = containerOf.get(current);
    if (container !== undefined) return container;
    const whole = wholeOf.get(current);
    if (whole === undefined) return null;
    current = whole;
  }
  return null;
}
