/**
 * web-ifc raw values → typed IFC values for comparison. A raw value is `{ type, value }` (1 string, 2 a typed
 * value inside a select with its `typecode`, 3 an enumeration or boolean, 4 a real as text, 5 a reference,
 * 10 an integer) or an array for a list. A LOGICAL UNKNOWN (`.U.`) arrives without a value: IDS treats it as no
 * value at all, like null and the empty string.
 */
import type { StepValue } from '../../ifc/stepValues';
import type { IfcValue } from './matchValue';

const STRING = 1;
const TYPED = 2;
const ENUMERATION = 3;
const REAL = 4;
const INTEGER = 10;

/** Defined types whose underlying type is INTEGER (IFC2X3, IFC4, IFC4X3). */
const INTEGER_TYPES = new Set([
  'IFCINTEGER', 'IFCPOSITIVEINTEGER', 'IFCTIMESTAMP', 'IFCDAYINMONTHNUMBER', 'IFCDAYINWEEKNUMBER',
  'IFCMONTHINYEARNUMBER', 'IFCYEARNUMBER', 'IFCHOURINDAY', 'IFCMINUTEINHOUR', 'IFCDIMENSIONCOUNT',
  'IFCCARDINALPOINTREFERENCE', 'IFCINTEGERCOUNTRATEMEASURE',
]);

/** Defined types whose underlying type is STRING, even when the text looks like a number. */
const STRING_TYPES = new Set([
  'IFCLABEL', 'IFCTEXT', 'IFCIDENTIFIER', 'IFCDATE', 'IFCDATETIME', 'IFCTIME', 'IFCDURATION', 'IFCURIREFERENCE',
  'IFCDESCRIPTIVEMEASURE', 'IFCGLOBALLYUNIQUEID', 'IFCTEXTFONTNAME', 'IFCPRESENTABLETEXT', 'IFCBOXALIGNMENT',
  'IFCTEXTALIGNMENT', 'IFCTEXTDECORATION', 'IFCTEXTTRANSFORMATION', 'IFCFONTSTYLE', 'IFCFONTVARIANT',
  'IFCFONTWEIGHT', 'IFCLANGUAGEID', 'IFCWELLKNOWNTEXTLITERAL', 'IFCBINARY', 'IFCDATEANDTIME',
]);

/** A typed value: its IFC defined type (IFCLABEL, IFCLENGTHMEASURE …) and its value, null for no value. */
export interface TypedIfcValue {
  dataType: string | null;
  value: IfcValue | null;
}

/** Whether the raw value is a single value (not a list, not a reference to another entity). */
export function isSimpleStepValue(raw: StepValue): boolean {
  return !!raw && !Array.isArray(raw) && raw.type !== 5;
}

/** A raw value as an IFC value; `typeName` names the `typecode` of typed values. */
export function toIfcValue(raw: StepValue, typeName: (typecode: number) => string): TypedIfcValue {
  if (!raw || Array.isArray(raw)) return { dataType: null, value: null };
  const value = raw.value;
  switch (raw.type) {
    case STRING:
      return { dataType: null, value: typeof value === 'string' ? { kind: 'string', value } : null };
    case REAL:
      return { dataType: null, value: numeric(value, 'real') };
    case INTEGER:
      return { dataType: null, value: numeric(value, 'integer') };
    case ENUMERATION:
      if (typeof value === 'boolean') return { dataType: null, value: { kind: 'boolean', value } };
      return { dataType: null, value: typeof value === 'string' ? { kind: 'string', value } : null };
    case TYPED: {
      const dataType = raw.typecode === undefined ? null : typeName(raw.typecode).toUpperCase();
      return { dataType, value: typedValue(dataType ?? '', value) };
    }
    default:
      return { dataType: null, value: null };
  }
}

function typedValue(dataType: string, value: unknown): IfcValue | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (STRING_TYPES.has(dataType)) return { kind: 'string', value: String(value) };
  if (INTEGER_TYPES.has(dataType)) return numeric(value, 'integer');
  if (typeof value === 'number') return { kind: 'real', value };
  // STEP writes every real with a decimal point; other text is a string-based type we do not list.
  if (typeof value === 'string' && /^[+-]?\d+\.\d*([eE][+-]?\d+)?$/.test(value)) return { kind: 'real', value: Number(value) };
  return { kind: 'string', value: String(value) };
}

function numeric(value: unknown, kind: 'real' | 'integer'): IfcValue | null {
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? { kind, value: number } : null;
}

/** IDS: null, the empty string and LOGICAL UNKNOWN are "no value". */
export function isEmptyValue(value: IfcValue | null): boolean {
  return value === null || (value.kind === 'string' && value.value === '');
}
