/** The six IDS 1.0 facets: evaluation on one element, the elements each can apply to, and each in words. */
import type { LocalizedText } from '../../../geo';
import type { IdsFacet, IdsValue } from '../types';
import { describeIdsValue } from '../values/matchValue';
import { attributeCandidates, evaluateAttribute } from './attribute';
import { classificationCandidates, evaluateClassification } from './classification';
import { entityCandidates, evaluateEntity } from './entity';
import { evaluateMaterial, materialCandidates } from './material';
import type { CheckContext, FacetOutcome } from './outcome';
import { evaluatePartOf, partOfCandidates } from './partOf';
import { evaluateProperty, propertyCandidates } from './property';

export type { CheckContext, FacetOutcome } from './outcome';
export { applyCardinality } from './outcome';

export function evaluateFacet(context: CheckContext, facet: IdsFacet, id: number): FacetOutcome {
  switch (facet.facet) {
    case 'entity':
      return evaluateEntity(context, facet, id);
    case 'attribute':
      return evaluateAttribute(context, facet, id);
    case 'classification':
      return evaluateClassification(context, facet, id);
    case 'property':
      return evaluateProperty(context, facet, id);
    case 'material':
      return evaluateMaterial(context, facet, id);
    case 'partOf':
      return evaluatePartOf(context, facet, id);
  }
}

/** A superset of the elements the facet can apply to, to be filtered by `evaluateFacet`. */
export function facetCandidates(context: CheckContext, facet: IdsFacet): number[] {
  switch (facet.facet) {
    case 'entity':
      return entityCandidates(context, facet);
    case 'attribute':
      return attributeCandidates(context, facet);
    case 'classification':
      return classificationCandidates(context);
    case 'property':
      return propertyCandidates(context);
    case 'material':
      return materialCandidates(context);
    case 'partOf':
      return partOfCandidates(context);
  }
}

/** The facet as a planner reads it in a report ("Pset_WallCommon.FireRating = "REI 60""). */
export function describeFacet(facet: IdsFacet): LocalizedText {
  const value = (v: IdsValue | null, vi: string, en: string) => (v ? { vi: ` ${vi} ${describeIdsValue(v)}`, en: ` ${en} ${describeIdsValue(v)}` } : { vi: '', en: '' });
  switch (facet.facet) {
    case 'entity': {
      const type = value(facet.predefinedType, 'kiểu', 'of type');
      return { vi: `Lớp ${describeIdsValue(facet.name)}${type.vi}`, en: `Class ${describeIdsValue(facet.name)}${type.en}` };
    }
    case 'attribute': {
      const v = value(facet.value, '=', '=');
      return { vi: `Thuộc tính ${describeIdsValue(facet.name)}${v.vi || ' có giá trị'}`, en: `Attribute ${describeIdsValue(facet.name)}${v.en || ' has a value'}` };
    }
    case 'classification': {
      const system = value(facet.system, 'hệ', 'system');
      const code = value(facet.value, 'mã', 'code');
      return { vi: `Phân loại${system.vi}${code.vi}`, en: `Classification${system.en}${code.en}` };
    }
    case 'property': {
      const v = value(facet.value, '=', '=');
      const type = facet.dataType ? ` (${facet.dataType})` : '';
      const name = `${describeIdsValue(facet.propertySet)}.${describeIdsValue(facet.baseName)}${type}`;
      return { vi: `Thuộc tính ${name}${v.vi || ' có giá trị'}`, en: `Property ${name}${v.en || ' has a value'}` };
    }
    case 'material': {
      const v = value(facet.value, 'là', 'is');
      return { vi: `Vật liệu${v.vi || ' có'}`, en: `Material${v.en || ' present'}` };
    }
    case 'partOf': {
      const type = value(facet.predefinedType, 'kiểu', 'of type');
      const relation = facet.relation ? ` (${facet.relation})` : '';
      return { vi: `Thuộc ${describeIdsValue(facet.name)}${type.vi}${relation}`, en: `Part of ${describeIdsValue(facet.name)}${type.en}${relation}` };
    }
  }
}
