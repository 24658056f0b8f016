/**
 * IDS 1.0 partOf facet: the element is part of a whole of the given class (and predefined type) through a
 * relationship. Aggregation and nesting are followed upwards (a beam in a slab in an assembly is part of the
 * assembly); containment in a spatial structure and group assignment are direct; voids/fills goes from an
 * opening, or from the element filling it, to the element voided. Without a relation, any of these leads up.
 */
import type { IdsPartOfFacet, IdsPartOfRelation } from '../types';
import type { IdsModel } from '../model/IdsModel';
import { predefinedTypes } from '../model/objectType';
import { describeIdsValue, matchesName } from '../values/matchValue';
import type { CheckContext, FacetOutcome } from './outcome';
import { MATCH, absent, mismatch } from './outcome';

const MAX_DEPTH = 64;

const parent = {
  aggregate: (model: IdsModel, id: number) => model.related(id, 'IFCRELAGGREGATES', 'RelatedObjects', 'RelatingObject'),
  nest: (model: IdsModel, id: number) => model.related(id, 'IFCRELNESTS', 'RelatedObjects', 'RelatingObject'),
  container: (model: IdsModel, id: number) => model.related(id, 'IFCRELCONTAINEDINSPATIALSTRUCTURE', 'RelatedElements', 'RelatingStructure'),
  groups: (model: IdsModel, id: number) => model.inverse('IFCRELASSIGNSTOGROUP', 'RelatedObjects', 'RelatingGroup').get(id) ?? [],
  voided: (model: IdsModel, id: number) => {
    const opening = model.isA(id, 'IFCOPENINGELEMENT') ? id : model.related(id, 'IFCRELFILLSELEMENT', 'RelatedBuildingElement', 'RelatingOpeningElement');
    return opening === null ? null : model.related(opening, 'IFCRELVOIDSELEMENT', 'RelatedOpeningElement', 'RelatingBuildingElement');
  },
};

/** The wholes the element belongs to through `relation`, nearest first. */
function wholes(model: IdsModel, id: number, relation: IdsPartOfRelation | null): number[] {
  switch (relation) {
    case 'IFCRELAGGREGATES':
      return chain(model, id, (current) => parent.aggregate(model, current));
    case 'IFCRELNESTS':
      return chain(model, id, (current) => parent.nest(model, current));
    case 'IFCRELCONTAINEDINSPATIALSTRUCTURE':
      return [parent.container(model, id)].filter((whole): whole is number => whole !== null);
    case 'IFCRELASSIGNSTOGROUP':
      return parent.groups(model, id);
    case 'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT':
      return [parent.voided(model, id)].filter((whole): whole is number => whole !== null);
    case null:
      return chain(model, id, (current) => parent.aggregate(model, current) ?? parent.container(model, current) ?? parent.groups(model, current)[0] ?? parent.nest(model, current) ?? parent.voided(model, current));
  }
}

function chain(model: IdsModel, id: number, up: (id: number) => number | null): number[] {
  const found: number[] = [];
  for (let current = up(id); current !== null && found.length < MAX_DEPTH && !found.includes(current); current = up(current)) found.push(current);
  return found;
}

export function evaluatePartOf({ model }: CheckContext, facet: IdsPartOfFacet, id: number): FacetOutcome {
  const relation = facet.relation ?? 'một quan hệ';
  const relationEn = facet.relation ?? 'any relationship';
  const found = wholes(model, id, facet.relation);
  if (found.length === 0) return absent(`Không thuộc phần tử nào qua ${relation}`, `Not part of anything through ${relationEn}`);
  const matching = found.some(
    (whole) =>
      matchesName(facet.name, model.className(whole)) &&
      (!facet.predefinedType || predefinedTypes(model, whole).some((type) => matchesName(facet.predefinedType!, type))),
  );
  if (matching) return MATCH;
  const wanted = `${describeIdsValue(facet.name)}${facet.predefinedType ? ` (${describeIdsValue(facet.predefinedType)})` : ''}`;
  const actual = found.map((whole) => model.className(whole)).join(' → ');
  return mismatch(`Thuộc ${actual} qua ${relation}, không phải ${wanted}`, `Part of ${actual} through ${relationEn}, not of ${wanted}`);
}

/** The elements a partOf facet can apply to: objects. */
export function partOfCandidates({ model }: CheckContext): number[] {
  return model.idsOfClassName('IFCOBJECTDEFINITION', true);
}
