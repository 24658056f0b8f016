/**
 * IDS 1.0 attribute facet: an explicit attribute of the element's own class (no inheritance from its type, no
 * derived or inverse attributes), with a value. Null is no value (`absent`); the empty string, an empty list and
 * LOGICAL UNKNOWN are a value that is empty (`mismatch`: test suite "an optional attribute fails if empty").
 * A value requirement compares simple values only: a reference to another entity or a list never matches.
 */
import type { StepValue } from '../../ifc/stepValues';
import type { IdsAttributeFacet } from '../types';
import { describeIdsValue, describeIfcValue, matchesIdsValue, matchesName } from '../values/matchValue';
import { isEmptyValue, isSimpleStepValue, toIfcValue } from '../values/stepToIfcValue';
import type { CheckContext, FacetOutcome } from './outcome';
import { MATCH, absent, mismatch } from './outcome';

export function evaluateAttribute({ model }: CheckContext, facet: IdsAttributeFacet, id: number): FacetOutcome {
  const code = model.typeCode(id);
  const names = code === null ? [] : model.attributeNames(code).filter((name) => matchesName(facet.name, name));
  const className = model.className(id);
  if (names.length === 0) {
    return absent(`Lớp ${className} không có thuộc tính ${describeIdsValue(facet.name)}`, `The class ${className} has no attribute ${describeIdsValue(facet.name)}`);
  }
  const present = names.map((name) => ({ name, raw: model.attribute(id, name) ?? null })).filter(({ raw }) => raw !== null);
  if (present.length === 0) {
    return absent(`Thuộc tính ${names.join(', ')} không có giá trị`, `The attribute ${names.join(', ')} has no value`);
  }
  const filled = present.filter(({ raw }) => !isEmptyRaw(raw, model.typeName));
  if (filled.length === 0) {
    return mismatch(`Thuộc tính ${present.map((p) => p.name).join(', ')} rỗng`, `The attribute ${present.map((p) => p.name).join(', ')} is empty`);
  }
  if (!facet.value) return MATCH;
  for (const { name, raw } of filled) {
    const { value } = isSimpleStepValue(raw) ? toIfcValue(raw, model.typeName) : { value: null };
    if (value === null) {
      return mismatch(`Thuộc tính ${name} là một đối tượng hoặc danh sách, không so được với ${describeIdsValue(facet.value)}`, `The attribute ${name} is an object or a list and cannot equal ${describeIdsValue(facet.value)}`);
    }
    if (!matchesIdsValue(facet.value, value)) {
      return mismatch(`${name} = ${describeIfcValue(value)}, yêu cầu ${describeIdsValue(facet.value)}`, `${name} is ${describeIfcValue(value)}, required ${describeIdsValue(facet.value)}`);
    }
  }
  return MATCH;
}

function isEmptyRaw(raw: StepValue, typeName: (code: number) => string): boolean {
  if (Array.isArray(raw)) return raw.length === 0;
  if (!isSimpleStepValue(raw)) return false;
  return isEmptyValue(toIfcValue(raw, typeName).value);
}

/** The elements an attribute facet can apply to: every instance of a class that has a matching attribute. */
export function attributeCandidates({ model }: CheckContext, facet: IdsAttributeFacet): number[] {
  return model
    .presentClassCodes()
    .filter((code) => model.attributeNames(code).some((name) => matchesName(facet.name, name)))
    .flatMap((code) => model.idsOfClass(code));
}
