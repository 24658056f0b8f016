/** IDS 1.0 entity facet: the exact IFC class (subclasses do not match) and, when given, the predefined type. */
import type { IdsEntityFacet } from '../types';
import { predefinedTypes } from '../model/objectType';
import { describeIdsValue, matchesName } from '../values/matchValue';
import type { CheckContext, FacetOutcome } from './outcome';
import { MATCH, mismatch } from './outcome';

export function evaluateEntity({ model }: CheckContext, facet: IdsEntityFacet, id: number): FacetOutcome {
  const className = model.className(id);
  if (!matchesName(facet.name, className)) {
    return mismatch(`Lớp ${className} không phải ${describeIdsValue(facet.name)}`, `The class ${className} is not ${describeIdsValue(facet.name)}`);
  }
  if (facet.predefinedType) {
    const types = predefinedTypes(model, id);
    if (!types.some((type) => matchesName(facet.predefinedType!, type))) {
      const actual = types[0] === undefined ? null : `"${types[0]}"`;
      const wanted = describeIdsValue(facet.predefinedType);
      return mismatch(
        actual ? `Kiểu định sẵn ${actual} không phải ${wanted}` : `Không có kiểu định sẵn, yêu cầu ${wanted}`,
        actual ? `The predefined type ${actual} is not ${wanted}` : `No predefined type, required ${wanted}`,
      );
    }
  }
  return MATCH;
}

/** The elements an entity facet can apply to: the classes its name names, subclasses excluded. */
export function entityCandidates({ model }: CheckContext, facet: IdsEntityFacet): number[] {
  if (facet.name.kind === 'simple') return model.idsOfClassName(facet.name.value);
  return model
    .presentClassCodes()
    .filter((code) => matchesName(facet.name, model.typeName(code)))
    .flatMap((code) => model.idsOfClass(code));
}
