/**
 * 3D Metadata (3D Tiles 1.1 "Metadata", used by glTF EXT_structural_metadata): schema types, and a property-table
 * encoder and decoder for the value types Sao's tile writers (the demo city, ifc2tiles) need — STRING, BOOLEAN,
 * ENUM and numeric SCALARs.
 * Binary layout follows the 3D Metadata spec §"Binary Table Format": little-endian, strings as UTF-8 bytes with
 * UINT32 offsets (count + 1 of them), booleans as an LSB-first bitstream, enums as their integer `valueType`.
 */
import { TilesError } from '../TilesError';

export type MetadataIntegerType = 'INT8' | 'UINT8' | 'INT16' | 'UINT16' | 'INT32' | 'UINT32';
export type MetadataComponentType = MetadataIntegerType | 'FLOAT32' | 'FLOAT64';

export interface MetadataClassProperty {
  name?: string;
  description?: string;
  type: 'SCALAR' | 'STRING' | 'BOOLEAN' | 'ENUM';
  componentType?: MetadataComponentType;
  enumType?: string;
  required?: boolean;
  noData?: number | string;
  semantic?: string;
}

export interface MetadataClass {
  name?: string;
  description?: string;
  properties: Record<string, MetadataClassProperty>;
}

export interface MetadataEnum {
  name?: string;
  description?: string;
  valueType?: MetadataIntegerType;
  values: { name: string; description?: string; value: number }[];
}

export interface MetadataSchema {
  id: string;
  name?: string;
  description?: string;
  version?: string;
  classes: Record<string, MetadataClass>;
  enums?: Record<string, MetadataEnum>;
}

export type PropertyValue = string | number | boolean;

/** Rows of one class, column by column; ENUM columns hold enum value names. */
export interface PropertyTableInput {
  name?: string;
  class: string;
  count: number;
  properties: Record<string, readonly PropertyValue[]>;
}

export interface PropertyTablePropertyJson {
  values: number;
  stringOffsets?: number;
  stringOffsetType?: 'UINT32';
}

export interface PropertyTableJson {
  name?: string;
  class: string;
  count: number;
  properties: Record<string, PropertyTablePropertyJson>;
}

export const COMPONENT_SIZE: Record<MetadataComponentType, number> = {
  INT8: 1, UINT8: 1, INT16: 2, UINT16: 2, INT32: 4, UINT32: 4, FLOAT32: 4, FLOAT64: 8,
};

export const INTEGER_RANGE: Record<MetadataIntegerType, readonly [number, number]> = {
  INT8: [-128, 127], UINT8: [0, 255], INT16: [-32768, 32767], UINT16: [0, 65535],
  INT32: [-2147483648, 2147483647], UINT32: [0, 4294967295],
};

/**
 * Encodes a property table; `addBufferView` stores each column's bytes and returns the buffer view index.
 * Property order follows the class, so the output does not depend on the caller's key order.
 */
export function encodePropertyTable(
  schema: MetadataSchema,
  table: PropertyTableInput,
  addBufferView: (bytes: Uint8Array) => number,
): PropertyTableJson {
  const metadataClass = classOf(schema, table.class);
  for (const id of Object.keys(table.properties)) {
    if (!metadataClass.properties[id]) fail(`property "${id}" is not in class "${table.class}"`, `thuộc tính "${id}" không có trong lớp "${table.class}"`);
  }
  const properties: Record<string, PropertyTablePropertyJson> = {};
  for (const [id, property] of Object.entries(metadataClass.properties)) {
    const values = table.properties[id];
    if (!values) {
      if (property.required) fail(`required property "${id}" has no column`, `thuộc tính bắt buộc "${id}" không có cột dữ liệu`);
      continue;
    }
    if (values.length !== table.count) {
      fail(`property "${id}" has ${values.length} values for ${table.count} rows`, `thuộc tính "${id}" có ${values.length} giá trị cho ${table.count} hàng`);
    }
    // A column of nothing but noData is left out (3D Metadata: an optional property may be omitted) — and an
    // all-empty string column would need a zero-length buffer view, which glTF forbids.
    if (!property.required && property.noData !== undefined && values.every((value) => value === property.noData)) continue;
    if (property.type === 'STRING') {
      const { bytes, offsets } = encodeStrings(values.map((value) => expectType(id, value, 'string')));
      properties[id] = { values: addBufferView(bytes), stringOffsets: addBufferView(offsets), stringOffsetType: 'UINT32' };
    } else if (property.type === 'BOOLEAN') {
      properties[id] = { values: addBufferView(encodeBooleans(values.map((value) => expectType(id, value, 'boolean')))) };
    } else if (property.type === 'ENUM') {
      const enumDef = enumOf(schema, property.enumType);
      const codes = values.map((value) => {
        const name = expectType(id, value, 'string');
        const entry = enumDef.values.find((candidate) => candidate.name === name);
        if (!entry) fail(`"${name}" is not a value of enum "${property.enumType}"`, `"${name}" không phải giá trị của enum "${property.enumType}"`);
        return entry!.value;
      });
      properties[id] = { values: addBufferView(encodeNumbers(id, codes, enumDef.valueType ?? 'UINT16')) };
    } else {
      const numbers = values.map((value) => expectType(id, value, 'number'));
      properties[id] = { values: addBufferView(encodeNumbers(id, numbers, componentTypeOf(id, property))) };
    }
  }
  return { ...(table.name === undefined ? {} : { name: table.name }), class: table.class, count: table.count, properties };
}

/**
 * Reads a property table back into columns (ENUMs as names); the inverse of {@link encodePropertyTable}. A class
 * property the table omits reads as its noData value, every row.
 */
export function decodePropertyTable(
  schema: MetadataSchema,
  table: PropertyTableJson,
  bufferView: (index: number) => Uint8Array,
): Record<string, PropertyValue[]> {
  const metadataClass = classOf(schema, table.class);
  const columns: Record<string, PropertyValue[]> = {};
  for (const [id, column] of Object.entries(table.properties)) {
    const property = metadataClass.properties[id];
    if (!property) fail(`property "${id}" is not in class "${table.class}"`, `thuộc tính "${id}" không có trong lớp "${table.class}"`);
    const values = bufferView(column.values);
    if (property!.type === 'STRING') {
      if (column.stringOffsets === undefined) fail(`string property "${id}" has no stringOffsets`, `thuộc tính chuỗi "${id}" thiếu stringOffsets`);
      const offsets = bufferView(column.stringOffsets!);
      const view = new DataView(offsets.buffer, offsets.byteOffset, offsets.byteLength);
      const decoder = new TextDecoder('utf-8', { fatal: true });
      columns[id] = Array.from({ length: table.count }, (_, row) =>
        decoder.decode(values.subarray(view.getUint32(4 * row, true), view.getUint32(4 * row + 4, true))),
      );
    } else if (property!.type === 'BOOLEAN') {
      columns[id] = Array.from({ length: table.count }, (_, row) => ((values[row >> 3]! >> (row & 7)) & 1) === 1);
    } else if (property!.type === 'ENUM') {
      const enumDef = enumOf(schema, property!.enumType);
      const codes = decodeNumbers(values, enumDef.valueType ?? 'UINT16', table.count);
      columns[id] = codes.map((code) => {
        const entry = enumDef.values.find((candidate) => candidate.value === code);
        if (!entry) fail(`value ${code} is not in enum "${property!.enumType}"`, `giá trị ${code} không có trong enum "${property!.enumType}"`);
        return entry!.name;
      });
    } else {
      columns[id] = decodeNumbers(values, componentTypeOf(id, property!), table.count);
    }
  }
  for (const [id, property] of Object.entries(metadataClass.properties)) {
    if (!(id in columns) && property.noData !== undefined) columns[id] = new Array<PropertyValue>(table.count).fill(property.noData);
  }
  return columns;
}

function encodeStrings(strings: readonly string[]): { bytes: Uint8Array; offsets: Uint8Array } {
  const encoder = new TextEncoder();
  const encoded = strings.map((text) => encoder.encode(text));
  const offsets = new DataView(new ArrayBuffer(4 * (strings.length + 1)));
  const bytes = new Uint8Array(encoded.reduce((sum, item) => sum + item.length, 0));
  let offset = 0;
  encoded.forEach((item, row) => {
    offsets.setUint32(4 * row, offset, true);
    bytes.set(item, offset);
    offset += item.length;
  });
  offsets.setUint32(4 * strings.length, offset, true);
  return { bytes, offsets: new Uint8Array(offsets.buffer) };
}

function encodeBooleans(values: readonly boolean[]): Uint8Array {
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, row) => {
    if (value) bits[row >> 3]! |= 1 << (row & 7);
  });
  return bits;
}

function encodeNumbers(id: string, values: readonly number[], type: MetadataComponentType): Uint8Array {
  const size = COMPONENT_SIZE[type];
  const view = new DataView(new ArrayBuffer(size * values.length));
  values.forEach((value, row) => {
    if (type !== 'FLOAT32' && type !== 'FLOAT64') {
      const [min, max] = INTEGER_RANGE[type];
      if (!Number.isInteger(value) || value < min || value > max) {
        fail(`property "${id}": ${value} does not fit ${type}`, `thuộc tính "${id}": ${value} không vừa kiểu ${type}`);
      }
    } else if (!Number.isFinite(value)) {
      fail(`property "${id}": ${value} is not a finite number`, `thuộc tính "${id}": ${value} không phải số hữu hạn`);
    }
    writeNumber(view, size * row, type, value);
  });
  return new Uint8Array(view.buffer);
}

function decodeNumbers(bytes: Uint8Array, type: MetadataComponentType, count: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = COMPONENT_SIZE[type];
  return Array.from({ length: count }, (_, row) => readNumber(view, size * row, type));
}

function writeNumber(view: DataView, at: number, type: MetadataComponentType, value: number): void {
  switch (type) {
    case 'INT8': return view.setInt8(at, value);
    case 'UINT8': return view.setUint8(at, value);
    case 'INT16': return view.setInt16(at, value, true);
    case 'UINT16': return view.setUint16(at, value, true);
    case 'INT32': return view.setInt32(at, value, true);
    case 'UINT32': return view.setUint32(at, value, true);
    case 'FLOAT32': return view.setFloat32(at, value, true);
    case 'FLOAT64': return view.setFloat64(at, value, true);
  }
}

export function readNumber(view: DataView, at: number, type: MetadataComponentType): number {
  switch (type) {
    case 'INT8': return view.getInt8(at);
    case 'UINT8': return view.getUint8(at);
    case 'INT16': return view.getInt16(at, true);
    case 'UINT16': return view.getUint16(at, true);
    case 'INT32': return view.getInt32(at, true);
    case 'UINT32': return view.getUint32(at, true);
    case 'FLOAT32': return view.getFloat32(at, true);
    case 'FLOAT64': return view.getFloat64(at, true);
  }
}

function classOf(schema: MetadataSchema, id: string): MetadataClass {
  const metadataClass = schema.classes[id];
  if (!metadataClass) fail(`class "${id}" is not in schema "${schema.id}"`, `lớp "${id}" không có trong schema "${schema.id}"`);
  return metadataClass!;
}

function enumOf(schema: MetadataSchema, id: string | undefined): MetadataEnum {
  const enumDef = id === undefined ? undefined : schema.enums?.[id];
  if (!enumDef) fail(`enum "${id ?? ''}" is not in schema "${schema.id}"`, `enum "${id ?? ''}" không có trong schema "${schema.id}"`);
  return enumDef!;
}

function componentTypeOf(id: string, property: MetadataClassProperty): MetadataComponentType {
  if (!property.componentType) fail(`SCALAR property "${id}" has no componentType`, `thuộc tính SCALAR "${id}" thiếu componentType`);
  return property.componentType!;
}

function expectType<T extends 'string' | 'number' | 'boolean'>(
  id: string,
  value: PropertyValue,
  type: T,
): T extends 'string' ? string : T extends 'number' ? number : boolean {
  if (typeof value !== type) fail(`property "${id}": expected a ${type}, got ${JSON.stringify(value)}`, `thuộc tính "${id}": cần kiểu ${type}, nhận ${JSON.stringify(value)}`);
  return value as never;
}

function fail(en: string, vi: string): never {
  throw new TilesError('INVALID_CONTENT', { en: `Property table: ${en}`, vi: `Bảng thuộc tính: ${vi}` });
}
