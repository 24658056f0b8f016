import type { Plugin } from 'vite';
import { EPSG_DEFINITIONS_PATH } from '../../src/geo/epsg/definitionSource.js';
import { readEpsgDefinitionSet } from '../../src/geo/epsg/nodeDefinitionSource.js';

/**
 * Serves the bundled EPSG set (epsg-index with PROJ's datum-shift corrections, src/geo/epsg/README.md) at
 * `<base>epsg/definitions.json`: emitted as a static asset by `vite build`, answered from memory by the dev
 * server. The app fetches it only when a CRS outside Sao's checked set is first needed.
 */
export function epsgDefinitions(): Plugin {
  let json: string | undefined;
  const definitions = (): string => (json ??= JSON.stringify(readEpsgDefinitionSet()));
  let base = '/';
  return {
    name: 'sao-epsg-definitions',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use(`${base}${EPSG_DEFINITIONS_PATH}`, (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.end(definitions());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: EPSG_DEFINITIONS_PATH, source: definitions() });
    },
  };
}
