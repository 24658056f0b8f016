/**
 * Reading STEP attribute values from web-ifc's raw lines (`GetRawLineData`): positional, the same in every schema
 * for the attributes we read, and much cheaper than `GetLine`, which builds a schema object per line. A raw value
 * is `{ type, value }` (web-ifc's token types: 1 string, 2 typed select, 3 enum, 4 real as text, 5 reference,
 * 10 integer), an array for a list, or null for `$` and `*`.
 */
import type { IfcAPI, RawLineData } from 'web-ifc';

export type StepValue = { type: number; value: unknown; typecode?: number } | StepValue[] | null | undefined;

const REFERENCE = 5;

export function rawLine(api: IfcAPI, modelId: number, expressId: number): RawLineData | null {
  if (!(expressId > 0)) return null;
  try {
    const line = api.GetRawLineData(modelId, expressId);
    return line && Array.isArray(line.arguments) ? line : null;
  } catch {
    return null;
  }
}

/** Many lines in one call: web-ifc reads a batch much faster than one line at a time. */
export function rawLines(api: IfcAPI, modelId: number, ids: number[]): RawLineData[] {
  return ids.length === 0 ? [] : api.GetRawLinesData(modelId, ids).filter((line) => line && Array.isArray(line.arguments));
}

export function stepArgument(line: RawLineData | null, index: number): StepValue {
  return line?.arguments[index] as StepValue;
}

export function stepString(value: StepValue): string | null {
  if (!value || Array.isArray(value)) return null;
  return typeof value.value === 'string' ? value.value : null;
}

export function stepNumber(value: StepValue): number | null {
  if (!value || Array.isArray(value) || value.type === REFERENCE) return null;
  const number = typeof value.value === 'number' ? value.value : Number(value.value);
  return typeof value.value === 'boolean' || !Number.isFinite(number) ? null : number;
}

export function stepReference(value: StepValue): number | null {
  return value && !Array.isArray(value) && value.type === REFERENCE && typeof value.value === 'number' ? value.value : null;
}

export function stepList(value: StepValue): StepValue[] {
  return Array.isArray(value) ? value : [];
}

export function stepReferences(value: StepValue): number[] {
  return stepList(value).flatMap((item) => {
    const id = stepReference(item);
    return id === null ? [] : [id];
  });
}

/** All ids of a type and its subtypes; an empty list when this schema does not have the type. */
export function idsOfType(api: IfcAPI, modelId: number, typeCode: number | undefined, inherited = false): number[] {
  if (typeCode === undefined) return [];
  try {
    return [...api.GetLineIDsWithType(modelId, typeCode, inherited)];
  } catch {
    return [];
  }
}
