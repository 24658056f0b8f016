import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Plugin } from 'vite';
import type { EpsgDefinitionSet } from '../../../src/geo/index';
import { epsgDefinitions } from '../../../scripts/vite/epsgDefinitions';

const LUREF: EpsgDefinitionSet = {
  provenance: 'a test set',
  definitions: {
    '2169': {
      name: 'LUREF / Luxembourg TM',
      kind: 'projected',
      proj: '+proj=tmerc +lat_0=49.8333333333333 +lon_0=6.16666666666667 +k=1 +x_0=80000 +y_0=100000 +ellps=intl +towgs84=-189.6806,18.3463,-42.7695,-0.33746,-3.09264,2.53861,0.4598 +units=m +no_defs +type=crs',
    },
  },
};

/** A fresh copy of the geodesy module: the set and its source are module state. */
async function freshGeo(): Promise<typeof import('../../../src/geo/index')> {
  vi.resetModules();
  return import('../../../src/geo/index');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the bundled EPSG set is loaded only when needed, once', () => {
  it("Sao's checked CRSs never load it; the first other code loads it once for all", async () => {
    const geo = await freshGeo();
    const source = vi.fn(() => Promise.resolve(LUREF));
    geo.setEpsgDefinitionSource(source);
    for (const code of ['EPSG:4326', 'EPSG:4978', 'EPSG:4756', 'EPSG:5897', 'EPSG:9210', 'EPSG:32648']) {
      expect((await geo.resolveCrs(code)).source).toBe('sao');
    }
    const toHanoi = await geo.loadTransform('EPSG:4326', 'EPSG:5897');
    expect(toHanoi(105.85, 21.03)[0]).toBeCloseTo(588_000, -4);
    expect(source).not.toHaveBeenCalled();

    expect((await geo.resolveCrs('EPSG:2169')).source).toBe('epsg');
    await geo.loadTransform('EPSG:2169', 'EPSG:4326');
    expect(source).toHaveBeenCalledTimes(1);
  });

  it('a page or worker fetches it from its origin and base path, or from the base URL it is given', async () => {
    const fetch = vi.fn((_url: URL) => Promise.resolve(Response.json(LUREF)));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:4173' });
    const geo = await freshGeo();
    await geo.resolveCrs('EPSG:2169');
    expect(fetch.mock.calls[0]?.[0].href).toBe('http://127.0.0.1:4173/epsg/definitions.json');

    geo.setEpsgDefinitionSource(geo.httpEpsgDefinitionSource('http://127.0.0.1:4173/sao/'));
    await geo.resolveCrs('EPSG:2169');
    expect(fetch.mock.calls[1]?.[0].href).toBe('http://127.0.0.1:4173/sao/epsg/definitions.json');
  });

  it('a failed load says so and is tried again on the next call', async () => {
    const fetch = vi
      .fn((_url: URL) => Promise.resolve(Response.json(LUREF)))
      .mockResolvedValueOnce(new Response('', { status: 503 }));
    vi.stubGlobal('fetch', fetch);
    const geo = await freshGeo();
    geo.setEpsgDefinitionSource(geo.httpEpsgDefinitionSource('http://127.0.0.1:4173/'));
    await expect(geo.resolveCrs('EPSG:2169')).rejects.toMatchObject({
      code: 'EPSG_SET_UNAVAILABLE',
      userMessage: { en: expect.stringContaining('HTTP 503') },
    });
    expect((await geo.resolveCrs('EPSG:2169')).name).toBe('LUREF / Luxembourg TM');
  });
});

describe('the vite plugin serves the set at <base>epsg/definitions.json', () => {
  type Hook = (...args: unknown[]) => unknown;
  const hook = (plugin: Plugin, name: keyof Plugin): Hook => plugin[name] as Hook;

  it('emits it as a static asset at build, with PROJ’s datum shifts, every epsg-index code', () => {
    const plugin = epsgDefinitions();
    hook(plugin, 'configResolved')({ base: '/' });
    const emitted: { fileName: string; source: string }[] = [];
    hook(plugin, 'generateBundle').call({ emitFile: (file: { fileName: string; source: string }) => emitted.push(file) });
    expect(emitted.map((file) => file.fileName)).toEqual(['epsg/definitions.json']);
    const set = JSON.parse(emitted[0]!.source) as EpsgDefinitionSet;
    expect(Object.keys(set.definitions)).toHaveLength(8112);
    expect(set.definitions['9897']).toMatchObject({ kind: 'projected', corrected: true });
    expect(set.definitions['9897']?.proj).toContain('+towgs84=-189.6806');
    expect(set.provenance).toMatch(/^epsg-index 2\.0\.0; datum shifts from PROJ/);
  });

  it('answers it from the dev server under the configured base', () => {
    const plugin = epsgDefinitions();
    hook(plugin, 'configResolved')({ base: '/sao/' });
    const routes = new Map<string, Hook>();
    hook(plugin, 'configureServer')({ middlewares: { use: (path: string, handler: Hook) => routes.set(path, handler) } });
    const handler = routes.get('/sao/epsg/definitions.json');
    const response = { headers: new Map<string, string>(), body: '' };
    handler?.({}, { setHeader: (name: string, value: string) => response.headers.set(name, value), end: (body: string) => (response.body = body) });
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect((JSON.parse(response.body) as EpsgDefinitionSet).definitions['31467']?.name).toBe('DHDN / 3-degree Gauss-Kruger zone 3');
  });
});
