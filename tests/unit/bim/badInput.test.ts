/**
 * Files that cannot load fail at once with a message that says why (issue 3 §7): each case gets its code and a
 * message in both languages naming what is wrong.
 */
import type { IfcAPI } from 'web-ifc';
import { beforeAll, describe, expect, it } from 'vitest';
import { IfcLoadError, MAX_IFC_BYTES, checkFileSize, closeIfcModel, readIfcModel } from '../../../src/bim/ifc';
import type { IfcReadOptions } from '../../../src/bim/ifc';
import { createNodeIfcApi } from '../../../src/bim/ifc/node';
import type { IfcLoadErrorCode } from '../../../src/bim/types';
import { sampleBytes } from './ifcSamples';

const UTM = 'ifc/georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/geographic-referencing-utm/geographic-referencing-utm.ifc';
const latin1 = new TextDecoder('latin1');
const bytesOf = (text: string) => new TextEncoder().encode(text);

let api: IfcAPI;
beforeAll(async () => {
  api = await createNodeIfcApi();
});

function failure(bytes: Uint8Array, options: IfcReadOptions = {}): IfcLoadError {
  try {
    const { modelId } = readIfcModel(api, bytes, 'test.ifc', { progress() {}, header() {}, chunk() {} }, options);
    closeIfcModel(api, modelId);
  } catch (error) {
    expect(error).toBeInstanceOf(IfcLoadError);
    return error as IfcLoadError;
  }
  throw new Error('the file loaded');
}

function expectFailure(error: IfcLoadError, code: IfcLoadErrorCode, en: RegExp): void {
  expect(error.code).toBe(code);
  expect(error.userMessage.en).toMatch(en);
  expect(error.userMessage.vi.length).toBeGreaterThan(20);
  expect(error.toFailure()).toEqual({ code, message: error.userMessage });
}

describe('bad input', () => {
  it('a 0-byte file is EMPTY_FILE', () => {
    expectFailure(failure(new Uint8Array(0)), 'EMPTY_FILE', /empty \(0 bytes\)/);
  });

  it.each([
    ['a ZIP archive (.ifczip)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /ZIP archive/],
    ['a PDF', bytesOf('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF document/],
    ['a binary glTF', bytesOf('glTF\u0002\u0000\u0000\u0000'), /binary glTF/],
    ['a glTF JSON', bytesOf('{"asset":{"version":"2.0"},"scenes":[]}'), /glTF model \(JSON\)/],
    ['ifcXML', bytesOf('<?xml version="1.0"?>\n<ifcXML xmlns="http://www.buildingsmart-tech.org/ifcXML/IFC4/final">'), /ifcXML/],
    ['plain text', bytesOf('Wall, Slab, Door\n1, 2, 3\n'), /text file starting with “Wall, Slab, Door”/],
  ])('%s is NOT_IFC and says what it looks like', (_name, bytes, looksLike) => {
    expectFailure(failure(bytes), 'NOT_IFC', looksLike);
  });

  it.each([
    ['IFC2X2_FINAL', /schema IFC2X2_FINAL.*Supported schemas: IFC2X3, IFC4 .*IFC4X3/],
    ['AUTOMOTIVE_DESIGN', /schema AUTOMOTIVE_DESIGN/],
  ])('FILE_SCHEMA %s is UNSUPPORTED_SCHEMA, naming it and the supported ones', (schema, message) => {
    const text = latin1.decode(sampleBytes(UTM)).replace("FILE_SCHEMA (('IFC4X3_ADD2'))", `FILE_SCHEMA (('${schema}'))`);
    expectFailure(failure(bytesOf(text)), 'UNSUPPORTED_SCHEMA', message);
  });

  it('a file cut in the DATA section is TRUNCATED, naming the entity it stops in and its line', () => {
    const bytes = sampleBytes('ifc/web-ifc/AC20-FZK-Haus.ifc');
    const cut = Math.floor(bytes.length * 0.6);
    const text = latin1.decode(bytes.subarray(0, cut));
    // The record the cut falls in, found independently: the last one that starts before the cut.
    const starts = [...text.matchAll(/^#(\d+)\s*=/gm)];
    const last = starts.at(-1)!;
    const line = text.slice(0, last.index).split('\n').length;
    expectFailure(failure(bytes.subarray(0, cut)), 'TRUNCATED', new RegExp(`entity #${last[1]} \\(line ${line}\\)`));
  });

  it('a file that stops after the DATA section without END-ISO-10303-21 is TRUNCATED too', () => {
    const text = latin1.decode(sampleBytes(UTM));
    expectFailure(failure(bytesOf(text.slice(0, text.indexOf('END-ISO-10303-21')))), 'TRUNCATED', /without END-ISO-10303-21/);
  });

  it('a file cut inside its HEADER is TRUNCATED', () => {
    expectFailure(failure(sampleBytes(UTM).subarray(0, 120)), 'TRUNCATED', /HEADER/);
  });

  it('above the size limit is TOO_LARGE, before anything is parsed; the default limit is 512 MiB', () => {
    expectFailure(failure(sampleBytes(UTM), { maxBytes: 1000 }), 'TOO_LARGE', /32-bit WebAssembly/);
    expect(MAX_IFC_BYTES).toBe(512 * 1024 * 1024);
    expect(() => checkFileSize(MAX_IFC_BYTES)).not.toThrow();
    expect(() => checkFileSize(MAX_IFC_BYTES + 1)).toThrow(/above the 512 MiB limit/);
  });

  it('a schema name web-ifc does not know (IFC4_ADD2_TC1) loads as its family, like the same file saying IFC4', () => {
    const original = sampleBytes('ifc/web-ifc/IfcOpenHouse_IFC4.ifc');
    const renamed = bytesOf(latin1.decode(original).replace("FILE_SCHEMA(('IFC4'))", "FILE_SCHEMA(('IFC4_ADD2_TC1'))"));
    const load = (bytes: Uint8Array) => {
      let schemaIdentifier = '';
      const { modelId, stats } = readIfcModel(api, bytes, 'house.ifc', { progress() {}, header: (header) => (schemaIdentifier = header.schemaIdentifier), chunk() {} });
      closeIfcModel(api, modelId);
      return { schemaIdentifier, elements: stats.elements, triangles: stats.triangles };
    };
    const reference = load(original);
    expect(reference.triangles).toBeGreaterThan(0);
    expect(load(renamed)).toEqual({ ...reference, schemaIdentifier: 'IFC4_ADD2_TC1' });
  });
});
