/**
 * Just enough of ISO 10303-21 (STEP physical file) text to edit an IFC file in place: find an entity instance
 * by class, split its attributes, rewrite them, write REAL values. Used by the demo-submission builder, which
 * adds georeferencing to a sample model without re-serialising (and so without changing) anything else.
 */

/** One entity instance line of the DATA section, e.g. `#62= IFCGEOMETRICREPRESENTATIONCONTEXT(...);`. */
export interface StepInstance {
  id: number;
  /** Upper-case class name, e.g. IFCSITE. */
  ifcClass: string;
  /** The attributes as written, split at the top level (nested lists and strings kept whole). */
  attributes: string[];
  /** Where the instance's text starts and ends (after the `;`) in the file text. */
  start: number;
  end: number;
}

const INSTANCE = /#(\d+)\s*=\s*([A-Za-z0-9_]+)\s*\(/g;

/** The instances of the given classes (upper case), in file order. */
export function findInstances(text: string, ifcClasses: readonly string[]): StepInstance[] {
  const wanted = new Set(ifcClasses);
  const found: StepInstance[] = [];
  for (const match of text.matchAll(INSTANCE)) {
    const ifcClass = match[2]!.toUpperCase();
    if (!wanted.has(ifcClass)) continue;
    const open = match.index + match[0].length - 1;
    const close = closingParenthesis(text, open);
    const end = text.indexOf(';', close) + 1;
    found.push({ id: Number(match[1]), ifcClass, attributes: splitAttributes(text.slice(open + 1, close)), start: match.index, end });
  }
  return found;
}

/** The instance text for an id, class and attributes (without the line ending). */
export function formatInstance(id: number, ifcClass: string, attributes: readonly string[]): string {
  return `#${id}= ${ifcClass}(${attributes.join(',')});`;
}

/** The largest instance id in the file (new instances are numbered after it). */
export function maxInstanceId(text: string): number {
  let max = 0;
  for (const match of text.matchAll(/#(\d+)\s*=/g)) max = Math.max(max, Number(match[1]));
  return max;
}

/** A STEP REAL: always with a decimal point (`581234.` is a REAL, `581234` an INTEGER). */
export function stepReal(value: number, decimals: number): string {
  const text = value.toFixed(decimals).replace(/(\.\d*?)0+$/, '$1');
  return text.includes('.') ? text : `${text}.`;
}

/** A STEP string literal: quotes doubled. Non-ASCII text would need \X2\ encoding; callers pass ASCII. */
export function stepString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * An IfcCompoundPlaneAngleMeasure for decimal degrees: (degrees, minutes, seconds, millionths of a second),
 * every component carrying the sign of the angle (IFC4 §8.11.2.5).
 */
export function compoundAngle(degrees: number): string {
  const sign = degrees < 0 ? -1 : 1;
  const micro = Math.round(Math.abs(degrees) * 3600e6);
  const parts = [Math.floor(micro / 3600e6), Math.floor(micro / 60e6) % 60, Math.floor(micro / 1e6) % 60, micro % 1e6];
  return `(${parts.map((part) => String(sign * part)).join(',')})`;
}

function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") inString = !inString; // a doubled quote toggles twice: still right
    else if (!inString && c === '(') depth++;
    else if (!inString && c === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced parentheses after offset ${open}`);
}

function splitAttributes(list: string): string[] {
  const attributes: string[] = [];
  let depth = 0;
  let inString = false;
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "'") inString = !inString;
    else if (!inString && c === '(') depth++;
    else if (!inString && c === ')') depth--;
    else if (!inString && depth === 0 && c === ',') {
      attributes.push(list.slice(from, i).trim());
      from = i + 1;
    }
  }
  attributes.push(list.slice(from).trim());
  return attributes;
}
