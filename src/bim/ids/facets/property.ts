/**
 * IDS 1.0 property facet. Every property set whose name matches must hold a matching property with a value,
 * and every matching property must satisfy the data type and value: a single value, or any one value of an
 * enumerated, list, bounded or table property (table columns count when their type is the data type asked for).
 * Measures are compared in SI units. Complex and reference properties are not supported by IDS and fail.
 */
import type { IdsPropertyFacet } from '../types';
import type { PropertyInfo } from '../model/propertySets';
import { describeIdsValue, describeIfcValue, matchesIdsValue, matchesName } from '../values/matchValue';
import type { CheckContext, FacetOutcome } from './outcome';
import { MATCH, absent, mismatch } from './outcome';

export function evaluateProperty({ propertySets }: CheckContext, facet: IdsPropertyFacet, id: number): FacetOutcome {
  const sets = propertySets.setsOf(id).filter((set) => matchesName(facet.propertySet, set.name));
  const setText = describeIdsValue(facet.propertySet);
  const nameText = describeIdsValue(facet.baseName);
  if (sets.length === 0) return absent(`Không có bộ thuộc tính ${setText}`, `No property set ${setText}`);
  const found = sets.map((set) => ({
    set: set.name,
    properties: [...set.properties.values()].filter((property) => matchesName(facet.baseName, property.name) && (!property.supported || property.groups.length > 0)),
  }));
  const missing = found.filter((entry) => entry.properties.length === 0);
  if (missing.length === found.length) {
    return absent(`${sets.map((set) => set.name).join(', ')} không có thuộc tính ${nameText} có giá trị`, `${sets.map((set) => set.name).join(', ')} has no property ${nameText} with a value`);
  }
  if (missing.length > 0) {
    return mismatch(`${missing.map((entry) => entry.set).join(', ')} thiếu thuộc tính ${nameText}`, `${missing.map((entry) => entry.set).join(', ')} lacks the property ${nameText}`);
  }
  for (const { set, properties } of found) {
    for (const property of properties) {
      const problem = checkProperty(facet, property);
      if (problem) return mismatch(`${set}.${property.name}: ${problem.vi}`, `${set}.${property.name}: ${problem.en}`);
    }
  }
  return MATCH;
}

function checkProperty(facet: IdsPropertyFacet, property: PropertyInfo): { vi: string; en: string } | null {
  if (!property.supported) return { vi: 'IDS không kiểm tra thuộc tính phức hợp hoặc tham chiếu', en: 'IDS does not check complex or reference properties' };
  const groups = facet.dataType && !property.predefined ? property.groups.filter((group) => group.dataType === facet.dataType) : property.groups;
  if (groups.length === 0) {
    const actual = property.groups.map((group) => group.dataType ?? '?').join(', ');
    return { vi: `kiểu dữ liệu ${actual}, yêu cầu ${facet.dataType}`, en: `data type ${actual}, required ${facet.dataType}` };
  }
  if (!facet.value) return null;
  const values = groups.flatMap((group) => group.values);
  if (values.some((value) => matchesIdsValue(facet.value!, value))) return null;
  const actual = values.map(describeIfcValue).join(', ');
  return { vi: `giá trị ${actual}, yêu cầu ${describeIdsValue(facet.value)}`, en: `value ${actual}, required ${describeIdsValue(facet.value)}` };
}

/** The elements a property facet can apply to: objects, and in IFC4+ materials and profiles. */
export function propertyCandidates({ model }: CheckContext): number[] {
  const objects = model.idsOfClassName('IFCOBJECTDEFINITION', true);
  if (model.schema === 'IFC2X3') return objects;
  return objects.concat(model.idsOfClassName('IFCMATERIALDEFINITION', true), model.idsOfClassName('IFCPROFILEDEF', true));
}
