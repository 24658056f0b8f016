import { CrsError } from '../CrsError.js';
import type { EpsgDefinitionSet, EpsgDefinitionSource } from './types';

/** Where the app serves the bundled set, relative to its base URL (scripts/vite/epsgDefinitions.ts). */
export const EPSG_DEFINITIONS_PATH = 'epsg/definitions.json';

/**
 * The set fetched from `<baseUrl>epsg/definitions.json`. `baseUrl` is absolute, e.g. `self.location.origin +
 * import.meta.env.BASE_URL`: a worker's own URL would point into its chunk folder, so it is passed in.
 */
export function httpEpsgDefinitionSource(baseUrl: string | URL): EpsgDefinitionSource {
  return async () => {
    const url = new URL(EPSG_DEFINITIONS_PATH, baseUrl);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.href}`);
    return (await response.json()) as EpsgDefinitionSet;
  };
}

/** The app's default: the same origin and base path as the page or worker that runs this code. */
function defaultSource(): EpsgDefinitionSource {
  const origin = (globalThis as { location?: { origin: string } }).location?.origin;
  if (!origin) {
    return () => {
      throw new Error('no location to fetch from: in Node, call setEpsgDefinitionSource(nodeEpsgDefinitionSource)');
    };
  }
  return httpEpsgDefinitionSource(`${origin}${import.meta.env?.BASE_URL ?? '/'}`);
}

let source: EpsgDefinitionSource | undefined;
let loading: Promise<EpsgDefinitionSet> | undefined;

/**
 * Replaces where the bundled EPSG set comes from (Node: `nodeEpsgDefinitionSource` from
 * `src/geo/epsg/nodeDefinitionSource`; a worker: `httpEpsgDefinitionSource(origin + base)`), and forgets a set
 * already loaded.
 */
export function setEpsgDefinitionSource(next: EpsgDefinitionSource): void {
  source = next;
  loading = undefined;
}

/**
 * The bundled set, loaded on first use and shared by every later call. A failed load is not kept, so the next
 * call tries again (the server may have been restarting).
 */
export function loadEpsgDefinitions(): Promise<EpsgDefinitionSet> {
  if (!loading) {
    const load = source ?? defaultSource();
    loading = Promise.resolve()
      .then(load)
      .catch((cause: unknown) => {
        loading = undefined;
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new CrsError(
          'EPSG_SET_UNAVAILABLE',
          {
            vi: `Không tải được bộ định nghĩa EPSG đi kèm (${reason}).`,
            en: `Could not load the bundled EPSG definition set (${reason}).`,
          },
          { cause },
        );
      });
  }
  return loading;
}
