import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CrsError, getCrs, listCrs } from '../../../src/geo/index';

/** shared/data/crs/vn2000_epsg_proj4_…txt: "EPSG:code | name | proj string", one VN-2000 CRS a line. */
function sharedProj4(): { code: string; name: string; parameters: Map<string, string> }[] {
  const name = 'vn2000_epsg_proj4_from_PROJ-9.1.1_EPSG-v10.076.txt';
  return readFileSync(new URL(`../../../../shared/data/crs/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [code = '', name = '', proj = ''] = line.split(' | ');
      const parameters = new Map(proj.split(' ').map((token) => token.slice(1).split('=') as [string, string]));
      return { code, name, parameters };
    });
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('CRS registry', () => {
  it('defines every VN-2000 CRS of the shared PROJ file with its EPSG name and PROJ parameters', () => {
    const shared = sharedProj4();
    expect(shared).toHaveLength(21);
    for (const { code, name, parameters } of shared) {
      const crs = getCrs(code);
      expect(crs.name).toBe(name);
      expect(crs.datum.toWgs84 && Object.values(crs.datum.toWgs84).join(',')).toBe(parameters.get('towgs84'));
      if (crs.kind !== 'projected') {
        expect(parameters.get('proj')).toBe('longlat');
        continue;
      }
      expect(crs.baseCrs).toBe('EPSG:4756');
      const number = (key: string): number => Number(parameters.get(key));
      const utm = parameters.get('proj') === 'utm';
      expect(crs.projection).toEqual({
        centralMeridian: utm ? 6 * number('zone') - 183 : number('lon_0'),
        latitudeOfOrigin: utm ? 0 : number('lat_0'),
        scaleFactor: utm ? 0.9996 : number('k'),
        falseEasting: utm ? 500_000 : number('x_0'),
        falseNorthing: utm ? 0 : number('y_0'),
      });
    }
    expect(listCrs().map((crs) => crs.code)).toEqual(['EPSG:4326', 'EPSG:4978', ...shared.map((crs) => crs.code)]);
  });

  it('reads codes case-insensitively, with spaces around them', () => {
    for (const code of ['EPSG:5897', 'epsg:5897', 'Epsg:5897', ' EPSG : 5897 ']) {
      expect(getCrs(code).name).toBe('VN-2000 / TM-3 zone 482');
    }
  });

  it('records the EPSG axis order, units and geographic base', () => {
    expect(getCrs('EPSG:4326')).toMatchObject({ kind: 'geographic', epsgAxisOrder: ['Lat', 'Lon'], unit: 'degree' });
    expect(getCrs('EPSG:4756')).toMatchObject({ kind: 'geographic', epsgAxisOrder: ['Lat', 'Lon'], unit: 'degree' });
    expect(getCrs('EPSG:4978')).toMatchObject({ kind: 'geocentric', epsgAxisOrder: ['X', 'Y', 'Z'], unit: 'metre' });
    expect(getCrs('EPSG:9210')).toMatchObject({ epsgAxisOrder: ['E', 'N'], unit: 'metre', baseCrs: 'EPSG:4756' });
  });

  it('derives the WGS 84 UTM zones', () => {
    expect(getCrs('EPSG:32648')).toMatchObject({ name: 'WGS 84 / UTM zone 48N', baseCrs: 'EPSG:4326' });
    expect(getCrs('EPSG:32760')).toMatchObject({
      name: 'WGS 84 / UTM zone 60S',
      projection: { centralMeridian: 177, scaleFactor: 0.9996, falseNorthing: 10_000_000 },
    });
    expect(getCrs('EPSG:32601')).toMatchObject({ projection: { centralMeridian: -177 } });
  });

  it('throws a bilingual CrsError naming an unknown or malformed code, never returns a guess', () => {
    for (const code of ['EPSG:9999', 'EPSG:32600', 'EPSG:32661', 'EPSG:6956', 'EPSG:3857']) {
      const error = thrown(() => getCrs(code));
      expect(error).toBeInstanceOf(CrsError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'CrsError', code: 'UNKNOWN_CRS' });
      expect((error as CrsError).userMessage.en).toContain(code);
      expect((error as CrsError).userMessage.vi).toContain(code);
    }
    for (const code of ['5897', 'EPSG5897', 'EPSG:', 'urn:ogc:def:crs:EPSG::5897', '']) {
      expect(thrown(() => getCrs(code))).toMatchObject({ code: 'INVALID_CRS_CODE' });
    }
  });
});
