/**
 * The view as a link: workspace in the path, camera, visible layers and language in the query, so a copied
 * link restores the same view. Parsing never throws: whatever is malformed falls back to the default and
 * yields a notice naming what was wrong.
 *
 *   /van-hanh?cam=105.78360,21.03910,850,0,-45,0&layers=roads,buildings:0.6&lang=en
 */
import type { Lang, Message } from './i18n';
import type { CameraPose, LayerVisibility, Workspace } from '../state';

export const WORKSPACE_PATHS: Record<Workspace, string> = {
  bim: '/tham-dinh-bim',
  ops: '/van-hanh',
  brief: '/trinh-chieu',
};
export const DEFAULT_WORKSPACE: Workspace = 'bim';

export interface UrlView {
  workspace: Workspace;
  camera: CameraPose | null;
  layers: LayerVisibility[] | null;
  lang: Lang;
}

export interface ParsedUrlView extends UrlView {
  notices: Message[];
}

const LAYER_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

export function workspaceFromPath(pathname: string): Workspace | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return DEFAULT_WORKSPACE;
  const entry = Object.entries(WORKSPACE_PATHS).find(([, p]) => p === path);
  return entry ? (entry[0] as Workspace) : null;
}

export function parseCamera(text: string): CameraPose | null {
  const parts = text.split(',');
  if (parts.length !== 6 || parts.some((p) => p.trim() === '')) return null;
  const [lon, lat, height, heading, pitch, roll] = parts.map(Number) as [number, number, number, number, number, number];
  if (![lon, lat, height, heading, pitch, roll].every(Number.isFinite)) return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || height < -500 || height > 1e8) return null;
  if (Math.abs(pitch) > 90 || Math.abs(heading) > 360 || Math.abs(roll) > 360) return null;
  return { lon, lat, height, heading, pitch, roll };
}

export function formatCamera(c: CameraPose): string {
  const deg = (v: number) => v.toFixed(7);
  const angle = (v: number) => v.toFixed(2);
  return [deg(c.lon), deg(c.lat), c.height.toFixed(1), angle(c.heading), angle(c.pitch), angle(c.roll)].join(',');
}

/** `id[:opacity],…`; null when any entry is malformed. An empty string means "no layer visible". */
export function parseLayers(text: string): LayerVisibility[] | null {
  if (text === '') return [];
  const result: LayerVisibility[] = [];
  for (const entry of text.split(',')) {
    const [id = '', opacityText, extra] = entry.split(':');
    if (!LAYER_ID.test(id) || extra !== undefined) return null;
    const opacity = opacityText === undefined ? 1 : Number(opacityText);
    if (opacityText === '' || !Number.isFinite(opacity) || opacity < 0 || opacity > 1) return null;
    result.push({ id, opacity });
  }
  return result;
}

export function formatLayers(layers: LayerVisibility[]): string {
  return layers.map(({ id, opacity }) => (opacity === 1 ? id : `${id}:${Number(opacity.toFixed(2))}`)).join(',');
}

/** Reads the query with URLSearchParams semantics, but survives stray `%` (URLSearchParams throws on none, yet
 * `decodeURIComponent` does), so "?layers=%%%" is reported as malformed rather than crashing. */
function readQuery(search: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const raw = eq < 0 ? '' : pair.slice(eq + 1);
    let value: string;
    try {
      value = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      value = raw;
    }
    query.set(key, value);
  }
  return query;
}

export function parseUrlView(pathname: string, search: string, knownLayerIds: readonly string[]): ParsedUrlView {
  const notices: Message[] = [];
  const query = readQuery(search);

  let workspace = workspaceFromPath(pathname);
  if (!workspace) {
    notices.push({ key: 'notice.unknownRoute', params: { path: pathname } });
    workspace = DEFAULT_WORKSPACE;
  }

  let camera: CameraPose | null = null;
  const camText = query.get('cam');
  if (camText !== undefined) {
    camera = parseCamera(camText);
    if (!camera) notices.push({ key: 'notice.badCamera', params: { value: camText.slice(0, 80) } });
  }

  let layers: LayerVisibility[] | null = null;
  const layerText = query.get('layers');
  if (layerText !== undefined) {
    layers = parseLayers(layerText);
    if (!layers) notices.push({ key: 'notice.badLayers', params: { value: layerText.slice(0, 80) } });
    else {
      const unknown = layers.filter((l) => !knownLayerIds.includes(l.id)).map((l) => l.id);
      if (unknown.length) notices.push({ key: 'notice.unknownLayers', params: { ids: unknown.join(', ') } });
      layers = layers.filter((l) => knownLayerIds.includes(l.id));
    }
  }

  let lang: Lang = 'vi';
  const langText = query.get('lang');
  if (langText === 'en' || langText === 'vi') lang = langText;
  else if (langText !== undefined) notices.push({ key: 'notice.badLang', params: { value: langText.slice(0, 20) } });

  return { workspace, camera, layers, lang, notices };
}

export function formatUrlView(view: UrlView): string {
  const params: string[] = [];
  if (view.camera) params.push(`cam=${formatCamera(view.camera)}`);
  if (view.layers) params.push(`layers=${formatLayers(view.layers)}`);
  if (view.lang !== 'vi') params.push(`lang=${view.lang}`);
  return WORKSPACE_PATHS[view.workspace] + (params.length ? `?${params.join('&')}` : '');
}
