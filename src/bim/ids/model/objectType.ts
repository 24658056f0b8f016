/**
 * Type objects and predefined types. An occurrence takes its type through IfcRelDefinesByType; its predefined
 * type is the type object's when that says something (not null, not NOTDEFINED), else its own (IFC: "the
 * PredefinedType of the type takes precedence"). USERDEFINED stands for the user's name: ObjectType on an
 * occurrence, ElementType / ProcessType / ResourceType on a type object (IDS 1.0 entity facet).
 */
import type { IdsModel } from './IdsModel';

const USER_DEFINED_NAME = ['ObjectType', 'ElementType', 'ProcessType', 'ResourceType'];

export function typeObjectOf(model: IdsModel, id: number): number | null {
  return model.related(id, 'IFCRELDEFINESBYTYPE', 'RelatedObjects', 'RelatingType');
}

/** The names a predefined-type requirement may match: the resolved name, and USERDEFINED when that is the enumeration value. */
export function predefinedTypes(model: IdsModel, id: number): string[] {
  const type = typeObjectOf(model, id);
  const fromType = type === null ? [] : ownPredefinedTypes(model, type);
  if (fromType.length > 0 && fromType[0] !== 'NOTDEFINED') return fromType;
  return ownPredefinedTypes(model, id);
}

function ownPredefinedTypes(model: IdsModel, id: number): string[] {
  const predefined = model.text(id, 'PredefinedType');
  if (predefined !== null && predefined !== 'USERDEFINED') return [predefined];
  const name = USER_DEFINED_NAME.map((attribute) => model.text(id, attribute)).find((value) => value !== null && value !== undefined) ?? null;
  return [name, predefined].filter((value): value is string => value !== null);
}
