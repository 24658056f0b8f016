import { describe, expect, it } from 'vitest';
import { formatUrlView, parseUrlView, type UrlView } from '../../../src/app/urlState';

const IDS = ['admin', 'roads', 'labels', 'buildings'];

describe('a link restores the same view', () => {
  it('round-trips workspace, camera, layers and language', () => {
    const view: UrlView = {
      workspace: 'ops',
      camera: { lon: 105.7835123, lat: 21.0391234, height: 812.4, heading: 15.5, pitch: -38, roll: 0 },
      layers: [
        { id: 'roads', opacity: 1 },
        { id: 'buildings', opacity: 0.6 },
      ],
      lang: 'en',
    };
    const url = new URL(formatUrlView(view), 'http://localhost');
    expect(url.pathname).toBe('/van-hanh');
    const parsed = parseUrlView(url.pathname, url.search, IDS);
    expect(parsed.notices).toEqual([]);
    expect(parsed.workspace).toBe('ops');
    expect(parsed.lang).toBe('en');
    expect(parsed.layers).toEqual(view.layers);
    expect(parsed.camera?.lon).toBeCloseTo(105.7835123, 7);
    expect(parsed.camera?.height).toBeCloseTo(812.4, 1);
  });

  it('keeps "no layer visible" distinct from "no layer list"', () => {
    expect(parseUrlView('/van-hanh', '?layers=', IDS).layers).toEqual([]);
    expect(parseUrlView('/van-hanh', '', IDS).layers).toBeNull();
  });

  it('opens the default workspace at the root path, Vietnamese by default', () => {
    const parsed = parseUrlView('/', '', IDS);
    expect(parsed).toMatchObject({ workspace: 'bim', lang: 'vi', camera: null, notices: [] });
  });
});

describe('a bad link falls back to the default view with a notice', () => {
  it('names an unknown route', () => {
    const parsed = parseUrlView('/no-such-page', '', IDS);
    expect(parsed.workspace).toBe('bim');
    expect(parsed.notices).toEqual([{ key: 'notice.unknownRoute', params: { path: '/no-such-page' } }]);
  });

  it.each(['garbage', '1,2,3', '105,21,800,0,-45', '200,21,800,0,-45,0', '105,21,NaN,0,-45,0', '105,21,800,0,-145,0'])(
    'rejects the camera %s',
    (cam) => {
      const parsed = parseUrlView('/', `?cam=${encodeURIComponent(cam)}`, IDS);
      expect(parsed.camera).toBeNull();
      expect(parsed.notices.map((n) => n.key)).toEqual(['notice.badCamera']);
    },
  );

  it.each(['%%%', 'roads:2', 'roads:', 'roads:0.5:1', '<script>'])('rejects the layer list %s', (layers) => {
    const parsed = parseUrlView('/', `?layers=${layers}`, IDS);
    expect(parsed.layers).toBeNull();
    expect(parsed.notices.map((n) => n.key)).toEqual(['notice.badLayers']);
  });

  it('drops unknown layers and says which', () => {
    const parsed = parseUrlView('/', '?layers=roads,nope', IDS);
    expect(parsed.layers).toEqual([{ id: 'roads', opacity: 1 }]);
    expect(parsed.notices).toEqual([{ key: 'notice.unknownLayers', params: { ids: 'nope' } }]);
  });

  it('rejects an unsupported language', () => {
    const parsed = parseUrlView('/', '?lang=fr', IDS);
    expect(parsed.lang).toBe('vi');
    expect(parsed.notices.map((n) => n.key)).toEqual(['notice.badLang']);
  });
});
