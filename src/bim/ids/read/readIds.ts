/**
 * IDS XML → `IdsDocument`. Three gates, each with a message naming the line: the text must be well-formed XML
 * (no DOCTYPE, no entity expansion), it must be valid against ids.xsd (`validateIdsSchema`), and it must pass the
 * audit rules an XSD cannot express (`auditIds`): patterns that are valid XSD regular expressions, numeric bounds
 * that are numbers, minOccurs ≤ maxOccurs, no requirements in a prohibited specification.
 */
import type {
  IdsCardinality,
  IdsDocument,
  IdsFacet,
  IdsIfcVersion,
  IdsInfo,
  IdsPartOfRelation,
  IdsReadFailure,
  IdsRestriction,
  IdsSpecification,
  IdsValue,
} from '../types';
import { compileXsdPattern, XsdPatternError } from '../values/xsdPattern';
import { parseXsdDouble } from '../values/matchValue';
import { validateIdsSchema, XS_NAMESPACE } from './idsSchema';
import type { XmlElement } from './xmlTree';
import { parseXmlTree, XmlSyntaxError } from './xmlTree';

/** Why an IDS file was refused, with the line to look at. `message` is the English text, for logs. */
export class IdsError extends Error {
  override readonly name = 'IdsError';
  constructor(readonly failure: IdsReadFailure) {
    super(failure.message.en);
  }
}

const at = (line: number | null) => (line === null ? { vi: '', en: '' } : { vi: ` (dòng ${line})`, en: ` (line ${line})` });

function schemaError(line: number, column: number, detail: string): IdsError {
  return new IdsError({
    code: 'SCHEMA_INVALID',
    line,
    column,
    message: { vi: `Tệp IDS không hợp lệ theo ids.xsd${at(line).vi}: ${detail}`, en: `The IDS file is not valid against ids.xsd${at(line).en}: ${detail}` },
  });
}

function auditError(line: number, vi: string, en: string): IdsError {
  return new IdsError({
    code: 'SCHEMA_INVALID',
    line,
    column: null,
    message: { vi: `Tệp IDS không hợp lệ${at(line).vi}: ${vi}`, en: `The IDS file is not valid${at(line).en}: ${en}` },
  });
}

export function readIds(xml: string): IdsDocument {
  let root: XmlElement;
  try {
    root = parseXmlTree(xml.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new IdsError({
      code: 'NOT_XML',
      line: error.line,
      column: error.column,
      message: { vi: `Tệp IDS không phải XML hợp lệ (dòng ${error.line}, cột ${error.column}): ${error.message}`, en: `The IDS file is not well-formed XML (line ${error.line}, column ${error.column}): ${error.message}` },
    });
  }
  const [issue] = validateIdsSchema(root);
  if (issue) throw schemaError(issue.line, issue.column, issue.message);
  const document = { info: readInfo(child(root, 'info')!), specifications: children(child(root, 'specifications')!, 'specification').map(readSpecification) };
  auditIds(document);
  return document;
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);
const children = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
const attribute = (element: XmlElement, name: string) => [...element.attributes.values()].find((a) => !a.namespace && a.local === name)?.value ?? null;

function readInfo(info: XmlElement): IdsInfo {
  const text = (name: string) => child(info, name)?.text ?? null;
  return {
    title: text('title') ?? '',
    copyright: text('copyright'),
    version: text('version'),
    description: text('description'),
    author: text('author'),
    date: text('date'),
    purpose: text('purpose'),
    milestone: text('milestone'),
  };
}

function readSpecification(element: XmlElement): IdsSpecification {
  const applicability = child(element, 'applicability')!;
  const requirements = child(element, 'requirements');
  const maxOccurs = attribute(applicability, 'maxOccurs')?.trim() ?? '1';
  return {
    name: attribute(element, 'name') ?? '',
    identifier: attribute(element, 'identifier'),
    description: attribute(element, 'description'),
    instructions: attribute(element, 'instructions'),
    ifcVersions: [...new Set((attribute(element, 'ifcVersion') ?? '').trim().split(/\s+/).filter(Boolean))] as IdsIfcVersion[],
    minOccurs: Number(attribute(applicability, 'minOccurs') ?? 1),
    maxOccurs: maxOccurs === 'unbounded' ? null : Number(maxOccurs),
    applicability: applicability.children.map((facet) => readFacet(facet, false)),
    requirements: requirements ? requirements.children.map((facet) => readFacet(facet, true)) : [],
    line: element.line,
  };
}

function readValue(element: XmlElement | undefined): IdsValue | null {
  const content = element?.children[0];
  if (!content) return null;
  if (content.namespace !== XS_NAMESPACE) return { kind: 'simple', value: content.text };
  const restriction: IdsRestriction = {
    kind: 'restriction',
    base: attribute(content, 'base')?.trim().replace(/^.*:/, '') ?? null,
    enumeration: [],
    patterns: [],
    minInclusive: null,
    maxInclusive: null,
    minExclusive: null,
    maxExclusive: null,
    length: null,
    minLength: null,
    maxLength: null,
  };
  for (const facet of content.children) {
    const value = attribute(facet, 'value') ?? '';
    switch (facet.name) {
      case 'enumeration':
        restriction.enumeration.push(value);
        break;
      case 'pattern':
        restriction.patterns.push(value);
        break;
      case 'minInclusive':
      case 'maxInclusive':
      case 'minExclusive':
      case 'maxExclusive':
        restriction[facet.name] = value;
        break;
      case 'length':
      case 'minLength':
      case 'maxLength':
        restriction[facet.name] = Number(value);
        break;
    }
  }
  return restriction;
}

function readFacet(element: XmlElement, isRequirement: boolean): IdsFacet {
  const base = {
    line: element.line,
    cardinality: (isRequirement ? (attribute(element, 'cardinality') ?? 'required') : 'required') as IdsCardinality,
    instructions: attribute(element, 'instructions'),
  };
  const value = (name: string) => readValue(child(element, name));
  switch (element.name) {
    case 'entity':
      return { ...base, facet: 'entity', name: value('name')!, predefinedType: value('predefinedType') };
    case 'attribute':
      return { ...base, facet: 'attribute', name: value('name')!, value: value('value') };
    case 'classification':
      return { ...base, facet: 'classification', system: value('system'), value: value('value'), uri: attribute(element, 'uri') };
    case 'property':
      return { ...base, facet: 'property', propertySet: value('propertySet')!, baseName: value('baseName')!, value: value('value'), dataType: attribute(element, 'dataType'), uri: attribute(element, 'uri') };
    case 'material':
      return { ...base, facet: 'material', value: value('value'), uri: attribute(element, 'uri') };
    default: {
      const entity = child(element, 'entity')!;
      return { ...base, facet: 'partOf', name: readValue(child(entity, 'name'))!, predefinedType: readValue(child(entity, 'predefinedType')), relation: attribute(element, 'relation') as IdsPartOfRelation | null };
    }
  }
}

/** Rules of IDS 1.0 that ids.xsd cannot state; each is an error the checker could not otherwise report honestly. */
function auditIds(document: IdsDocument): void {
  for (const specification of document.specifications) {
    if (specification.maxOccurs !== null && specification.minOccurs > specification.maxOccurs) {
      throw auditError(specification.line, `minOccurs ${specification.minOccurs} lớn hơn maxOccurs ${specification.maxOccurs}`, `minOccurs ${specification.minOccurs} is greater than maxOccurs ${specification.maxOccurs}`);
    }
    if (specification.maxOccurs === 0 && specification.requirements.length > 0) {
      throw auditError(
        specification.line,
        `đặc tả "${specification.name}" bị cấm (maxOccurs="0") nên không được có yêu cầu`,
        `the specification "${specification.name}" is prohibited (maxOccurs="0"), so it cannot have requirements`,
      );
    }
    for (const facet of [...specification.applicability, ...specification.requirements]) {
      for (const value of facetValues(facet)) auditValue(value, facet.line);
    }
  }
}

function facetValues(facet: IdsFacet): IdsValue[] {
  const values: (IdsValue | null)[] =
    facet.facet === 'entity' || facet.facet === 'partOf'
      ? [facet.name, facet.predefinedType]
      : facet.facet === 'attribute'
        ? [facet.name, facet.value]
        : facet.facet === 'classification'
          ? [facet.system, facet.value]
          : facet.facet === 'property'
            ? [facet.propertySet, facet.baseName, facet.value]
            : [facet.value];
  return values.filter((value): value is IdsValue => value !== null);
}

const TEMPORAL_BASES = /^(date|dateTime|time|duration|gYear|gYearMonth|gMonth|gMonthDay|gDay)$/;

function auditValue(value: IdsValue, line: number): void {
  if (value.kind === 'simple') return;
  for (const source of value.patterns) {
    try {
      compileXsdPattern(source);
    } catch (error) {
      if (!(error instanceof XsdPatternError)) throw error;
      throw auditError(line, `mẫu xs:pattern không hợp lệ: ${error.message}`, `invalid xs:pattern: ${error.message}`);
    }
  }
  // Dates and durations have bounds too; the checker compares numbers only, so only numeric bounds are audited.
  if (value.base !== null && TEMPORAL_BASES.test(value.base)) return;
  for (const bound of [value.minInclusive, value.maxInclusive, value.minExclusive, value.maxExclusive]) {
    if (bound !== null && parseXsdDouble(bound) === null) {
      throw auditError(line, `giới hạn "${bound}" không phải là số`, `the bound "${bound}" is not a number`);
    }
  }
}
