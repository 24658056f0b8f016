/**
 * Checks an open web-ifc model against an IDS document (IDS 1.0 §specification): for each specification, the
 * elements its applicability selects, then each requirement on each of them with its cardinality; the
 * specification's own cardinality (applicability minOccurs/maxOccurs: required, optional, prohibited) bounds how
 * many elements may be applicable. A model whose schema the specification does not name is reported as
 * `ifcVersionMismatch`, never as a pass, though the requirements are still evaluated (the IDS test suite treats
 * ifcVersion as metadata, so `requirementsPassed` carries that verdict). No DOM, no worker code: the IFC worker,
 * the CLI and the tests call this same function.
 */
import type { IfcAPI } from 'web-ifc';
import type { LocalizedText } from '../../geo';
import { applyCardinality, describeFacet, evaluateFacet, facetCandidates } from './facets';
import type { CheckContext } from './facets';
import { IdsModel } from './model/IdsModel';
import { PropertySetReader } from './model/propertySets';
import { ModelUnits } from './model/units';
import { IdsError, readIds } from './read/readIds';
import type { IdsCheckOutcome, IdsDocument, IdsFailingElement, IdsReport, IdsRequirementResult, IdsSpecification, IdsSpecificationResult } from './types';

export function checkIds(api: IfcAPI, modelId: number, document: IdsDocument): IdsReport {
  const started = performance.now();
  const model = new IdsModel(api, modelId);
  const context: CheckContext = { model, propertySets: new PropertySetReader(model, new ModelUnits(model)) };
  const specifications = document.specifications.map((specification) => checkSpecification(context, specification));
  return {
    title: document.info.title,
    modelSchema: model.schema,
    passed: specifications.every((result) => result.status === 'pass'),
    specifications,
    checkMs: performance.now() - started,
  };
}

/** IDS text in, outcome out: what the IFC worker runs on the model it holds (`null` before one is open). */
export function checkIdsXml(model: { api: IfcAPI; modelId: number } | null, idsXml: string): IdsCheckOutcome {
  if (!model) {
    const message = { vi: 'Chưa có mô hình IFC nào được mở để kiểm tra', en: 'No IFC model is open to check' };
    return { status: 'refused', failure: { code: 'NO_MODEL', line: null, column: null, message } };
  }
  try {
    return { status: 'checked', report: checkIds(model.api, model.modelId, readIds(idsXml)) };
  } catch (error) {
    if (error instanceof IdsError) return { status: 'refused', failure: error.failure };
    throw error;
  }
}

function usageOf(specification: IdsSpecification): IdsSpecificationResult['usage'] {
  if (specification.maxOccurs === 0) return 'prohibited';
  return specification.minOccurs === 0 ? 'optional' : 'required';
}

function applicableElements(context: CheckContext, specification: IdsSpecification): number[] {
  const [first, ...rest] = specification.applicability;
  if (!first) return [];
  // The entity facet narrows most, so it picks the candidates when there is one.
  const entity = specification.applicability.find((facet) => facet.facet === 'entity');
  const selector = entity ?? first;
  const candidates = [...new Set(facetCandidates(context, selector))].sort((a, b) => a - b);
  context.model.preload(candidates);
  const others = entity ? specification.applicability.filter((facet) => facet !== entity) : rest;
  return candidates.filter(
    (id) => evaluateFacet(context, selector, id).status === 'match' && others.every((facet) => evaluateFacet(context, facet, id).status === 'match'),
  );
}

function describeElement(context: CheckContext, id: number, reason: LocalizedText): IdsFailingElement {
  const { model } = context;
  return { expressId: id, globalId: model.text(id, 'GlobalId'), ifcClass: model.className(id), name: model.text(id, 'Name'), reason };
}

function checkSpecification(context: CheckContext, specification: IdsSpecification): IdsSpecificationResult {
  const usage = usageOf(specification);
  const applicable = applicableElements(context, specification);
  const failed = new Set<number>();
  const requirements: IdsRequirementResult[] = specification.requirements.map((facet) => {
    const description = describeFacet(facet);
    const failures: IdsFailingElement[] = [];
    if (usage !== 'prohibited') {
      for (const id of applicable) {
        const verdict = applyCardinality(evaluateFacet(context, facet, id), facet.cardinality, description);
        if (!verdict.passed) {
          failed.add(id);
          failures.push(describeElement(context, id, verdict.reason));
        }
      }
    }
    return { description, facet: facet.facet, cardinality: facet.cardinality, passed: failures.length === 0, failures };
  });

  const messages: LocalizedText[] = [];
  const count = applicable.length;
  if (count < specification.minOccurs) {
    messages.push({
      vi: `Cần ít nhất ${specification.minOccurs} phần tử thuộc phạm vi áp dụng, mô hình có ${count}`,
      en: `At least ${specification.minOccurs} applicable element(s) required, the model has ${count}`,
    });
  }
  if (specification.maxOccurs !== null && count > specification.maxOccurs) {
    messages.push(
      usage === 'prohibited'
        ? { vi: `Bị cấm nhưng mô hình có ${count} phần tử thuộc phạm vi áp dụng`, en: `Prohibited, but the model has ${count} applicable element(s)` }
        : { vi: `Cho phép tối đa ${specification.maxOccurs} phần tử thuộc phạm vi áp dụng, mô hình có ${count}`, en: `At most ${specification.maxOccurs} applicable element(s) allowed, the model has ${count}` },
    );
  }
  const requirementsPassed = messages.length === 0 && requirements.every((requirement) => requirement.passed);
  const ifcVersionMatches = specification.ifcVersions.includes(context.model.schema);
  if (!ifcVersionMatches) {
    messages.push({
      vi: `Mô hình theo lược đồ ${context.model.schema}, đặc tả chỉ áp dụng cho ${specification.ifcVersions.join(', ') || '(không lược đồ nào)'}`,
      en: `The model is ${context.model.schema}; the specification applies to ${specification.ifcVersions.join(', ') || '(no schema)'} only`,
    });
  }
  const prohibited = usage === 'prohibited' ? applicable : [];
  const prohibitedReason = { vi: 'Phần tử này không được phép có trong mô hình', en: 'This element must not be in the model' };
  return {
    name: specification.name,
    identifier: specification.identifier,
    description: specification.description,
    usage,
    ifcVersions: specification.ifcVersions,
    status: !ifcVersionMatches ? 'ifcVersionMismatch' : requirementsPassed ? 'pass' : 'fail',
    requirementsPassed,
    ifcVersionMatches,
    applicableCount: count,
    passedCount: usage === 'prohibited' ? 0 : count - failed.size,
    failedCount: usage === 'prohibited' ? count : failed.size,
    messages,
    prohibitedElements: prohibited.map((id) => describeElement(context, id, prohibitedReason)),
    requirements,
  };
}
