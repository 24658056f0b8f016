/**
 * The three.js objects of one geometry chunk (in the render worker): opaque and see-through meshes sharing the
 * chunk's vertex buffers (no copies), and a highlight mesh for the selection. Index buffers are allocated once at
 * their full size; hiding, isolating and selecting rewrite them in place and set the draw range, so no GPU buffer
 * is ever orphaned.
 */
import { BufferAttribute, BufferGeometry, Mesh, type Material } from 'three';
import type { ChunkGeometry } from './renderProtocol';
import { gatherIndices, indexRuns, splitByAlpha } from '../elementRanges';

interface IndexedPart {
  ranges: Uint32Array;
  geometry: BufferGeometry;
  index: BufferAttribute;
  mesh: Mesh;
}

export interface ChunkMaterials {
  opaque: Material;
  transparent: Material;
  highlight: Material;
}

export class ChunkMeshes {
  private readonly parts: IndexedPart[];
  private readonly attributes: Record<'position' | 'normal' | 'color', BufferAttribute>;
  private highlightPart: IndexedPart | null = null;

  constructor(
    private readonly chunk: ChunkGeometry,
    private readonly materials: ChunkMaterials,
  ) {
    const { positions, normals, colors, indices, elementRanges } = chunk;
    this.attributes = {
      position: new BufferAttribute(positions, 3),
      normal: new BufferAttribute(normals, 3),
      color: new BufferAttribute(colors, 4, true),
    };
    const split = splitByAlpha(elementRanges, indices, colors);
    this.parts = [
      this.part(split.opaque, materials.opaque, 0),
      this.part(split.transparent, materials.transparent, 1),
    ];
  }

  private part(ranges: Uint32Array, material: Material, renderOrder: number, capacity = 0): IndexedPart {
    let size = capacity;
    for (let r = 2; r < ranges.length; r += 3) size += ranges[r]!;
    const geometry = new BufferGeometry();
    for (const [name, attribute] of Object.entries(this.attributes)) geometry.setAttribute(name, attribute);
    const index = new BufferAttribute(new Uint32Array(size), 1);
    geometry.setIndex(index);
    const mesh = new Mesh(geometry, material);
    mesh.renderOrder = renderOrder;
    mesh.matrixAutoUpdate = false;
    const part = { ranges, geometry, index, mesh };
    this.fill(part, indexRuns(ranges, () => true));
    return part;
  }

  private fill(part: IndexedPart, runs: number[]): void {
    const count = gatherIndices(this.chunk.indices, runs, part.index.array as Uint32Array);
    part.geometry.setDrawRange(0, count);
    part.index.clearUpdateRanges();
    part.index.addUpdateRange(0, count);
    part.index.needsUpdate = true;
    part.mesh.visible = count > 0;
  }

  get meshes(): Mesh[] {
    return [...this.parts, ...(this.highlightPart ? [this.highlightPart] : [])].map((part) => part.mesh);
  }

  /** Shows the elements `keep` accepts. */
  applyVisibility(keep: (expressId: number) => boolean): void {
    for (const part of this.parts) this.fill(part, indexRuns(part.ranges, keep));
  }

  /**
   * Draws the highlight over the elements `highlighted` accepts (the selection, if shown); returns whether this
   * chunk holds any of them. The highlight mesh is created on first use, sized for the whole chunk.
   */
  applyHighlight(highlighted: (expressId: number) => boolean): boolean {
    const runs = indexRuns(this.chunk.elementRanges, highlighted);
    if (runs.length === 0 && !this.highlightPart) return false;
    this.highlightPart ??= this.part(new Uint32Array(0), this.materials.highlight, 2, this.chunk.indices.length);
    this.fill(this.highlightPart, runs);
    return runs.length > 0;
  }

  dispose(): void {
    for (const part of [...this.parts, ...(this.highlightPart ? [this.highlightPart] : [])]) part.geometry.dispose();
  }
}
