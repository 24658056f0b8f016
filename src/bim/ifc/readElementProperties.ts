/**
 * What the inspector shows for one element, read on demand: its attributes (with class, type and material), its
 * property sets and quantity sets (IfcRelDefinesByProperties), and its type's property sets (IfcRelDefinesByType).
 * The relations are indexed once per model on the first request; the index lives until `releaseElementProperties`.
 */
import type { IfcAPI, RawLineData } from 'web-ifc';
import {
  IFCCOMPLEXPROPERTY,
  IFCELEMENTQUANTITY,
  IFCMATERIAL,
  IFCMATERIALLAYERSETUSAGE,
  IFCPHYSICALCOMPLEXQUANTITY,
  IFCPROPERTYBOUNDEDVALUE,
  IFCPROPERTYENUMERATEDVALUE,
  IFCPROPERTYLISTVALUE,
  IFCPROPERTYSET,
  IFCPROPERTYSINGLEVALUE,
  IFCQUANTITYAREA,
  IFCQUANTITYCOUNT,
  IFCQUANTITYLENGTH,
  IFCQUANTITYTIME,
  IFCQUANTITYVOLUME,
  IFCQUANTITYWEIGHT,
  IFCRELASSOCIATESMATERIAL,
  IFCRELDEFINESBYPROPERTIES,
  IFCRELDEFINESBYTYPE,
} from 'web-ifc';
import type { IfcPropertySetInfo, IfcPropertyValue } from '../types';
import { formatStepValue } from './propertyValues';
import { readProjectUnits, unitFactor } from './projectUnits';
import type { ProjectUnits } from './projectUnits';
import { idsOfType, rawLine, stepArgument, stepList, stepReference, stepReferences, stepString } from './stepValues';

interface PropertyIndex {
  units: ProjectUnits;
  definitions: Map<number, number[]>;
  typeOf: Map<number, number>;
  materials: Map<number, number[]>;
}

const indexes = new WeakMap<IfcAPI, Map<number, PropertyIndex>>();

/** The quantity entities and the measure their value [3] is in. */
const QUANTITY_MEASURE = new Map<number, string>([
  [IFCQUANTITYLENGTH, 'IfcLengthMeasure'],
  [IFCQUANTITYAREA, 'IfcAreaMeasure'],
  [IFCQUANTITYVOLUME, 'IfcVolumeMeasure'],
  [IFCQUANTITYCOUNT, 'IfcCountMeasure'],
  [IFCQUANTITYWEIGHT, 'IfcMassMeasure'],
  [IFCQUANTITYTIME, 'IfcTimeMeasure'],
]);

/** Attributes of the element itself that say nothing to a planner (references are skipped anyway). */
const HIDDEN_ATTRIBUTES = new Set(['expressID', 'type', 'OwnerHistory']);

export function readElementProperties(api: IfcAPI, modelId: number, expressId: number): IfcPropertySetInfo[] {
  const index = propertyIndex(api, modelId);
  const sets: IfcPropertySetInfo[] = [attributeSet(api, modelId, expressId, index)];
  for (const definitionId of index.definitions.get(expressId) ?? []) {
    const set = definitionSet(api, modelId, definitionId, index.units, 'pset');
    if (set) sets.push(set);
  }
  const typeId = index.typeOf.get(expressId);
  const typeLine = typeId === undefined ? null : rawLine(api, modelId, typeId);
  for (const definitionId of stepReferences(stepArgument(typeLine, 5))) {
    const set = definitionSet(api, modelId, definitionId, index.units, 'type');
    if (set) sets.push(set);
  }
  return sets;
}

export function releaseElementProperties(api: IfcAPI, modelId: number): void {
  indexes.get(api)?.delete(modelId);
}

function propertyIndex(api: IfcAPI, modelId: number): PropertyIndex {
  let perModel = indexes.get(api);
  if (!perModel) indexes.set(api, (perModel = new Map()));
  let index = perModel.get(modelId);
  if (!index) {
    index = {
      units: readProjectUnits(api, modelId),
      definitions: relatedIndex(api, modelId, IFCRELDEFINESBYPROPERTIES),
      typeOf: new Map([...relatedIndex(api, modelId, IFCRELDEFINESBYTYPE)].map(([element, types]) => [element, types[0]!])),
      materials: relatedIndex(api, modelId, IFCRELASSOCIATESMATERIAL),
    };
    perModel.set(modelId, index);
  }
  return index;
}

/** IfcRel…(GlobalId, OwnerHistory, Name, Description, RelatedObjects [4], Relating… [5]): element → relating ids. */
function relatedIndex(api: IfcAPI, modelId: number, relationType: number): Map<number, number[]> {
  const index = new Map<number, number[]>();
  const ids = idsOfType(api, modelId, relationType);
  if (ids.length === 0) return index;
  for (const rel of api.GetRawLinesData(modelId, ids)) {
    const relating = stepReference(stepArgument(rel, 5));
    if (relating === null) continue;
    for (const related of stepReferences(stepArgument(rel, 4))) {
      const list = index.get(related);
      if (list) list.push(relating);
      else index.set(related, [relating]);
    }
  }
  return index;
}

/** The element's own attributes (names from web-ifc's schema), its class, type and materials. */
function attributeSet(api: IfcAPI, modelId: number, expressId: number, index: PropertyIndex): IfcPropertySetInfo {
  const properties: IfcPropertyValue[] = [];
  const line = api.GetLine(modelId, expressId) as Record<string, unknown> | null;
  if (line) {
    properties.push({ name: 'Class', value: api.GetNameFromTypeCode(line.type as number), type: null });
    for (const [name, value] of Object.entries(line)) {
      if (HIDDEN_ATTRIBUTES.has(name) || !value || typeof value !== 'object' || Array.isArray(value)) continue;
      const attribute = value as { type?: number; value?: unknown; name?: string };
      if (attribute.type === 5 || attribute.value === undefined || attribute.value === null) continue;
      properties.push({ name, value: String(attribute.value), type: null });
    }
  }
  const typeLine = rawLine(api, modelId, index.typeOf.get(expressId) ?? 0);
  const typeName = stepString(stepArgument(typeLine, 2));
  if (typeLine) properties.push({ name: 'Type', value: `${api.GetNameFromTypeCode(typeLine.type)}${typeName ? ` ${typeName}` : ''}`, type: null });
  const materials = (index.materials.get(expressId) ?? []).flatMap((id) => materialNames(api, modelId, id, 0));
  if (materials.length > 0) properties.push({ name: 'Material', value: [...new Set(materials)].join(', '), type: null });
  return { name: 'Attributes', kind: 'attributes', properties };
}

/** Names of the materials behind a material definition (a material, a layer set usage, a list …). */
function materialNames(api: IfcAPI, modelId: number, id: number, depth: number): string[] {
  const line = rawLine(api, modelId, id);
  if (!line || depth > 4) return [];
  if (line.type === IFCMATERIAL) return [stepString(stepArgument(line, 0)) ?? ''].filter(Boolean);
  if (line.type === IFCMATERIALLAYERSETUSAGE) return materialNames(api, modelId, stepReference(stepArgument(line, 0)) ?? 0, depth + 1);
  // Layer sets, layers, constituent sets, profile sets and lists: follow every reference among their attributes.
  const references = line.arguments.flatMap((argument) => [stepReference(argument as never), ...stepReferences(argument as never)]);
  return references.flatMap((ref) => (ref === null ? [] : materialNames(api, modelId, ref, depth + 1)));
}

/** An IfcPropertySet (GlobalId, OwnerHistory, Name, Description, HasProperties) or IfcElementQuantity (…, MethodOfMeasurement, Quantities). */
function definitionSet(api: IfcAPI, modelId: number, id: number, units: ProjectUnits, kind: 'pset' | 'type'): IfcPropertySetInfo | null {
  const line = rawLine(api, modelId, id);
  if (!line) return null;
  const name = stepString(stepArgument(line, 2)) ?? api.GetNameFromTypeCode(line.type);
  if (line.type === IFCPROPERTYSET) {
    return { name, kind, properties: stepReferences(stepArgument(line, 4)).flatMap((p) => propertyValues(api, modelId, p, units, '', 0)) };
  }
  if (line.type === IFCELEMENTQUANTITY) {
    return { name, kind: kind === 'type' ? 'type' : 'qto', properties: stepReferences(stepArgument(line, 5)).flatMap((q) => quantityValues(api, modelId, q, units, '', 0)) };
  }
  return null;
}

function propertyValues(api: IfcAPI, modelId: number, id: number, units: ProjectUnits, prefix: string, depth: number): IfcPropertyValue[] {
  const line = rawLine(api, modelId, id);
  if (!line || depth > 4) return [];
  const name = `${prefix}${stepString(stepArgument(line, 0)) ?? ''}`;
  const unit = (index: number) => explicitUnit(api, modelId, line, index);
  switch (line.type) {
    case IFCPROPERTYSINGLEVALUE:
      return [{ name, ...formatStepValue(api, stepArgument(line, 2), units, unit(3)) }];
    case IFCPROPERTYENUMERATEDVALUE:
      return [{ name, ...formatStepValue(api, stepList(stepArgument(line, 2)), units) }];
    case IFCPROPERTYLISTVALUE:
      return [{ name, ...formatStepValue(api, stepList(stepArgument(line, 2)), units, unit(3)) }];
    case IFCPROPERTYBOUNDEDVALUE: {
      const upper = formatStepValue(api, stepArgument(line, 2), units, unit(4));
      const lower = formatStepValue(api, stepArgument(line, 3), units, unit(4));
      return [{ name, value: `${lower.value} – ${upper.value}`, type: upper.type ?? lower.type }];
    }
    case IFCCOMPLEXPROPERTY:
      return stepReferences(stepArgument(line, 3)).flatMap((p) => propertyValues(api, modelId, p, units, `${name} / `, depth + 1));
    default:
      return [{ name, value: api.GetNameFromTypeCode(line.type), type: null }];
  }
}

/** IfcQuantityLength … (Name, Description, Unit, Value, [Formula]); IfcPhysicalComplexQuantity (Name, Description, HasQuantities, …). */
function quantityValues(api: IfcAPI, modelId: number, id: number, units: ProjectUnits, prefix: string, depth: number): IfcPropertyValue[] {
  const line = rawLine(api, modelId, id);
  if (!line || depth > 4) return [];
  const name = `${prefix}${stepString(stepArgument(line, 0)) ?? ''}`;
  if (line.type === IFCPHYSICALCOMPLEXQUANTITY) {
    return stepReferences(stepArgument(line, 2)).flatMap((q) => quantityValues(api, modelId, q, units, `${name} / `, depth + 1));
  }
  const measure = QUANTITY_MEASURE.get(line.type) ?? null;
  return [{ name, ...formatStepValue(api, stepArgument(line, 3), units, explicitUnit(api, modelId, line, 2), measure) }];
}

function explicitUnit(api: IfcAPI, modelId: number, line: RawLineData, index: number): number | null {
  const unitId = stepReference(stepArgument(line, index));
  return unitId === null ? null : (unitFactor(api, modelId, unitId, 0)?.factor ?? null);
}
