/**
 * What each feature of the tiles says about its IFC element: identity (GlobalId, class, name, the storey that
 * holds it) from the loader's header, and the key properties a planner filters on — ObjectType and PredefinedType
 * (attributes), LoadBearing, IsExternal and FireRating (the Pset_<Class>Common properties, IFC 4 §"Property Sets
 * for Objects"; read from the element's own property sets first, then from its type's, as IFC's override rule
 * says) — from `readElementProperties`, the inspector's reader.
 */
import type { IfcElementInfo, IfcModelHeader, IfcPropertySetInfo, SpatialNode } from '../../bim/types';

/** IFC's IfcLogical, plus NOT_STATED when no property set says anything (the property table's noData). */
export type IfcLogicalValue = 'TRUE' | 'FALSE' | 'UNKNOWN' | 'NOT_STATED';

export interface ElementRecord {
  expressId: number;
  globalId: string;
  ifcClass: string;
  /** '' when the element has no Name, no storey, no such attribute or property (the schema's noData). */
  name: string;
  storey: string;
  objectType: string;
  predefinedType: string;
  loadBearing: IfcLogicalValue;
  isExternal: IfcLogicalValue;
  fireRating: string;
}

type Identity = Pick<IfcElementInfo, 'globalId' | 'ifcClass' | 'name'> & { storey: string };

/**
 * Records for the given elements (spatial nodes with geometry, such as IfcSpace, included); an id the header
 * does not list is left out. `propertiesOf` is `readElementProperties` bound to the open model.
 */
export function readElementRecords(
  header: IfcModelHeader,
  expressIds: Iterable<number>,
  propertiesOf: (expressId: number) => IfcPropertySetInfo[],
): Map<number, ElementRecord> {
  const identities = identityIndex(header);
  const records = new Map<number, ElementRecord>();
  for (const expressId of expressIds) {
    const identity = identities.get(expressId);
    if (!identity) continue;
    records.set(expressId, { expressId, ...identity, name: identity.name ?? '', ...keyProperties(propertiesOf(expressId)) });
  }
  return records;
}

/** GlobalId, class, name and storey of every element and spatial node. */
function identityIndex(header: IfcModelHeader): Map<number, Identity> {
  const index = new Map<number, Identity>();
  const storeyOfNode = new Map<number, string>();
  const visit = (node: SpatialNode, storey: string): void => {
    const own = node.ifcClass === 'IfcBuildingStorey' ? (node.name ?? '') : storey;
    storeyOfNode.set(node.expressId, own);
    index.set(node.expressId, { globalId: node.globalId, ifcClass: node.ifcClass, name: node.name, storey: own });
    for (const child of node.children) visit(child, own);
  };
  visit(header.spatialTree, '');
  for (const element of header.elements) {
    const storey = element.containerId === null ? '' : (storeyOfNode.get(element.containerId) ?? '');
    index.set(element.expressId, { globalId: element.globalId, ifcClass: element.ifcClass, name: element.name, storey });
  }
  return index;
}

const COMMON_PSET = /^Pset_.*Common$/;

function keyProperties(sets: IfcPropertySetInfo[]): Pick<ElementRecord, 'objectType' | 'predefinedType' | 'loadBearing' | 'isExternal' | 'fireRating'> {
  const attributes = sets.find((set) => set.kind === 'attributes');
  const attribute = (name: string) => attributes?.properties.find((property) => property.name === name)?.value ?? '';
  // Element property sets override the type's; a Pset_…Common is the standard home of these properties.
  const ordered = [
    ...sets.filter((set) => set.kind === 'pset' && COMMON_PSET.test(set.name)),
    ...sets.filter((set) => set.kind === 'pset' && !COMMON_PSET.test(set.name)),
    ...sets.filter((set) => set.kind === 'type'),
  ];
  const property = (name: string) => {
    for (const set of ordered) {
      const found = set.properties.find((candidate) => candidate.name === name);
      if (found && found.value !== '') return found.value;
    }
    return null;
  };
  return {
    objectType: attribute('ObjectType'),
    predefinedType: attribute('PredefinedType'),
    loadBearing: logical(property('LoadBearing')),
    isExternal: logical(property('IsExternal')),
    fireRating: property('FireRating') ?? '',
  };
}

function logical(value: string | null): IfcLogicalValue {
  if (value === null) return 'NOT_STATED';
  const upper = value.trim().toUpperCase();
  return upper === 'TRUE' || upper === 'FALSE' ? upper : 'UNKNOWN';
}
