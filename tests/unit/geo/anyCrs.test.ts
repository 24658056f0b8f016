import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTransform, loadTransform, resolveCrs, setEpsgDefinitionSource } from '../../../src/geo/index';
import { nodeEpsgDefinitionSource, readEpsgDefinitionSet } from '../../../src/geo/epsg/nodeDefinitionSource';
import { byPair, definitionOf, readAnyCrsCases } from './anyCrsFixtures';
import type { AnyCrsCase } from './anyCrsFixtures';
import { separation } from './cs2csFixtures';

/**
 * Issue 3 places IFC models within 5 cm of `cs2cs` on the CRS's PROJ string; the same algorithms agree far
 * closer, so every fixture point is held to 5 mm, horizontally and in height.
 */
const TOLERANCE_M = 0.005;

beforeAll(() => setEpsgDefinitionSource(nodeEpsgDefinitionSource));

async function worstError(cases: readonly AnyCrsCase[]): Promise<{ horizontal: number; vertical: number }> {
  const { from, to } = cases[0]!;
  const transform = await loadTransform(definitionOf(from), definitionOf(to));
  const target = await resolveCrs(definitionOf(to));
  const unit = target.kind === 'geographic' ? 'degree' : 'metre';
  let horizontal = 0;
  let vertical = 0;
  for (const { input, expected } of cases) {
    const error = separation(unit, transform(...input), expected);
    // x, y are in the CRS's unit (US survey feet for EPSG:2263); heights are always metres.
    horizontal = Math.max(horizontal, error.horizontal * (target.linearUnitMetres ?? 1));
    vertical = Math.max(vertical, error.vertical);
  }
  return { horizontal, vertical };
}

describe("agreement with cs2cs --3d on projinfo's PROJ strings (PROJ 9.1.1)", () => {
  const cases = readAnyCrsCases();
  const pairs = byPair(cases);

  it('covers the IFC samples, the epsg-index traps, VN-2000, WKT 1 and 2 and a PROJ string', () => {
    const labels = new Set(cases.map((item) => item.label));
    for (const sample of ['duplex-epset-mapconversion', 'bsi-geographic-referencing-gk', 'bsi-geographic-referencing-utm']) {
      expect(labels).toContain(sample);
    }
    const definitions = new Set(cases.flatMap((item) => [item.from, item.to]));
    const expected = ['9897', '2169', '25832', '31467', '3065', '4258', '2154', '3857', '3031', '27700', '5897', '3405'];
    for (const code of expected) expect(definitions).toContain(`EPSG:${code}`);
    for (const file of ['wkt1-2169.wkt', 'wkt2-9897.wkt', 'wkt2-bound-2169.wkt', 'proj-vn2000-hanoi.txt']) {
      expect(definitions).toContain(`file:${file}`);
    }
  });

  it.each(pairs)('%s within 5 mm', async (_pair, group) => {
    const error = await worstError(group);
    expect(error.horizontal).toBeLessThan(TOLERANCE_M);
    expect(error.vertical).toBeLessThan(TOLERANCE_M);
  });
});

describe('the traps in epsg-index', () => {
  const epsgIndex = createRequire(import.meta.url)('epsg-index/all.json') as Record<string, { proj4: string }>;
  const duplex = readAnyCrsCases().find((item) => item.label === 'duplex-epset-mapconversion')!;

  it("EPSG:9897 takes PROJ's +towgs84, without which the Duplex lands about 100 m off", async () => {
    const luref = await resolveCrs('EPSG:9897');
    expect(luref.proj).toContain('+towgs84=-189.6806,18.3463,-42.7695,-0.33746,-3.09264,2.53861,0.4598');
    const raw = proj4(epsgIndex['9897']!.proj4, proj4.WGS84).forward(duplex.input, true);
    expect(separation('degree', raw, duplex.expected).horizontal).toBeGreaterThan(50);
  });

  it("EPSG:31467 takes PROJ's Helmert for the BETA2007 grid it cannot bundle, and says so", async () => {
    expect(epsgIndex['31467']!.proj4).toContain('+nadgrids=BETA2007.gsb');
    const gaussKruger = await resolveCrs('EPSG:31467');
    expect(gaussKruger.proj).toContain('+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7');
    expect(gaussKruger.proj).not.toContain('nadgrids');
    expect(gaussKruger.accuracy?.en).toContain('BETA2007.gsb');
    expect(gaussKruger.accuracy?.vi).toContain('BETA2007.gsb');
  });

  it("VN-2000 keeps Sao's checked engine; the bundled EPSG:5897 has PROJ's rotation signs, not epsg-index's", async () => {
    expect(epsgIndex['5897']!.proj4).toContain('-0.00928836,0.01975479,-0.00427372');
    expect(readEpsgDefinitionSet().definitions['5897']?.proj).toContain('0.00928836,-0.01975479,0.00427372');
    const zone482 = await resolveCrs('EPSG:5897');
    expect(zone482).toMatchObject({ source: 'sao', proj: null, name: 'VN-2000 / TM-3 zone 482' });
    const anyCrs = await loadTransform('EPSG:5897', 'EPSG:4326');
    expect(anyCrs(585_000, 2_326_000, 10)).toEqual(createTransform('EPSG:5897', 'EPSG:4326')(585_000, 2_326_000, 10));
  });
});

describe('what a resolved CRS tells the user', () => {
  it('the Duplex CRS: a compound of LUREF / Luxembourg TM and NG95 heights, whose heights are not ellipsoidal', async () => {
    const luref = await resolveCrs('epsg:9897');
    expect(luref).toMatchObject({
      code: 'EPSG:9897',
      name: 'LUREF / Luxembourg TM + NG95 height',
      kind: 'projected',
      linearUnitMetres: 1,
      verticalDatum: 'Nivellement General du Luxembourg 1995',
      source: 'epsg-corrected',
    });
    expect(luref.accuracy?.en).toMatch(/Heights on Nivellement General du Luxembourg 1995 are used as ellipsoidal/);
  });

  it('kinds and units: geographic ETRS89, geocentric ETRS89, US survey feet, heights in feet, Web Mercator', async () => {
    expect(await resolveCrs('EPSG:4258')).toMatchObject({ kind: 'geographic', linearUnitMetres: null, verticalDatum: null });
    expect(await resolveCrs('EPSG:4936')).toMatchObject({ kind: 'geocentric', linearUnitMetres: 1 });
    expect((await resolveCrs('EPSG:2263')).linearUnitMetres).toBeCloseTo(1200 / 3937, 12);
    expect(await resolveCrs('EPSG:8700')).toMatchObject({ linearUnitMetres: 0.3048, verticalUnitMetres: 0.3048 });
    const webMercator = await resolveCrs('EPSG:3857');
    expect(webMercator).toMatchObject({ source: 'epsg', name: 'WGS 84 / Pseudo-Mercator' });
    expect(webMercator.accuracy).toBeUndefined();
  });

  it('a datum PROJ knows no single shift for is flagged: the British grid is taken as WGS 84', async () => {
    const britishGrid = await resolveCrs('EPSG:27700');
    expect(britishGrid.proj).not.toContain('towgs84');
    expect(britishGrid.accuracy?.en).toMatch(/OSTN15_NTv2_OSGBtoETRS\.gsb is not bundled.*taken as WGS 84/);
  });

  it('OGC URN and URL forms name the same code', async () => {
    for (const name of ['urn:ogc:def:crs:EPSG::25832', 'http://www.opengis.net/def/crs/EPSG/0/25832']) {
      expect(await resolveCrs(name)).toMatchObject({ code: 'EPSG:25832', name: 'ETRS89 / UTM zone 32N' });
    }
  });

  it('a WKT is named by its identifier and borrows the datum shift of its EPSG code when it has none', async () => {
    const wkt2 = await resolveCrs(readFileSync(new URL('../../fixtures/epsg/wkt2-9897.wkt', import.meta.url), 'utf8'));
    expect(wkt2).toMatchObject({ code: 'EPSG:9897', source: 'wkt', kind: 'projected', proj: null });
    expect(wkt2.verticalDatum).toBe('Nivellement General du Luxembourg 1995');
    expect(wkt2.accuracy?.en).toContain('The WKT has no datum shift; the one of EPSG:');
    const bound = await resolveCrs(readFileSync(new URL('../../fixtures/epsg/wkt2-bound-2169.wkt', import.meta.url), 'utf8'));
    expect(bound.accuracy).toBeUndefined();
  });

  it('a PROJ string names itself and has no code', async () => {
    const proj = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
    expect(await resolveCrs(proj)).toMatchObject({ code: null, name: proj, source: 'proj-string', kind: 'projected' });
  });

  it('a WKT of a CRS Sao checks itself runs on Sao’s engine', async () => {
    const wkt = 'PROJCS["VN-2000 / TM-3 zone 482",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","5897"]]';
    expect(await resolveCrs(wkt)).toMatchObject({ code: 'EPSG:5897', source: 'sao' });
  });
});
