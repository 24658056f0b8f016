/** Helpers for the IDS tests: a one-specification IDS written inline, and a check of IFC bytes with web-ifc. */
import type { IfcAPI } from 'web-ifc';
import { checkIds, openIfcModel, readIds } from '../../../src/bim/ids';
import type { IdsReport } from '../../../src/bim/ids';

export interface IdsParts {
  applicability?: string;
  requirements?: string;
  spec?: string;
  occurs?: string;
  info?: string;
}

/** A valid one-specification IDS; `requirements` and `applicability` are spliced in as written. */
export function idsXml({
  applicability = '<entity><name><simpleValue>IFCWALL</simpleValue></name></entity>',
  requirements = '',
  spec = 'name="S" ifcVersion="IFC4"',
  occurs = 'maxOccurs="unbounded"',
  info = '<title>T</title>',
}: IdsParts = {}): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<ids xmlns="http://standards.buildingsmart.org/IDS" xmlns:xs="http://www.w3.org/2001/XMLSchema">',
    `  <info>${info}</info>`,
    '  <specifications>',
    `    <specification ${spec}>`,
    `      <applicability ${occurs}>${applicability}</applicability>`,
    requirements ? `      <requirements>${requirements}</requirements>` : '',
    '    </specification>',
    '  </specifications>',
    '</ids>',
  ].join('\n');
}

export function checkBytes(api: IfcAPI, bytes: Uint8Array, xml: string): IdsReport {
  const modelId = openIfcModel(api, bytes);
  try {
    return checkIds(api, modelId, readIds(xml));
  } finally {
    api.CloseModel(modelId);
  }
}
