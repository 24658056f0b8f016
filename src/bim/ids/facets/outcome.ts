/**
 * What a facet finds on one element, before cardinality is applied. IDS 1.0 distinguishes three cases:
 * `match` (the facet holds), `absent` (the element has nothing the facet talks about: no such attribute value,
 * property set, classification, material or relation) and `mismatch` (it has one, but not as required). A
 * required facet passes on `match`; an optional one on `match` or `absent`; a prohibited one unless `match`.
 */
import type { LocalizedText } from '../../../geo';
import type { IdsCardinality } from '../types';
import type { IdsModel } from '../model/IdsModel';
import type { PropertySetReader } from '../model/propertySets';

export type FacetOutcome = { status: 'match' } | { status: 'absent' | 'mismatch'; reason: LocalizedText };

export interface CheckContext {
  model: IdsModel;
  propertySets: PropertySetReader;
}

export const MATCH: FacetOutcome = { status: 'match' };
export const absent = (vi: string, en: string): FacetOutcome => ({ status: 'absent', reason: { vi, en } });
export const mismatch = (vi: string, en: string): FacetOutcome => ({ status: 'mismatch', reason: { vi, en } });

/** A requirement's verdict: passed, or failed with the reason to show next to the element. */
export function applyCardinality(outcome: FacetOutcome, cardinality: IdsCardinality, requirement: LocalizedText): { passed: true } | { passed: false; reason: LocalizedText } {
  if (cardinality === 'prohibited') {
    return outcome.status === 'match'
      ? { passed: false, reason: { vi: `Bị cấm nhưng có: ${requirement.vi}`, en: `Prohibited but present: ${requirement.en}` } }
      : { passed: true };
  }
  if (outcome.status === 'match' || (cardinality === 'optional' && outcome.status === 'absent')) return { passed: true };
  return { passed: false, reason: outcome.reason };
}
