/**
 * The IFC samples of ../shared/data/ifc and a helper that reads one with the kernel the worker uses, collecting
 * what the worker would post.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IfcAPI } from 'web-ifc';
import { readIfcModel } from '../../../src/bim/ifc';
import type { IfcReadOptions } from '../../../src/bim/ifc';
import type { IfcGeometryChunk, IfcLoadStats, IfcModelHeader } from '../../../src/bim/types';
import { DATA_DIR } from '../demo/demoFiles';

export const IFC_DIR = join(DATA_DIR, 'ifc');

/** Every .ifc under ../shared/data/ifc, as paths relative to ../shared/data (the fixtures' `file`). */
export function sampleFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.toLowerCase().endsWith('.ifc') ? [path] : [];
    });
  return walk(IFC_DIR).map((path) => relative(DATA_DIR, path)).sort();
}

export function sampleBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DATA_DIR, file)));
}

export interface LoadedSample {
  modelId: number;
  stats: IfcLoadStats;
  header: IfcModelHeader;
  chunks: IfcGeometryChunk[];
  /** Order in which the sink heard 'header' and 'chunk'. */
  events: string[];
}

export function loadSample(api: IfcAPI, file: string, options: IfcReadOptions = {}): LoadedSample {
  let header: IfcModelHeader | null = null;
  const chunks: IfcGeometryChunk[] = [];
  const events: string[] = [];
  const { modelId, stats } = readIfcModel(api, sampleBytes(file), file, {
    progress: () => {},
    header: (value) => {
      header = value;
      events.push('header');
    },
    chunk: (chunk) => {
      chunks.push(chunk);
      events.push('chunk');
    },
  }, options);
  if (!header) throw new Error(`${file}: no header was posted`);
  return { modelId, stats, header, chunks, events };
}
