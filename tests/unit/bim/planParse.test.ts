/**
 * Zoning plans as files: the sample plan, the JSON Schema and the parser agree; the sample covers the demo
 * submission's parcel and says it is a sample; a bad field is named with its parcel, in both languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { PlanError, parsePlan, parsePlanText } from '../../../src/bim/plan';
import { readAssetJson, REPO_ROOT } from '../demo/demoFiles';

// Spoilers write deep into the parsed sample.
type Json = Record<string, any>;
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'src/bim/plan/plan.schema.json'), 'utf8')) as object;
const sampleText = readFileSync(join(REPO_ROOT, 'assets/demo/plan/sample-plan.geojson'), 'utf8');
const sample = (): Json => JSON.parse(sampleText) as Json;
const validate = new Ajv2020({ strict: false }).compile(schema);
const submission = readAssetJson<{ parcel: { osmId: string; wgs84: [number, number][] } }>('bim/submission.json');

function errorOf(json: unknown): PlanError {
  try {
    parsePlan(json);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return error as PlanError;
  }
  throw new Error('parsed without error');
}

describe('zoning plans', () => {
  it('the sample plan is valid against the schema and the parser, and says it is a sample everywhere', () => {
    expect(validate(sample()), JSON.stringify(validate.errors)).toBe(true);
    const plan = parsePlanText(sampleText);
    expect(plan.sample).toBe(true);
    expect(plan.name.vi).toMatch(/MẪU/);
    expect(plan.name.en).toMatch(/SAMPLE/);
    expect(plan.notice?.en).toMatch(/not taken from any approved plan/);
    expect(plan.gridCrs).toBe('EPSG:5897');
    expect(plan.crs).toBe('EPSG:4326');
    expect(plan.parcels.length).toBeGreaterThanOrEqual(4);
    expect(plan.parcels.every((p) => p.source.includes('SAMPLE') && p.source.includes('OpenStreetMap'))).toBe(true);
    // One parcel sets no limit at all (every check but containment is then not applicable).
    expect(plan.parcels.some((p) => Object.values(p.limits).every((limit) => limit === null))).toBe(true);
  });

  it('covers the demo submission: one parcel is the OSM way its submission.json names, vertex for vertex', () => {
    const plan = parsePlanText(sampleText);
    const wayId = submission.parcel.osmId.replace('way/', '');
    const parcel = plan.parcels.find((p) => p.source.includes(`way ${wayId} `))!;
    expect(parcel).toBeDefined();
    const key = ([lon, lat]: readonly number[]) => `${lon!.toFixed(7)},${lat!.toFixed(7)}`;
    expect(new Set(parcel.rings[0]!.map(key))).toEqual(new Set(submission.parcel.wgs84.map(key)));
    expect(Object.values(parcel.limits).every((limit) => typeof limit === 'number')).toBe(true);
  });

  it.each([
    ['features[0].properties.maxHeightM', 'XT-ODT-01', (s: Json) => (s.features[0].properties.maxHeightM = '25')],
    ['features[0].properties.maxHeightM', 'XT-ODT-01', (s: Json) => (s.features[0].properties.maxHeightM = -3)],
    ['features[2].properties.maxStoreys', 'XT-DGD-01', (s: Json) => (s.features[2].properties.maxStoreys = 2.5)],
    ['features[3].properties.maxSiteCoverage', 'XT-TMD-01', (s: Json) => (s.features[3].properties.maxSiteCoverage = 60)],
    ['features[0].properties.minSetbackM', 'XT-ODT-01', (s: Json) => (s.features[0].properties.minSetbackM = -1)],
    ['features[4].properties.maxFloorAreaRatio', 'XT-DTT-01', (s: Json) => (s.features[4].properties.maxFloorAreaRatio = 0)],
    ['features[1].properties.maxHeight', 'XT-CQP-01', (s: Json) => (s.features[1].properties.maxHeight = 20)],
    ['features[0].properties.landUse', 'XT-ODT-01', (s: Json) => delete s.features[0].properties.landUse],
    ['features[4].properties.name', 'XT-DTT-01', (s: Json) => (s.features[4].properties.name = ' ')],
    ['features[2].geometry.type', 'XT-DGD-01', (s: Json) => (s.features[2].geometry.type = 'MultiPolygon')],
    ['features[3].geometry.coordinates[0]', 'XT-TMD-01', (s: Json) => s.features[3].geometry.coordinates[0].pop()],
    ['features[3].geometry.coordinates[0]', 'XT-TMD-01', (s: Json) => (s.features[3].geometry.coordinates[0] = s.features[3].geometry.coordinates[0].slice(0, 3))],
    ['features[0].geometry.coordinates[0][2]', 'XT-ODT-01', (s: Json) => (s.features[0].geometry.coordinates[0][2] = [581514.9, 2327465.8])],
    ['features[1].properties.id', '#2', (s: Json) => delete s.features[1].properties.id],
    ['features[1].type', 'XT-CQP-01', (s: Json) => (s.features[1].type = 'feature')],
    ['features', null, (s: Json) => (s.features = [])],
    ['type', null, (s: Json) => (s.type = 'Feature')],
    ['crs.properties.name', null, (s: Json) => (s.crs = { type: 'name', properties: { name: 'VN-2000 Hà Nội' } })],
  ])('rejects a bad %s, naming it and the parcel (%s), and so does the schema', (field, feature, spoil) => {
    const plan = sample();
    spoil(plan);
    const error = errorOf(plan);
    expect(error.field).toBe(field);
    expect(error.feature).toBe(feature);
    expect(error.userMessage.en).toContain(field);
    expect(error.userMessage.vi).toContain(field);
    if (feature !== null) expect(error.userMessage.vi).toContain(`thửa ${feature}`);
    // The schema cannot see whether a ring is closed or a position in range.
    if (!/coordinates\[0\]/.test(field)) expect(validate(plan)).toBe(false);
  });

  it('rejects a parcel id used twice, naming the second', () => {
    const plan = sample();
    plan.features[3].properties.id = 'XT-ODT-01';
    const error = errorOf(plan);
    expect([error.field, error.feature]).toEqual(['features[3].properties.id', 'XT-ODT-01']);
    expect(error.userMessage.en).toMatch(/used twice/);
  });

  it('reads a plan in grid coordinates when it declares its CRS the way GIS tools export it', () => {
    const plan = parsePlan({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::5897' } },
      features: [{ type: 'Feature', properties: { id: 'A', name: 'Thửa A', landUse: 'ODT', source: 'test', maxHeightM: null }, geometry: { type: 'Polygon', coordinates: [[[581500, 2327200], [581600, 2327200], [581600, 2327300], [581500, 2327200]]] } }],
    });
    expect(plan.crs).toBe('EPSG:5897');
    expect(plan.gridCrs).toBeNull();
    expect(plan.sample).toBe(false);
    expect(plan.parcels[0]!.limits).toEqual({ maxHeightM: null, maxStoreys: null, minSetbackM: null, maxSiteCoverage: null, maxFloorAreaRatio: null });
  });

  it('names the line of a JSON syntax error', () => {
    try {
      parsePlanText('{\n  "type": "FeatureCollection"\n  "features": []\n}');
      throw new Error('parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).userMessage.en).toMatch(/not valid JSON .*line 3/);
      expect((error as PlanError).userMessage.vi).toMatch(/không phải JSON hợp lệ/);
    }
  });
});
