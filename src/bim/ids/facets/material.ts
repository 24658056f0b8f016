/**
 * IDS 1.0 material facet. The element's material is its own IfcRelAssociatesMaterial target, or its type
 * object's when it has none. A value matches any name or category found in it: the material, the names and
 * categories of a list's materials, of a layer set and its layers, a profile set and its profiles, a
 * constituent set and its constituents (usages lead to their sets).
 */
import type { IdsMaterialFacet } from '../types';
import type { IdsModel } from '../model/IdsModel';
import { typeObjectOf } from '../model/objectType';
import { describeIdsValue, matchesName } from '../values/matchValue';
import type { CheckContext, FacetOutcome } from './outcome';
import { MATCH, absent, mismatch } from './outcome';

/** Set → its parts, usage → its set: the attributes to follow from each material class. */
const PARTS: Record<string, string[]> = {
  IFCMATERIALLIST: ['Materials'],
  IFCMATERIALLAYERSETUSAGE: ['ForLayerSet'],
  IFCMATERIALLAYERSET: ['MaterialLayers'],
  IFCMATERIALLAYER: ['Material'],
  IFCMATERIALLAYERWITHOFFSETS: ['Material'],
  IFCMATERIALPROFILESETUSAGE: ['ForProfileSet'],
  IFCMATERIALPROFILESETUSAGETAPERING: ['ForProfileSet', 'ForProfileEndSet'],
  IFCMATERIALPROFILESET: ['MaterialProfiles'],
  IFCMATERIALPROFILE: ['Material'],
  IFCMATERIALPROFILEWITHOFFSETS: ['Material'],
  IFCMATERIALCONSTITUENTSET: ['MaterialConstituents'],
  IFCMATERIALCONSTITUENT: ['Material'],
};
const NAMES = ['Name', 'LayerSetName', 'Category'];
const MAX_DEPTH = 6;

export function materialOf(model: IdsModel, id: number): number | null {
  const own = model.related(id, 'IFCRELASSOCIATESMATERIAL', 'RelatedObjects', 'RelatingMaterial');
  if (own !== null) return own;
  const type = typeObjectOf(model, id);
  return type === null ? null : model.related(type, 'IFCRELASSOCIATESMATERIAL', 'RelatedObjects', 'RelatingMaterial');
}

export function evaluateMaterial({ model }: CheckContext, facet: IdsMaterialFacet, id: number): FacetOutcome {
  const material = materialOf(model, id);
  if (material === null) return absent('Không có vật liệu', 'No material');
  if (!facet.value) return MATCH;
  const names = new Set<string>();
  collectNames(model, material, names, 0);
  if ([...names].some((name) => matchesName(facet.value!, name))) return MATCH;
  const found = names.size ? [...names].map((name) => `"${name}"`).join(', ') : '—';
  return mismatch(`Vật liệu (${found}) không khớp ${describeIdsValue(facet.value)}`, `Materials (${found}) do not match ${describeIdsValue(facet.value)}`);
}

function collectNames(model: IdsModel, id: number, names: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const attribute of NAMES) {
    const name = model.text(id, attribute);
    if (name) names.add(name);
  }
  for (const attribute of PARTS[model.className(id)] ?? []) {
    for (const part of model.references(id, attribute)) collectNames(model, part, names, depth + 1);
  }
}

/** The elements a material facet can apply to: objects. */
export function materialCandidates({ model }: CheckContext): number[] {
  return model.idsOfClassName('IFCOBJECTDEFINITION', true);
}
