/**
 * Reading IDS files: what buildingSMART publishes is accepted; what is not XML, what ids.xsd rejects and what
 * the IDS audit rules reject is refused with a message that names the line. XSD patterns keep XSD's meaning.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileXsdPattern, IdsError, readIds, XsdPatternError } from '../../../src/bim/ids';
import type { IdsReadFailure } from '../../../src/bim/ids';
import { DATA_DIR } from '../demo/demoFiles';
import { idsXml as ids } from './idsFixtures';

const EXAMPLES = join(DATA_DIR, 'ids/examples');

function refusal(xml: string): IdsReadFailure {
  try {
    readIds(xml);
  } catch (error) {
    if (error instanceof IdsError) return error.failure;
    throw error;
  }
  throw new Error('the IDS was accepted');
}

describe('readIds', () => {
  it.each(readdirSync(EXAMPLES).filter((name) => name.endsWith('.ids')))('accepts buildingSMART example %s', (name) => {
    const document = readIds(readFileSync(join(EXAMPLES, name), 'utf8'));
    expect(document.specifications.length).toBeGreaterThan(0);
    for (const specification of document.specifications) expect(specification.applicability.length + specification.requirements.length).toBeGreaterThan(0);
  });

  it('reads facets, values, restrictions and cardinalities', () => {
    const document = readIds(
      ids({
        occurs: 'minOccurs="0" maxOccurs="unbounded"',
        spec: 'name="Walls" identifier="W-1" ifcVersion="IFC2X3 IFC4"',
        requirements:
          '<property dataType="IFCLENGTHMEASURE" cardinality="optional"><propertySet><simpleValue>Pset_WallCommon</simpleValue></propertySet><baseName><simpleValue>Width</simpleValue></baseName>' +
          '<value><xs:restriction base="xs:double"><xs:minInclusive value="0.1"/><xs:maxExclusive value="1"/></xs:restriction></value></property>' +
          '<partOf relation="IFCRELAGGREGATES" cardinality="prohibited"><entity><name><simpleValue>IFCELEMENTASSEMBLY</simpleValue></name></entity></partOf>',
      }),
    );
    const [specification] = document.specifications;
    expect(specification).toMatchObject({ name: 'Walls', identifier: 'W-1', ifcVersions: ['IFC2X3', 'IFC4'], minOccurs: 0, maxOccurs: null });
    expect(specification!.requirements[0]).toMatchObject({
      facet: 'property',
      cardinality: 'optional',
      dataType: 'IFCLENGTHMEASURE',
      value: { kind: 'restriction', base: 'double', minInclusive: '0.1', maxExclusive: '1' },
    });
    expect(specification!.requirements[1]).toMatchObject({ facet: 'partOf', relation: 'IFCRELAGGREGATES', cardinality: 'prohibited', name: { kind: 'simple', value: 'IFCELEMENTASSEMBLY' } });
  });

  it('refuses text that is not XML, naming the line', () => {
    const failure = refusal(ids().replace('</info>', '</inf>'));
    expect(failure).toMatchObject({ code: 'NOT_XML', line: 3 });
    expect(failure.message.en).toMatch(/line 3/);
    expect(failure.message.vi).toMatch(/dòng 3/);
  });

  it('refuses a DOCTYPE, so entities are never expanded (billion laughs)', () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE ids [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<ids>&c;</ids>`;
    const failure = refusal(bomb);
    expect(failure.code).toBe('NOT_XML');
    expect(failure.message.en).toMatch(/DOCTYPE/);
  });

  it.each([
    ['no title', ids({ info: '<version>1</version>' }), 3, /needs <title>/],
    ['facets out of order', ids({ applicability: '<property><propertySet><simpleValue>P</simpleValue></propertySet><baseName><simpleValue>B</simpleValue></baseName></property><entity><name><simpleValue>IFCWALL</simpleValue></name></entity>' }), 6, /<entity> is not allowed here/],
    ['an unknown cardinality', ids({ requirements: '<attribute cardinality="sometimes"><name><simpleValue>Name</simpleValue></name></attribute>' }), 7, /cardinality must be one of "required", "prohibited", "optional", not "sometimes"/],
    ['an optional partOf', ids({ requirements: '<partOf cardinality="optional"><entity><name><simpleValue>IFCSLAB</simpleValue></name></entity></partOf>' }), 7, /cardinality must be one of "required", "prohibited"/],
    ['an unknown IFC version', ids({ spec: 'name="S" ifcVersion="IFC4 IFC5"' }), 5, /ifcVersion must be a list of "IFC2X3", "IFC4", "IFC4X3_ADD2"/],
    ['a lower-case dataType', ids({ requirements: '<property dataType="IfcLabel"><propertySet><simpleValue>P</simpleValue></propertySet><baseName><simpleValue>B</simpleValue></baseName></property>' }), 7, /dataType must be an IFC type name in upper case/],
    ['an unknown element', ids({ requirements: '<colour><name><simpleValue>red</simpleValue></name></colour>' }), 7, /<colour> is not allowed in <requirements>/],
    ['a value and a restriction at once', ids({ applicability: '<entity><name><simpleValue>IFCWALL</simpleValue><xs:restriction base="xs:string"><xs:pattern value="IFC.*"/></xs:restriction></name></entity>' }), 6, /only one of <simpleValue> or <xs:restriction>/],
    ['an unknown attribute', ids({ spec: 'name="S" ifcVersion="IFC4" colour="red"' }), 5, /no attribute "colour"/],
    ['a missing name', ids({ spec: 'ifcVersion="IFC4"' }), 5, /needs the attribute name/],
    ['a negative length', ids({ applicability: '<entity><name><xs:restriction base="xs:string"><xs:length value="-1"/></xs:restriction></name></entity>' }), 6, /value must be a non-negative integer/],
    ['an unknown restriction facet', ids({ applicability: '<entity><name><xs:restriction base="xs:string"><xs:colour value="red"/></xs:restriction></name></entity>' }), 6, /<xs:colour> is not an XSD facet/],
    ['an author without @', ids({ info: '<title>T</title><author>nobody</author>' }), 3, /e-mail address/],
    ['a malformed date', ids({ info: '<title>T</title><date>31/12/2025</date>' }), 3, /a date like 2025-12-31/],
    ['maxOccurs that is not a number', ids({ occurs: 'maxOccurs="many"' }), 6, /maxOccurs must be a non-negative integer or "unbounded"/],
    ['no specification', ids().replace(/<specification [\s\S]*<\/specification>/, ''), 4, /needs <specification>/],
  ])('refuses %s against ids.xsd, naming the line', (_, xml, line, message) => {
    const failure = refusal(xml);
    expect(failure.code).toBe('SCHEMA_INVALID');
    expect(failure.line).toBe(line);
    expect(failure.message.en).toMatch(message);
    expect(failure.message.en).toMatch(new RegExp(`line ${line}`));
    expect(failure.message.vi).toMatch(new RegExp(`dòng ${line}`));
  });

  it('refuses a root that is not IDS', () => {
    expect(refusal('<ids><info><title>T</title></info></ids>').message.en).toMatch(/root element must be <ids> in the namespace http:\/\/standards.buildingsmart.org\/IDS/);
  });

  it.each([
    ['requirements in a prohibited specification', ids({ occurs: 'minOccurs="0" maxOccurs="0"', requirements: '<attribute><name><simpleValue>Name</simpleValue></name></attribute>' }), /prohibited \(maxOccurs="0"\), so it cannot have requirements/],
    ['an invalid XSD pattern', ids({ applicability: '<entity><name><xs:restriction base="xs:string"><xs:pattern value="IFC(WALL"/></xs:restriction></name></entity>' }), /invalid xs:pattern: a group is not closed/],
    ['a bound that is not a number', ids({ requirements: '<attribute><name><simpleValue>Name</simpleValue></name><value><xs:restriction base="xs:double"><xs:minInclusive value="ten"/></xs:restriction></value></attribute>' }), /the bound "ten" is not a number/],
    ['minOccurs above maxOccurs', ids({ occurs: 'minOccurs="3" maxOccurs="2"' }), /minOccurs 3 is greater than maxOccurs 2/],
  ])('refuses %s (IDS audit rules)', (_, xml, message) => {
    const failure = refusal(xml);
    expect(failure.code).toBe('SCHEMA_INVALID');
    expect(failure.message.en).toMatch(message);
  });
});

describe('compileXsdPattern', () => {
  it.each([
    ['[A-Z]{2}[0-9]{2}', 'AB12', true],
    ['[A-Z]{2}[0-9]{2}', 'AB123', false],
    ['^EI', '^EI', true],
    ['^EI', 'EI', false],
    ['a$', 'a$', true],
    ['.+', 'a\nb', false],
    ['\\w+', 'Äpfel', true],
    ['\\w+', 'Foo_Bar', false],
    ['\\d+', '٣٤', true],
    ['[a-z-[aeiou]]+', 'bcd', true],
    ['[a-z-[aeiou]]+', 'bad', false],
    ['[^\\s]+', 'a b', false],
    ['\\p{Lu}\\p{Ll}+', 'Đường', true],
    ['\\i\\c*', 'xs:string', true],
    ['\\i\\c*', '1abc', false],
    ['[\\w-]+', 'EI-60', true],
    ['(-|[0-9]{2,3})\\/(-|[0-9]{2,3})', '120/-', true],
    ['\\p{IsBasicLatin}+', 'abc', true],
    ['\\p{IsBasicLatin}+', 'ăbc', false],
  ])('%s on %j is %s', (pattern, text, expected) => {
    expect(compileXsdPattern(pattern).test(text)).toBe(expected);
  });

  it.each(['(?=a)b', 'a{2,1}', '[z-a]', '\\q', 'a)', '*a', '[abc', '\\p{Klingon}'])('refuses %s', (pattern) => {
    expect(() => compileXsdPattern(pattern)).toThrow(XsdPatternError);
  });
});
