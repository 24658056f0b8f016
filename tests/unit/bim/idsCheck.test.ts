/**
 * What the checker reports on real and small hand-written models beyond the buildingSMART suite: unit
 * conversion to SI, specification cardinality, the model's schema against ifcVersion (IFC2X3, IFC4, IFC4X3),
 * the failing elements a planner sees, and the same check run by the IFC worker on the model it holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IfcAPI } from 'web-ifc';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import type { IfcWorkerResponse } from '../../../workers/ifc/protocol';
import { spawnNodeIfcWorker } from '../../../workers/ifc/nodeSpawn';
import { DATA_DIR, REPO_ROOT } from '../demo/demoFiles';
import { checkBytes, idsXml } from './idsFixtures';

const UNITS = new Uint8Array(readFileSync(join(REPO_ROOT, 'tests/fixtures/ids/units-imperial.ifc')));
const property = (name: string, value: string, dataType: string) =>
  `<property dataType="${dataType}"><propertySet><simpleValue>Sao_Units</simpleValue></propertySet><baseName><simpleValue>${name}</simpleValue></baseName><value><simpleValue>${value}</simpleValue></value></property>`;
const onlyFirstWall = '<entity><name><simpleValue>IFCWALL</simpleValue></name></entity><attribute><name><simpleValue>Name</simpleValue></name><value><simpleValue>Wall</simpleValue></value></attribute>';

let api: IfcAPI;
beforeAll(async () => {
  api = await createNodeIfcApi();
});

describe('checkIds', () => {
  it.each([
    ['10 ft', 'Width', '3.048', 'IFCLENGTHMEASURE', true],
    ['10 ft is not 10 m', 'Width', '10', 'IFCLENGTHMEASURE', false],
    ['100 ft²', 'Area', '9.290304', 'IFCAREAMEASURE', true],
    ['20 °C', 'Temperature', '293.15', 'IFCTHERMODYNAMICTEMPERATUREMEASURE', true],
    ['2.5 in the unit the property names (metre)', 'Height', '2.5', 'IFCLENGTHMEASURE', true],
  ])('compares measures in SI units: %s', (_, name, value, dataType, passes) => {
    const report = checkBytes(api, UNITS, idsXml({ applicability: onlyFirstWall, requirements: property(name, value, dataType) }));
    expect(report.specifications[0]!.status).toBe(passes ? 'pass' : 'fail');
  });

  it('lists each failing element with GlobalId, class, name and a reason in both languages', () => {
    const report = checkBytes(api, UNITS, idsXml({ requirements: property('Width', '3.048', 'IFCLENGTHMEASURE') }));
    const [specification] = report.specifications;
    expect(specification).toMatchObject({ status: 'fail', applicableCount: 2, passedCount: 1, failedCount: 1 });
    expect(specification!.requirements[0]!.failures).toEqual([
      {
        expressId: 18,
        globalId: '3Agm079vPIYBL4JExVrhD5',
        ifcClass: 'IFCWALL',
        name: 'Second wall',
        reason: { vi: 'Không có bộ thuộc tính "Sao_Units"', en: 'No property set "Sao_Units"' },
      },
    ]);
  });

  it('bounds how many elements may be applicable (minOccurs / maxOccurs)', () => {
    const counts = (occurs: string) => checkBytes(api, UNITS, idsXml({ occurs })).specifications[0]!;
    expect(counts('minOccurs="1" maxOccurs="unbounded"').status).toBe('pass');
    expect(counts('minOccurs="3" maxOccurs="unbounded"')).toMatchObject({ status: 'fail', messages: [{ en: 'At least 3 applicable element(s) required, the model has 2' }] });
    expect(counts('minOccurs="1" maxOccurs="1"')).toMatchObject({ status: 'fail', messages: [{ en: 'At most 1 applicable element(s) allowed, the model has 2' }] });
    const prohibited = counts('minOccurs="0" maxOccurs="0"');
    expect(prohibited).toMatchObject({ status: 'fail', usage: 'prohibited', failedCount: 2 });
    expect(prohibited.prohibitedElements.map((element) => element.name)).toEqual(['Wall', 'Second wall']);
    const none = checkBytes(api, UNITS, idsXml({ occurs: 'minOccurs="0" maxOccurs="0"', applicability: '<entity><name><simpleValue>IFCDOOR</simpleValue></name></entity>' }));
    expect(none.specifications[0]!.status).toBe('pass');
  });

  it('reports a model of another schema as a mismatch, never as a pass', () => {
    const report = checkBytes(api, UNITS, idsXml({ spec: 'name="For IFC2X3" ifcVersion="IFC2X3"' }));
    expect(report.modelSchema).toBe('IFC4');
    expect(report.passed).toBe(false);
    expect(report.specifications[0]).toMatchObject({ status: 'ifcVersionMismatch', ifcVersionMatches: false, requirementsPassed: true });
    expect(report.specifications[0]!.messages.at(-1)!.en).toBe('The model is IFC4; the specification applies to IFC2X3 only');
  });

  it.each([
    ['ifc/georef/Duplex_A_20110907_georeferenced.ifc', 'IFC2X3', 'IFCWALLSTANDARDCASE'],
    ['ifc/web-ifc/AC20-FZK-Haus.ifc', 'IFC4', 'IFCWALLSTANDARDCASE'],
    ['ifc/web-ifc/KIT-Simple-Road-Test-Web-IFC4x3_RC2.ifc', 'IFC4X3_ADD2', 'IFCROAD'],
  ])('checks %s as %s', (file, schema, className) => {
    const bytes = new Uint8Array(readFileSync(join(DATA_DIR, file)));
    const report = checkBytes(
      api,
      bytes,
      idsXml({ spec: `name="S" ifcVersion="${schema}"`, applicability: `<entity><name><simpleValue>${className}</simpleValue></name></entity>`, requirements: '<attribute><name><simpleValue>GlobalId</simpleValue></name></attribute>' }),
    );
    expect(report.modelSchema).toBe(schema);
    expect(report.specifications[0]!.applicableCount).toBeGreaterThan(0);
    expect(report.specifications[0]!.status).toBe('pass');
  });
});

describe('the IFC worker', () => {
  it('checks the model it holds (checkIds → idsReport), and refuses an invalid IDS or a check before a model', async () => {
    const port = spawnNodeIfcWorker();
    const responses: IfcWorkerResponse[] = [];
    const waiters: (() => void)[] = [];
    port.onMessage((response) => {
      responses.push(response);
      waiters.splice(0).forEach((wake) => wake());
    });
    const next = async (type: IfcWorkerResponse['type']) => {
      for (;;) {
        const found = responses.find((response) => response.type === type);
        if (found) {
          responses.splice(responses.indexOf(found), 1);
          return found;
        }
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    try {
      const handover = readFileSync(join(REPO_ROOT, 'assets/demo/bim/handover.ids'), 'utf8');
      port.post({ type: 'checkIds', id: 'm', payload: { checkId: 'early', idsXml: handover } });
      expect(await next('idsReport')).toMatchObject({ payload: { checkId: 'early', outcome: { status: 'refused', failure: { code: 'NO_MODEL' } } } });

      const bytes = readFileSync(join(REPO_ROOT, 'assets/demo/bim/AC20-FZK-Haus.vn2000.ifc'));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      port.post({ type: 'open', id: 'm', payload: { fileName: 'AC20-FZK-Haus.vn2000.ifc', bytes: buffer } }, [buffer]);
      await next('done');

      port.post({ type: 'checkIds', id: 'm', payload: { checkId: 'c1', idsXml: handover } });
      const answer = await next('idsReport');
      if (answer.type !== 'idsReport' || answer.payload.outcome.status !== 'checked') throw new Error(`no report: ${JSON.stringify(answer)}`);
      expect(answer.payload.checkId).toBe('c1');
      expect(answer.payload.outcome.report.specifications.find((s) => s.name.includes('IfcMapConversion'))!.status).toBe('pass');

      port.post({ type: 'checkIds', id: 'm', payload: { checkId: 'c2', idsXml: '<ids>' } });
      expect(await next('idsReport')).toMatchObject({ payload: { checkId: 'c2', outcome: { status: 'refused', failure: { code: 'NOT_XML' } } } });
    } finally {
      port.terminate();
    }
  }, 60_000);
});
