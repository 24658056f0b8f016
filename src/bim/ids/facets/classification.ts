/**
 * IDS 1.0 classification facet. An object's classifications are its IfcRelAssociatesClassification targets
 * (and, for resources such as materials in IFC4+, IfcExternalReferenceRelationship), plus its type object's for
 * every system the occurrence does not classify itself ("occurrences override the type classification per
 * system"). A reference's values are its Identification (ItemReference in IFC2X3) and those of the references it
 * refines, so EF_25_10 matches a reference EF_25_10_25 below it; its system is the name of the IfcClassification
 * at the top of the chain. System and value must hold for the same reference.
 */
import type { IdsClassificationFacet } from '../types';
import type { IdsModel } from '../model/IdsModel';
import { typeObjectOf } from '../model/objectType';
import { describeIdsValue, matchesName } from '../values/matchValue';
import type { CheckContext, FacetOutcome } from './outcome';
import { MATCH, absent, mismatch } from './outcome';

interface Classified {
  system: string;
  values: string[];
}

/** Guards the ReferencedSource chain of a corrupt file that loops. */
const MAX_CHAIN = 32;

export function evaluateClassification({ model }: CheckContext, facet: IdsClassificationFacet, id: number): FacetOutcome {
  const classified = classificationsOf(model, id);
  if (classified.length === 0) return absent('Không được phân loại', 'Not classified');
  const systemMatches = (entry: Classified) => !facet.system || matchesName(facet.system, entry.system);
  const valueMatches = (entry: Classified) => !facet.value || entry.values.some((value) => matchesName(facet.value!, value));
  if (classified.some((entry) => systemMatches(entry) && valueMatches(entry))) return MATCH;
  const found = classified.map((entry) => `${entry.system || '?'}${entry.values[0] ? ` ${entry.values[0]}` : ''}`).join('; ');
  const wanted = [facet.system && `hệ ${describeIdsValue(facet.system)}`, facet.value && `mã ${describeIdsValue(facet.value)}`].filter(Boolean).join(', ');
  const wantedEn = [facet.system && `system ${describeIdsValue(facet.system)}`, facet.value && `code ${describeIdsValue(facet.value)}`].filter(Boolean).join(', ');
  return mismatch(`Phân loại (${found}) không khớp ${wanted}`, `Classifications (${found}) do not match ${wantedEn}`);
}

function classificationsOf(model: IdsModel, id: number): Classified[] {
  const own = directReferences(model, id).map((reference) => describeReference(model, reference));
  const type = typeObjectOf(model, id);
  if (type === null) return own;
  const systems = new Set(own.map((entry) => entry.system));
  const inherited = directReferences(model, type)
    .map((reference) => describeReference(model, reference))
    .filter((entry) => !systems.has(entry.system));
  return [...own, ...inherited];
}

function directReferences(model: IdsModel, id: number): number[] {
  const associated = model.inverse('IFCRELASSOCIATESCLASSIFICATION', 'RelatedObjects', 'RelatingClassification').get(id) ?? [];
  const external = model.schema === 'IFC2X3' ? [] : (model.inverse('IFCEXTERNALREFERENCERELATIONSHIP', 'RelatedResourceObjects', 'RelatingReference').get(id) ?? []);
  return [...associated, ...external.filter((reference) => model.isA(reference, 'IFCCLASSIFICATIONREFERENCE'))];
}

/** Walks ReferencedSource up to the IfcClassification, collecting the codes on the way. */
function describeReference(model: IdsModel, reference: number): Classified {
  const values: string[] = [];
  let current: number | null = reference;
  for (let depth = 0; current !== null && depth < MAX_CHAIN; depth++) {
    if (model.isA(current, 'IFCCLASSIFICATION')) return { system: model.text(current, 'Name') ?? '', values };
    const code = model.text(current, model.schema === 'IFC2X3' ? 'ItemReference' : 'Identification');
    if (code !== null) values.push(code);
    current = model.reference(current, 'ReferencedSource');
  }
  return { system: '', values };
}

/** The elements a classification facet can apply to: objects and resources with a classification of their own or by type. */
export function classificationCandidates({ model }: CheckContext): number[] {
  return model.idsOfClassName('IFCOBJECTDEFINITION', true).concat(model.schema === 'IFC2X3' ? [] : [...model.inverse('IFCEXTERNALREFERENCERELATIONSHIP', 'RelatedResourceObjects', 'RelatingReference').keys()]);
}
