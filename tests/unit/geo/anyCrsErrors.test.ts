import { beforeAll, describe, expect, it } from 'vitest';
import { CrsError, loadTransform, resolveCrs, setEpsgDefinitionSource } from '../../../src/geo/index';
import type { CrsErrorCode } from '../../../src/geo/index';
import { nodeEpsgDefinitionSource } from '../../../src/geo/epsg/nodeDefinitionSource';

beforeAll(() => setEpsgDefinitionSource(nodeEpsgDefinitionSource));

async function rejection(promise: Promise<unknown>): Promise<CrsError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof CrsError)) throw new Error(`expected a CrsError, got ${String(error)}`);
  return error;
}

async function expectCrsError(definition: string, code: CrsErrorCode, en: RegExp): Promise<CrsError> {
  const error = await rejection(resolveCrs(definition));
  expect(error.code).toBe(code);
  expect(error.userMessage.en).toMatch(en);
  expect(error.userMessage.vi).not.toBe(error.userMessage.en);
  return error;
}

describe('a definition Sao cannot use is refused with a message that says why', () => {
  it('an EPSG code that does not exist', async () => {
    const error = await expectCrsError('EPSG:99999999', 'UNKNOWN_CRS', /EPSG:99999999 is not in the bundled EPSG/);
    expect(error.userMessage.vi).toContain('EPSG:99999999');
  });

  it('garbage WKT: where it breaks', async () => {
    await expectCrsError('PROJCS["Broken", GEOGCS["x", DATUM[', 'UNPARSABLE_WKT', /the text ends inside DATUM\[/);
    await expectCrsError('GEOGCS["WGS 84" DATUM["x"]]', 'UNPARSABLE_WKT', /expected "," or "]" at character 17/);
    await expectCrsError('PROJCS["never closed]', 'UNPARSABLE_WKT', /quoted string is never closed/);
  });

  it('a projection proj4 does not implement, named', async () => {
    await expectCrsError('+proj=labrd +lat_0=-18.9 +ellps=intl', 'UNSUPPORTED_PROJECTION', /"labrd"/);
    await expectCrsError('+proj=nonsense +ellps=GRS80', 'UNSUPPORTED_PROJECTION', /Unsupported projection "nonsense"/);
  });

  it('an EPSG code PROJ cannot write as a string (West Orientated Lambert, Greenland)', async () => {
    await expectCrsError('EPSG:2218', 'UNSUPPORTED_PROJECTION', /EPSG:2218 \(Scoresbysund 1952 \/ Greenland zone 5 east\)/);
  });

  it('a vertical or engineering CRS, which cannot place anything', async () => {
    await expectCrsError('EPSG:5703', 'UNSUPPORTED_CRS_KIND', /EPSG:5703 \(NAVD88 height\) is a vertical CRS/);
    await expectCrsError('EPSG:5800', 'UNSUPPORTED_CRS_KIND', /is a local engineering CRS/);
  });

  it('text that is none of EPSG code, WKT or PROJ string', async () => {
    await expectCrsError('Luxembourg TM', 'INVALID_CRS_DEFINITION', /expected EPSG:code, WKT or a PROJ string/);
    await expectCrsError('+ellps=GRS80', 'INVALID_CRS_DEFINITION', /has no \+proj=/);
  });

  it('loadTransform refuses the same way, for either side', async () => {
    expect((await rejection(loadTransform('EPSG:4326', 'EPSG:99999999'))).code).toBe('UNKNOWN_CRS');
    expect((await rejection(loadTransform('+proj=labrd +ellps=intl', 'EPSG:4326'))).code).toBe('UNSUPPORTED_PROJECTION');
  });

  it('points a projection cannot reach become NaN, as with createTransform', async () => {
    const polar = await loadTransform('EPSG:4326', 'EPSG:3031');
    expect(polar(0, 95, 0).every(Number.isNaN)).toBe(true);
  });
});
