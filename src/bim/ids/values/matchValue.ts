/**
 * Does an IFC value satisfy an IDS value? IDS 1.0 compares by the IFC value's type: text exactly (case and
 * accents count), booleans as the XSD literals "true"/"false", integers only against integer literals, reals
 * against any xs:double literal within the IDS tolerance (Documentation/tolerance.md:
 * |x − v| ≤ |v|·1e-6 + 1e-6). The buildingSMART test suite applies the same tolerance to bounds
 * (testcases/tolerance), so bounds use it too. Patterns and lengths apply to text only.
 */
import type { IdsRestriction, IdsValue } from '../types';
import { compileXsdPattern } from './xsdPattern';

export type IfcValue =
  | { kind: 'string'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'real'; value: number }
  | { kind: 'boolean'; value: boolean };

const EPSILON = 1e-6;
/** Keeps the boundary values of the tolerance table (1.000002 for 1) inside despite binary rounding. */
const ROUNDING = 1 + 1e-9;
const XSD_DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const XSD_INTEGER = /^[+-]?\d+$/;

const tolerance = (value: number) => (Math.abs(value) * EPSILON + EPSILON) * ROUNDING;

/** An xs:double literal as a number, or null when the text is not one (commas, blanks, words). */
export function parseXsdDouble(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === 'INF' || trimmed === '+INF') return Number.POSITIVE_INFINITY;
  if (trimmed === '-INF') return Number.NEGATIVE_INFINITY;
  return XSD_DOUBLE.test(trimmed) ? Number(trimmed) : null;
}

function matchesLiteral(literal: string, value: IfcValue): boolean {
  switch (value.kind) {
    case 'string':
      return literal === value.value;
    case 'boolean':
      return value.value ? literal === 'true' || literal === '1' : literal === 'false' || literal === '0';
    case 'integer':
      return XSD_INTEGER.test(literal.trim()) && Number(literal) === value.value;
    case 'real': {
      const expected = parseXsdDouble(literal);
      return expected !== null && Math.abs(value.value - expected) <= tolerance(expected);
    }
  }
}

const patternCache = new Map<string, RegExp>();

function pattern(source: string): RegExp {
  let regex = patternCache.get(source);
  if (!regex) {
    regex = compileXsdPattern(source);
    patternCache.set(source, regex);
  }
  return regex;
}

function withinBounds(restriction: IdsRestriction, value: IfcValue): boolean {
  const bounds = [restriction.minInclusive, restriction.maxInclusive, restriction.minExclusive, restriction.maxExclusive];
  if (bounds.every((bound) => bound === null)) return true;
  if (value.kind !== 'integer' && value.kind !== 'real') return false;
  const bound = (text: string | null, test: (limit: number, slack: number) => boolean) => {
    if (text === null) return true;
    const limit = parseXsdDouble(text);
    return limit !== null && test(limit, tolerance(limit));
  };
  const v = value.value;
  return (
    bound(restriction.minInclusive, (limit, slack) => v >= limit - slack) &&
    bound(restriction.maxInclusive, (limit, slack) => v <= limit + slack) &&
    bound(restriction.minExclusive, (limit, slack) => v > limit + slack) &&
    bound(restriction.maxExclusive, (limit, slack) => v < limit - slack)
  );
}

function withinLengths(restriction: IdsRestriction, value: IfcValue): boolean {
  if (restriction.length === null && restriction.minLength === null && restriction.maxLength === null) return true;
  if (value.kind !== 'string') return false;
  const length = Array.from(value.value).length;
  return (
    (restriction.length === null || length === restriction.length) &&
    (restriction.minLength === null || length >= restriction.minLength) &&
    (restriction.maxLength === null || length <= restriction.maxLength)
  );
}

/** Every facet of the restriction holds; several enumeration values or patterns are alternatives (XSD §4.3). */
function matchesRestriction(restriction: IdsRestriction, value: IfcValue): boolean {
  if (restriction.enumeration.length > 0 && !restriction.enumeration.some((literal) => matchesLiteral(literal, value))) return false;
  if (restriction.patterns.length > 0 && (value.kind !== 'string' || !restriction.patterns.some((source) => pattern(source).test(value.value)))) return false;
  return withinBounds(restriction, value) && withinLengths(restriction, value);
}

export function matchesIdsValue(expected: IdsValue, value: IfcValue): boolean {
  return expected.kind === 'simple' ? matchesLiteral(expected.value, value) : matchesRestriction(expected, value);
}

/** Names (entity, pset, attribute names …) are matched as text. */
export function matchesName(expected: IdsValue, name: string): boolean {
  return matchesIdsValue(expected, { kind: 'string', value: name });
}

/** The IDS value in words, for requirement descriptions and failure reasons. */
export function describeIdsValue(value: IdsValue): string {
  if (value.kind === 'simple') return `"${value.value}"`;
  const parts: string[] = [];
  if (value.enumeration.length) parts.push(value.enumeration.map((v) => `"${v}"`).join(' | '));
  if (value.patterns.length) parts.push(value.patterns.map((p) => `/${p}/`).join(' | '));
  if (value.minInclusive !== null) parts.push(`≥ ${value.minInclusive}`);
  if (value.minExclusive !== null) parts.push(`> ${value.minExclusive}`);
  if (value.maxInclusive !== null) parts.push(`≤ ${value.maxInclusive}`);
  if (value.maxExclusive !== null) parts.push(`< ${value.maxExclusive}`);
  // Lengths as |x| (number of characters) keep the description the same in both languages.
  if (value.length !== null) parts.push(`|x| = ${value.length}`);
  if (value.minLength !== null) parts.push(`|x| ≥ ${value.minLength}`);
  if (value.maxLength !== null) parts.push(`|x| ≤ ${value.maxLength}`);
  return parts.join(', ') || '*';
}

/** An IFC value as text in messages. */
export function describeIfcValue(value: IfcValue): string {
  return value.kind === 'string' ? `"${value.value}"` : String(value.value);
}
