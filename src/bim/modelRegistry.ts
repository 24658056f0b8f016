/**
 * Where the big arrays of loaded IFC models live (STYLE.md: stores hold ids and counters, never buffers): per
 * model, the header from the worker and every geometry chunk as it arrives. The loader client adds to it and bumps
 * `bimStore.models[id].chunkCount`; the Cesium view and the three.js inspector read chunks from here.
 */
import type { IfcElementInfo, IfcGeometryChunk, IfcModelHeader } from './types';

export interface LoadedIfcModel {
  readonly id: string;
  header: IfcModelHeader | null;
  readonly chunks: IfcGeometryChunk[];
  /** expressId → element, built once the header arrives. */
  elementsById: Map<number, IfcElementInfo>;
}

export class IfcModelRegistry {
  private readonly models = new Map<string, LoadedIfcModel>();

  create(id: string): LoadedIfcModel {
    const model: LoadedIfcModel = { id, header: null, chunks: [], elementsById: new Map() };
    this.models.set(id, model);
    return model;
  }

  setHeader(id: string, header: IfcModelHeader): void {
    const model = this.models.get(id);
    if (!model) return;
    model.header = header;
    model.elementsById = new Map(header.elements.map((element) => [element.expressId, element]));
  }

  /** Keeps the chunk and marks its elements `hasGeometry` (one step per element, not per vertex). */
  addChunk(id: string, chunk: IfcGeometryChunk): void {
    const model = this.models.get(id);
    if (!model) return;
    model.chunks.push(chunk);
    const ranges = chunk.elementRanges;
    for (let i = 0; i < ranges.length; i += 3) {
      const element = model.elementsById.get(ranges[i]!);
      if (element) element.hasGeometry = true;
    }
  }

  get(id: string): LoadedIfcModel | undefined {
    return this.models.get(id);
  }

  delete(id: string): void {
    this.models.delete(id);
  }
}

/** The app's one registry. */
export const ifcModels = new IfcModelRegistry();
