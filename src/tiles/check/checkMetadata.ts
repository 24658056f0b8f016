/**
 * 3D Metadata conformance beyond what JSON schemas see: a metadata entity's values (tileset, tile or content
 * `metadata`) against its class's property types, and the binary property tables of EXT_structural_metadata
 * (3D Metadata §"Binary Table Format"): column lengths for the row count, string offsets in order and inside
 * their buffer, UTF-8 text, enum codes that the enum defines, required columns present.
 */
import { COMPONENT_SIZE, INTEGER_RANGE, readNumber } from '../metadata/propertyTable';
import type { MetadataComponentType } from '../metadata/propertyTable';
import type { IssueList } from './issues';

interface PropertyJson {
  type?: string;
  componentType?: string;
  enumType?: string;
  array?: boolean;
  count?: number;
  required?: boolean;
}

export interface SchemaJson {
  classes?: Record<string, { properties?: Record<string, PropertyJson> }>;
  enums?: Record<string, { valueType?: string; values?: { name: string; value: number }[] }>;
}

interface PropertyTableJson {
  class?: string;
  count?: number;
  properties?: Record<string, { values?: number; stringOffsets?: number; stringOffsetType?: string; arrayOffsets?: number }>;
}

const VECTOR_SIZE: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
/** Looked up by any name a file may use; JSON values of 64-bit integers are not range-checked. */
const INTEGER_RANGES: Partial<Record<string, readonly [number, number]>> = INTEGER_RANGE;
/** The writer's component sizes, and the 64-bit integers it never writes but others may. */
const COMPONENT_BYTES: Partial<Record<string, number>> = { ...COMPONENT_SIZE, INT64: 8, UINT64: 8 };

/** A metadata entity `{ class, properties }` of tileset.json against the tileset's schema. */
export function checkMetadataEntity(entity: unknown, schema: SchemaJson | undefined, path: string, issues: IssueList): void {
  if (!schema) return issues.error('METADATA_WITHOUT_SCHEMA', path, 'metadata is given but the tileset has no schema');
  const { class: classId, properties = {} } = entity as { class?: string; properties?: Record<string, unknown> };
  const metadataClass = classId === undefined ? undefined : schema.classes?.[classId];
  if (!metadataClass) return issues.error('METADATA_CLASS_INVALID', `${path}/class`, `class "${String(classId)}" is not in the schema`);
  const definitions = metadataClass.properties ?? {};
  for (const [id, value] of Object.entries(properties)) {
    const property = definitions[id];
    if (!property) issues.error('METADATA_PROPERTY_INVALID', `${path}/properties/${id}`, `property "${id}" is not in class "${classId}"`);
    else {
      const problem = valueProblem(value, property, schema);
      if (problem) issues.error('METADATA_VALUE_INVALID', `${path}/properties/${id}`, `${id}: ${problem}`);
    }
  }
  for (const [id, property] of Object.entries(definitions)) {
    if (property.required && (properties[id] === undefined || properties[id] === null)) {
      issues.error('METADATA_REQUIRED_PROPERTY_MISSING', `${path}/properties`, `required property "${id}" of class "${classId}" is missing`);
    }
  }
}

/** Why a JSON value does not fit the class property, or null when it does. */
function valueProblem(value: unknown, property: PropertyJson, schema: SchemaJson): string | null {
  if (property.array) {
    if (!Array.isArray(value)) return `expected an array, got ${JSON.stringify(value)}`;
    if (property.count !== undefined && value.length !== property.count) return `expected ${property.count} elements, got ${value.length}`;
    return value.map((item) => valueProblem(item, { ...property, array: false }, schema)).find((problem) => problem !== null) ?? null;
  }
  switch (property.type) {
    case 'STRING':
      return typeof value === 'string' ? null : `expected a string, got ${JSON.stringify(value)}`;
    case 'BOOLEAN':
      return typeof value === 'boolean' ? null : `expected a boolean, got ${JSON.stringify(value)}`;
    case 'ENUM': {
      const names = schema.enums?.[property.enumType ?? '']?.values?.map((entry) => entry.name) ?? [];
      return typeof value === 'string' && names.includes(value) ? null : `${JSON.stringify(value)} is not a value of enum "${property.enumType}"`;
    }
    default: {
      const size = VECTOR_SIZE[property.type ?? ''] ?? 1;
      const numbers = size === 1 ? [value] : value;
      if (!Array.isArray(numbers) || numbers.length !== size) return `expected ${size} numbers (${property.type}), got ${JSON.stringify(value)}`;
      const range = INTEGER_RANGES[property.componentType ?? ''];
      for (const number of numbers) {
        if (typeof number !== 'number' || !Number.isFinite(number)) return `expected a number, got ${JSON.stringify(number)}`;
        if (range && !(Number.isInteger(number) && number >= range[0] && number <= range[1])) return `${number} does not fit ${property.componentType}`;
      }
      return null;
    }
  }
}

/** One binary property table of EXT_structural_metadata; `bufferView(i)` gives a view's bytes (or throws). */
export function checkPropertyTable(table: PropertyTableJson, schema: SchemaJson, bufferView: (index: number) => Uint8Array, path: string, issues: IssueList): void {
  const metadataClass = table.class === undefined ? undefined : schema.classes?.[table.class];
  if (!metadataClass) return issues.error('PROPERTY_TABLE_CLASS_INVALID', `${path}/class`, `class "${String(table.class)}" is not in the schema`);
  const count = table.count ?? 0;
  if (!(Number.isInteger(count) && count >= 1)) return issues.error('PROPERTY_TABLE_COUNT_INVALID', `${path}/count`, `count must be a positive integer, is ${count}`);
  const definitions = metadataClass.properties ?? {};
  for (const [id, column] of Object.entries(table.properties ?? {})) {
    const property = definitions[id];
    const where = `${path}/properties/${id}`;
    if (!property) {
      issues.error('PROPERTY_TABLE_PROPERTY_INVALID', where, `property "${id}" is not in class "${table.class}"`);
      continue;
    }
    try {
      const problem = columnProblem(column, property, schema, count, bufferView);
      if (problem) issues.error('PROPERTY_TABLE_VALUES_INVALID', where, `${id}: ${problem}`);
    } catch (error) {
      issues.error('PROPERTY_TABLE_VALUES_INVALID', where, `${id}: ${(error as Error).message}`);
    }
  }
  for (const [id, property] of Object.entries(definitions)) {
    if (property.required && !table.properties?.[id]) issues.error('PROPERTY_TABLE_REQUIRED_PROPERTY_MISSING', `${path}/properties`, `required property "${id}" has no column`);
  }
}

function columnProblem(
  column: NonNullable<PropertyTableJson['properties']>[string],
  property: PropertyJson,
  schema: SchemaJson,
  count: number,
  bufferView: (index: number) => Uint8Array,
): string | null {
  if (property.array && property.count === undefined) return null; // variable-length arrays: not checked here
  const elements = count * (property.array ? property.count! : 1);
  const values = bufferView(column.values ?? -1);
  if (property.type === 'STRING') return stringProblem(values, column, elements, bufferView);
  if (property.type === 'BOOLEAN') return values.length < Math.ceil(elements / 8) ? `${values.length} bytes hold fewer than ${elements} booleans` : null;
  const enumDef = property.type === 'ENUM' ? schema.enums?.[property.enumType ?? ''] : undefined;
  const componentType = property.type === 'ENUM' ? (enumDef?.valueType ?? 'UINT16') : (property.componentType ?? '');
  const size = (COMPONENT_BYTES[componentType] ?? 0) * (VECTOR_SIZE[property.type ?? ''] ?? 1);
  if (size === 0) return `component type "${componentType}" is not a 3D Metadata one`;
  if (values.length < elements * size) return `${values.length} bytes hold fewer than ${elements} values of ${size} bytes`;
  if (!enumDef) return null;
  const codes = new Set(enumDef.values?.map((entry) => entry.value));
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  for (let row = 0; row < elements; row++) {
    const code = readInteger(view, row * size, componentType);
    if (!codes.has(code)) return `row ${row}: ${code} is not a value of enum "${property.enumType}"`;
  }
  return null;
}

function stringProblem(
  values: Uint8Array,
  column: { stringOffsets?: number; stringOffsetType?: string },
  elements: number,
  bufferView: (index: number) => Uint8Array,
): string | null {
  if (column.stringOffsets === undefined) return 'a STRING column needs stringOffsets';
  const offsetType = column.stringOffsetType ?? 'UINT32';
  const size = COMPONENT_BYTES[offsetType] ?? 0;
  const offsets = bufferView(column.stringOffsets);
  if (offsets.length < (elements + 1) * size) return `stringOffsets hold fewer than ${elements + 1} offsets of type ${offsetType}`;
  const view = new DataView(offsets.buffer, offsets.byteOffset, offsets.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let previous = readInteger(view, 0, offsetType);
  for (let row = 0; row < elements; row++) {
    const next = readInteger(view, (row + 1) * size, offsetType);
    if (next < previous) return `string offsets decrease at row ${row}`;
    if (next > values.length) return `string offset ${next} (row ${row}) is past the ${values.length} bytes of values`;
    try {
      decoder.decode(values.subarray(previous, next));
    } catch {
      return `row ${row} is not UTF-8`;
    }
    previous = next;
  }
  return null;
}

function readInteger(view: DataView, at: number, type: string): number {
  if (type === 'INT64') return Number(view.getBigInt64(at, true));
  if (type === 'UINT64') return Number(view.getBigUint64(at, true));
  return readNumber(view, at, type as MetadataComponentType);
}
