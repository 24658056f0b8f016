/**
 * The IDS inputs the review's tests check the demo submission with: the city's sample IDS as shipped, and the
 * bad ones a planner might pick (not XML, rejected by ids.xsd, written for another IFC schema), each derived from
 * the sample here so the expected line is found in the text rather than written down.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../../..');
export const DEMO_IFC = join(ROOT, 'assets/demo/bim/AC20-FZK-Haus.vn2000.ifc');
export const SAMPLE_IDS = join(ROOT, 'assets/demo/bim/handover.ids');

export const sampleIds = (): string => readFileSync(SAMPLE_IDS, 'utf8');

/** 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in the text: ${needle}`);
  return text.slice(0, at).split('\n').length;
}

/** A close tag that does not match: well-formedness fails on the title's line. */
export function notXmlIds(): { xml: string; line: number } {
  const xml = sampleIds().replace(/<\/title>/, '</titel>');
  return { xml, line: lineOf(xml, '</titel>') };
}

/** The first specification without its required `name` attribute (ids.xsd: specification/@name use="required"). */
export function schemaInvalidIds(): { xml: string; line: number } {
  const xml = sampleIds().replace(/<specification name="[^"]*" /, '<specification ');
  return { xml, line: lineOf(xml, '<specification ') };
}

/** Every specification written for IFC4X3_ADD2 only: the demo model is IFC4. */
export function ifc4x3Ids(): string {
  return sampleIds().replace(/ifcVersion="[^"]*"/g, 'ifcVersion="IFC4X3_ADD2"');
}
