/**
 * ids.xsd (IDS 1.0.0, vendored beside this file as ids.xsd) as data: which elements may appear where, in which
 * order and how often, which attributes each takes and what their values may be. `validateIdsSchema` walks an
 * XML tree against it, so an IDS file is rejected for what the schema rejects: unknown or misplaced elements,
 * missing required ones, text where none belongs, unknown attributes, values outside an enumeration or pattern
 * (cardinality, relation, dataType, ifcVersion, minOccurs/maxOccurs, author, date), and malformed xs:restriction
 * facets. What it does not do is what an XSD processor would do beyond ids.xsd's own content: it does not load
 * XMLSchema.xsd, so an `xs:simpleType` inside an `xs:restriction` is refused rather than validated.
 */
import type { XmlElement } from './xmlTree';

export const IDS_NAMESPACE = 'http://standards.buildingsmart.org/IDS';
export const XS_NAMESPACE = 'http://www.w3.org/2001/XMLSchema';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** A lexical rule for an attribute value or text content, with the words for the error message. */
interface LexicalRule {
  test(value: string): boolean;
  expected: string;
}

const anyString: LexicalRule = { test: () => true, expected: 'text' };
const oneOf = (...values: string[]): LexicalRule => ({
  test: (value) => values.includes(value),
  expected: `one of ${values.map((v) => `"${v}"`).join(', ')}`,
});
const pattern = (regex: RegExp, expected: string): LexicalRule => ({ test: (value) => regex.test(value), expected });
/** xs:nonNegativeInteger after whitespace collapse. */
const nonNegativeInteger = pattern(/^\s*\+?\d+\s*$/, 'a non-negative integer');
const allNNI: LexicalRule = { test: (v) => nonNegativeInteger.test(v) || v.trim() === 'unbounded', expected: 'a non-negative integer or "unbounded"' };
const ifcVersionList: LexicalRule = {
  test: (value) => value.trim().split(/\s+/).filter(Boolean).every((token) => ['IFC2X3', 'IFC4', 'IFC4X3_ADD2'].includes(token)),
  expected: 'a list of "IFC2X3", "IFC4", "IFC4X3_ADD2"',
};
/** ids:upperCaseName: xs:normalizedString with pattern [A-Z]+. */
const upperCaseName = pattern(/^[A-Z]+$/, 'an IFC type name in upper case letters (pattern [A-Z]+)');
/** xs:date (XSD Part 2 §3.3.9). */
const xsDate = pattern(/^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)?$/, 'a date like 2025-12-31');
/** The author element's pattern in ids.xsd, anchored as XSD patterns are. */
const email = pattern(/^[^@\n\r]+@[^.\n\r]+\.[^\n\r]+$/, 'an e-mail address (pattern [^@]+@[^\\.]+\\..+)');
const qName = pattern(/^\s*([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*\s*$/, 'a qualified name like xs:string');

interface AttributeRule {
  rule: LexicalRule;
  required?: boolean;
}

interface ElementRule {
  attributes: Record<string, AttributeRule>;
  /** Text-only content (a simple type). */
  text?: LexicalRule;
  /** Element content: a sequence in order, a choice of one, or any mix of the particles (a repeated sequence). */
  content?: { model: 'sequence' | 'choice' | 'any'; particles: Particle[] };
  /** Content checked by a function (xs:restriction). */
  check?: (element: XmlElement, report: Report) => void;
}

interface Particle {
  name: string;
  namespace: string;
  min: number;
  max: number;
  rule: ElementRule;
}

type Report = (element: XmlElement, message: string) => void;

export interface IdsSchemaIssue {
  line: number;
  column: number;
  message: string;
}

const UNBOUNDED = Number.POSITIVE_INFINITY;
const text = (rule: LexicalRule = anyString): ElementRule => ({ attributes: {}, text: rule });
const ids = (name: string, rule: ElementRule, min = 1, max = 1): Particle => ({ name, namespace: IDS_NAMESPACE, min, max, rule });

/** XSD facets that may appear in an xs:restriction, with the type of their `value` (XMLSchema.xsd). */
const RESTRICTION_FACETS: Record<string, LexicalRule> = {
  enumeration: anyString,
  pattern: anyString,
  minInclusive: anyString,
  maxInclusive: anyString,
  minExclusive: anyString,
  maxExclusive: anyString,
  length: nonNegativeInteger,
  minLength: nonNegativeInteger,
  maxLength: nonNegativeInteger,
  totalDigits: pattern(/^\s*\+?0*[1-9]\d*\s*$/, 'a positive integer'),
  fractionDigits: nonNegativeInteger,
  whiteSpace: oneOf('preserve', 'replace', 'collapse'),
};

function checkRestriction(element: XmlElement, report: Report): void {
  element.children.forEach((child, index) => {
    if (child.namespace !== XS_NAMESPACE) return report(child, `<${child.name}> is not allowed in <xs:restriction>`);
    if (child.name === 'annotation' && index === 0) return;
    const valueRule = RESTRICTION_FACETS[child.name];
    if (!valueRule) return report(child, `<xs:${child.name}> is not an XSD facet IDS can use in <xs:restriction>`);
    const allowed = new Set(['value', 'id', ...(child.name === 'enumeration' || child.name === 'pattern' ? [] : ['fixed'])]);
    checkAttributes(child, Object.fromEntries([...allowed].map((name) => [name, { rule: name === 'value' ? valueRule : anyString, required: name === 'value' }])), report);
    for (const grandchild of child.children) {
      if (grandchild.namespace !== XS_NAMESPACE || grandchild.name !== 'annotation') report(grandchild, `<${grandchild.name}> is not allowed in <xs:${child.name}>`);
    }
    if (child.text.trim()) report(child, `<xs:${child.name}> cannot contain text; its value goes in the value attribute`);
  });
  if (element.text.trim()) report(element, '<xs:restriction> cannot contain text');
}

const restriction: ElementRule = { attributes: { base: { rule: qName }, id: { rule: anyString } }, check: checkRestriction };
const idsValue: ElementRule = {
  attributes: {},
  content: {
    model: 'choice',
    particles: [ids('simpleValue', text()), { name: 'restriction', namespace: XS_NAMESPACE, min: 1, max: 1, rule: restriction }],
  },
};

const entityParticles = [ids('name', idsValue), ids('predefinedType', idsValue, 0)];
const entityType = (extra: Record<string, AttributeRule> = {}): ElementRule => ({ attributes: extra, content: { model: 'sequence', particles: entityParticles } });
const partOfType = (extra: Record<string, AttributeRule> = {}): ElementRule => ({
  attributes: { relation: { rule: oneOf('IFCRELAGGREGATES', 'IFCRELASSIGNSTOGROUP', 'IFCRELCONTAINEDINSPATIALSTRUCTURE', 'IFCRELNESTS', 'IFCRELVOIDSELEMENT IFCRELFILLSELEMENT') }, ...extra },
  content: { model: 'sequence', particles: [ids('entity', entityType())] },
});
const classificationType = (extra: Record<string, AttributeRule> = {}): ElementRule => ({
  attributes: extra,
  content: { model: 'sequence', particles: [ids('value', idsValue, 0), ids('system', idsValue)] },
});
const attributeType = (extra: Record<string, AttributeRule> = {}): ElementRule => ({
  attributes: extra,
  content: { model: 'sequence', particles: [ids('name', idsValue), ids('value', idsValue, 0)] },
});
const propertyType = (extra: Record<string, AttributeRule> = {}): ElementRule => ({
  attributes: { dataType: { rule: upperCaseName }, ...extra },
  content: { model: 'sequence', particles: [ids('propertySet', idsValue), ids('baseName', idsValue), ids('value', idsValue, 0)] },
});
const materialType = (extra: Record<string, AttributeRule> = {}): ElementRule => ({
  attributes: extra,
  content: { model: 'sequence', particles: [ids('value', idsValue, 0)] },
});

const instructions = { instructions: { rule: anyString } };
const conditional = { cardinality: { rule: oneOf('required', 'prohibited', 'optional') }, ...instructions };
const uri = { uri: { rule: anyString } };

const applicability: ElementRule = {
  attributes: { minOccurs: { rule: nonNegativeInteger }, maxOccurs: { rule: allNNI } },
  content: {
    model: 'sequence',
    particles: [
      ids('entity', entityType(), 0),
      ids('partOf', partOfType(), 0, UNBOUNDED),
      ids('classification', classificationType(), 0, UNBOUNDED),
      ids('attribute', attributeType(), 0, UNBOUNDED),
      ids('property', propertyType(), 0, UNBOUNDED),
      ids('material', materialType(), 0, UNBOUNDED),
    ],
  },
};

/** requirementsType is `<xs:sequence maxOccurs="unbounded">` of optional elements: any order, any count. */
const requirements: ElementRule = {
  attributes: { description: { rule: anyString } },
  content: {
    model: 'any',
    particles: [
      ids('entity', entityType(instructions), 0, UNBOUNDED),
      ids('partOf', partOfType({ cardinality: { rule: oneOf('required', 'prohibited') }, ...instructions }), 0, UNBOUNDED),
      ids('classification', classificationType({ ...uri, ...conditional }), 0, UNBOUNDED),
      ids('attribute', attributeType(conditional), 0, UNBOUNDED),
      ids('property', propertyType({ ...uri, ...conditional }), 0, UNBOUNDED),
      ids('material', materialType({ ...uri, ...conditional }), 0, UNBOUNDED),
    ],
  },
};

const specification: ElementRule = {
  attributes: {
    name: { rule: anyString, required: true },
    ifcVersion: { rule: ifcVersionList, required: true },
    identifier: { rule: anyString },
    description: { rule: anyString },
    instructions: { rule: anyString },
  },
  content: { model: 'sequence', particles: [ids('applicability', applicability), ids('requirements', requirements, 0)] },
};

const info: ElementRule = {
  attributes: {},
  content: {
    model: 'sequence',
    particles: [
      ids('title', text()),
      ids('copyright', text(), 0),
      ids('version', text(), 0),
      ids('description', text(), 0),
      ids('author', text(email), 0),
      ids('date', text(xsDate), 0),
      ids('purpose', text(), 0),
      ids('milestone', text(), 0),
    ],
  },
};

const idsRoot: ElementRule = {
  attributes: {},
  content: {
    model: 'sequence',
    particles: [ids('info', info), ids('specifications', { attributes: {}, content: { model: 'sequence', particles: [ids('specification', specification, 1, UNBOUNDED)] } })],
  },
};

/** Every way the tree departs from ids.xsd, in document order; empty when the document is valid. */
export function validateIdsSchema(root: XmlElement): IdsSchemaIssue[] {
  const issues: IdsSchemaIssue[] = [];
  const report: Report = (element, message) => issues.push({ line: element.line, column: element.column, message });
  if (root.name !== 'ids' || root.namespace !== IDS_NAMESPACE) {
    report(root, `the root element must be <ids> in the namespace ${IDS_NAMESPACE}, not <${root.name}>${root.namespace ? ` in ${root.namespace}` : ' without a namespace'}`);
    return issues;
  }
  validateElement(root, idsRoot, report);
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

function validateElement(element: XmlElement, rule: ElementRule, report: Report): void {
  checkAttributes(element, rule.attributes, report);
  if (rule.check) return rule.check(element, report);
  if (rule.text) {
    for (const child of element.children) report(child, `<${element.name}> holds text only; <${child.name}> is not allowed in it`);
    if (!rule.text.test(element.text)) report(element, `<${element.name}> must be ${rule.text.expected}, not "${element.text}"`);
    return;
  }
  if (element.text.trim()) report(element, `<${element.name}> cannot contain text ("${element.text.trim().slice(0, 40)}")`);
  const content = rule.content;
  if (!content) return;
  const matches = (child: XmlElement, particle: Particle) => child.name === particle.name && child.namespace === particle.namespace;
  const describe = (particle: Particle) => `<${particle.namespace === XS_NAMESPACE ? 'xs:' : ''}${particle.name}>`;
  if (content.model === 'choice') {
    const [first, ...rest] = element.children;
    const particle = first && content.particles.find((p) => matches(first, p));
    if (!first || !particle) return report(first ?? element, `<${element.name}> must contain one of ${content.particles.map(describe).join(' or ')}`);
    validateElement(first, particle.rule, report);
    for (const extra of rest) report(extra, `<${element.name}> may contain only one of ${content.particles.map(describe).join(' or ')}; <${extra.name}> is extra`);
    return;
  }
  if (content.model === 'any') {
    for (const child of element.children) {
      const particle = content.particles.find((p) => matches(child, p));
      if (particle) validateElement(child, particle.rule, report);
      else report(child, `<${child.name}> is not allowed in <${element.name}>; expected ${content.particles.map(describe).join(', ')}`);
    }
    return;
  }
  let at = 0;
  for (const particle of content.particles) {
    let count = 0;
    while (at < element.children.length && count < particle.max && matches(element.children[at]!, particle)) {
      validateElement(element.children[at]!, particle.rule, report);
      at++;
      count++;
    }
    if (count < particle.min) {
      const found = element.children[at];
      return report(found ?? element, `<${element.name}> needs ${describe(particle)}${found ? ` before <${found.name}>` : ''}`);
    }
  }
  for (const extra of element.children.slice(at)) {
    report(extra, `<${extra.name}> is not allowed here in <${element.name}> (wrong place, repeated, or unknown); the order is ${content.particles.map(describe).join(', ')}`);
  }
}

function checkAttributes(element: XmlElement, rules: Record<string, AttributeRule>, report: Report): void {
  for (const [qualified, attribute] of element.attributes) {
    if (attribute.namespace === XMLNS_NAMESPACE || qualified === 'xmlns' || attribute.namespace === XSI_NAMESPACE) continue;
    const rule = attribute.namespace ? undefined : rules[attribute.local];
    if (!rule) report(element, `<${element.name}> has no attribute "${qualified}"`);
    else if (!rule.rule.test(attribute.value)) report(element, `<${element.name}> attribute ${qualified} must be ${rule.rule.expected}, not "${attribute.value}"`);
  }
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.required && ![...element.attributes.values()].some((a) => !a.namespace && a.local === name)) {
      report(element, `<${element.name}> needs the attribute ${name}`);
    }
  }
}
