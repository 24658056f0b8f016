/**
 * Node only (CLI, tests, the vite plugin): the bundled EPSG set read from node_modules/epsg-index and the
 * committed corrections. Browser code must not import this file (node:fs); it fetches the same set as a
 * static asset instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildEpsgDefinitionSet } from './definitionSet.js';
import type { EpsgCorrections, EpsgIndexEntry } from './definitionSet';
import type { EpsgDefinitionSet, EpsgDefinitionSource } from './types';

const require = createRequire(import.meta.url);

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Builds the set from the installed epsg-index and src/geo/epsg/corrections.json (about 0.2 s). */
export function readEpsgDefinitionSet(): EpsgDefinitionSet {
  const index = readJson<Record<string, EpsgIndexEntry>>(require.resolve('epsg-index/all.json'));
  const { version } = readJson<{ version: string }>(require.resolve('epsg-index/package.json'));
  const corrections = readJson<EpsgCorrections>(fileURLToPath(new URL('./corrections.json', import.meta.url)));
  return buildEpsgDefinitionSet(index, corrections, version);
}

/** For `setEpsgDefinitionSource(nodeEpsgDefinitionSource)` in Node. */
export const nodeEpsgDefinitionSource: EpsgDefinitionSource = () => Promise.resolve(readEpsgDefinitionSet());
