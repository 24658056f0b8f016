/**
 * The typed content of an IDS 1.0 document (buildingSMART Information Delivery Specification) and the report of
 * checking a model against it. Plain JSON: what `readIds` produces, what `checkIds` reads, what the IFC worker
 * posts back and what the CLI prints with `--json`.
 */
import type { LocalizedText } from '../../geo';

/** The IFC schemas an IDS 1.0 specification may name (`ifcVersion`, ids.xsd). */
export type IdsIfcVersion = 'IFC2X3' | 'IFC4' | 'IFC4X3_ADD2';

/** A requirement facet's `cardinality` (ids.xsd conditionalCardinality; partOf allows no `optional`). */
export type IdsCardinality = 'required' | 'optional' | 'prohibited';

/** `xs:restriction` facets (XSD Part 2 §4.3) as written; several patterns or enumeration values are alternatives. */
export interface IdsRestriction {
  kind: 'restriction';
  /** The `base` type without prefix (`string`, `double`, `integer` …), null when absent. */
  base: string | null;
  enumeration: string[];
  patterns: string[];
  minInclusive: string | null;
  maxInclusive: string | null;
  minExclusive: string | null;
  maxExclusive: string | null;
  length: number | null;
  minLength: number | null;
  maxLength: number | null;
}

/** ids:idsValue: a `simpleValue` or an `xs:restriction`. */
export type IdsValue = { kind: 'simple'; value: string } | IdsRestriction;

export type IdsPartOfRelation =
  | 'IFCRELAGGREGATES'
  | 'IFCRELASSIGNSTOGROUP'
  | 'IFCRELCONTAINEDINSPATIALSTRUCTURE'
  | 'IFCRELNESTS'
  | 'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT';

interface FacetBase {
  /** Line of the facet's element in the IDS file, for messages. */
  line: number;
  /** Always 'required' in an applicability. */
  cardinality: IdsCardinality;
  instructions: string | null;
}

export interface IdsEntityFacet extends FacetBase {
  facet: 'entity';
  name: IdsValue;
  predefinedType: IdsValue | null;
}

export interface IdsAttributeFacet extends FacetBase {
  facet: 'attribute';
  name: IdsValue;
  value: IdsValue | null;
}

export interface IdsClassificationFacet extends FacetBase {
  facet: 'classification';
  system: IdsValue | null;
  value: IdsValue | null;
  uri: string | null;
}

export interface IdsPropertyFacet extends FacetBase {
  facet: 'property';
  propertySet: IdsValue;
  baseName: IdsValue;
  value: IdsValue | null;
  /** An IFC defined type, upper case (IFCLENGTHMEASURE), or null. */
  dataType: string | null;
  uri: string | null;
}

export interface IdsMaterialFacet extends FacetBase {
  facet: 'material';
  value: IdsValue | null;
  uri: string | null;
}

export interface IdsPartOfFacet extends FacetBase {
  facet: 'partOf';
  name: IdsValue;
  predefinedType: IdsValue | null;
  relation: IdsPartOfRelation | null;
}

export type IdsFacet =
  | IdsEntityFacet
  | IdsAttributeFacet
  | IdsClassificationFacet
  | IdsPropertyFacet
  | IdsMaterialFacet
  | IdsPartOfFacet;

export interface IdsSpecification {
  name: string;
  identifier: string | null;
  description: string | null;
  instructions: string | null;
  ifcVersions: IdsIfcVersion[];
  /** `applicability/@minOccurs` (xs:occurs, default 1). */
  minOccurs: number;
  /** `applicability/@maxOccurs` (default 1); null for `unbounded`. */
  maxOccurs: number | null;
  applicability: IdsFacet[];
  requirements: IdsFacet[];
  line: number;
}

export interface IdsInfo {
  title: string;
  copyright: string | null;
  version: string | null;
  description: string | null;
  author: string | null;
  date: string | null;
  purpose: string | null;
  milestone: string | null;
}

export interface IdsDocument {
  info: IdsInfo;
  specifications: IdsSpecification[];
}

/**
 * Why an IDS check could not run: the file is not XML, or XML that ids.xsd (or the IDS audit rules we apply)
 * rejects; or (in the IFC worker) no model is open to check.
 */
export type IdsErrorCode = 'NOT_XML' | 'SCHEMA_INVALID' | 'NO_MODEL';

export interface IdsReadFailure {
  code: IdsErrorCode;
  line: number | null;
  column: number | null;
  message: LocalizedText;
}

/** One element that does not meet a requirement. */
export interface IdsFailingElement {
  expressId: number;
  globalId: string | null;
  ifcClass: string;
  name: string | null;
  reason: LocalizedText;
}

export interface IdsRequirementResult {
  /** The requirement in words ("Pset_WallCommon.FireRating phải có giá trị"). */
  description: LocalizedText;
  facet: IdsFacet['facet'];
  cardinality: IdsCardinality;
  passed: boolean;
  failures: IdsFailingElement[];
}

/** pass / fail, or a model whose schema the specification does not name (reported as such, never as a pass). */
export type IdsSpecificationStatus = 'pass' | 'fail' | 'ifcVersionMismatch';

export interface IdsSpecificationResult {
  name: string;
  identifier: string | null;
  description: string | null;
  usage: 'required' | 'optional' | 'prohibited';
  ifcVersions: IdsIfcVersion[];
  status: IdsSpecificationStatus;
  /** The outcome of applicability and requirements alone, whatever the schema (the IDS test suite's verdict). */
  requirementsPassed: boolean;
  ifcVersionMatches: boolean;
  applicableCount: number;
  passedCount: number;
  failedCount: number;
  /** Why the specification fails beyond its requirements (none applicable while required, applicable while prohibited, schema). */
  messages: LocalizedText[];
  /** For a prohibited specification: the elements that should not be there. */
  prohibitedElements: IdsFailingElement[];
  requirements: IdsRequirementResult[];
}

export interface IdsReport {
  title: string;
  /** The model's schema as an IDS names it. */
  modelSchema: IdsIfcVersion;
  passed: boolean;
  specifications: IdsSpecificationResult[];
  checkMs: number;
}

/** What the IFC worker answers to `checkIds`: the report, or why there is none. */
export type IdsCheckOutcome = { status: 'checked'; report: IdsReport } | { status: 'refused'; failure: IdsReadFailure };
