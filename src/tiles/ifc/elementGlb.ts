/**
 * One tile's content: the glb of a set of IFC elements, one feature per element (EXT_mesh_features, feature id
 * = the element's row in the property table of EXT_structural_metadata, class `ifcElement`).
 *
 * - Axes: glTF is y up (glTF 2.0 §3.4); 3D Tiles turns glTF content to z up before the tile transform (3D Tiles
 *   1.1 §"glTF transforms": x, y, z → x, −z, y). The chunks are in the z-up tile frame, so a point (x, y, z) is
 *   written (x, z, −y), which that rotation maps back exactly — float32 values are only moved and negated.
 * - Colours: IFC surface colours (IfcColourRgb, sRGB like every display colour) become linear COLOR_0, as glTF
 *   requires; transparency is the alpha. glTF's alphaMode is per material, so triangles of translucent surfaces
 *   (alpha < 1: glazing) go to a second primitive with a BLEND material. Both materials are double-sided: IFC
 *   solids and openings are not consistently wound.
 */
import { writeGlb } from '../gltf/glb';
import type { GlbMaterial, GlbPrimitive } from '../gltf/glb';
import type { PropertyValue } from '../metadata/propertyTable';
import type { ElementGeometry, ElementPart } from './elementGeometry';
import type { ElementRecord } from './elementRecords';
import { IFC_ELEMENT_CLASS, IFC_TILES_SCHEMA } from './ifcTilesSchema';

export const GENERATOR = 'Sao ifc2tiles';

const SURFACE = { baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 0.9, doubleSided: true } as const;
const MATERIALS: GlbMaterial[] = [
  { name: 'opaque', ...SURFACE },
  { name: 'translucent', ...SURFACE, alphaMode: 'BLEND' },
];

/** sRGB (0–255) → linear (0–255), IEC 61966-2-1. */
const SRGB_TO_LINEAR = Uint8Array.from({ length: 256 }, (_, i) => {
  const c = i / 255;
  return Math.round(255 * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
});

/** The glb of `elements` (each must have a record), features in the order given. */
export function elementGlb(elements: readonly ElementGeometry[], records: ReadonlyMap<number, ElementRecord>): Uint8Array {
  const opaque = new PrimitiveBuilder(0);
  const translucent = new PrimitiveBuilder(1);
  elements.forEach((element, feature) => {
    for (const part of element.parts) {
      const { indices, colors } = part.chunk;
      for (let i = part.firstIndex; i < part.firstIndex + part.indexCount; i += 3) {
        const target = colors[4 * indices[i]! + 3]! < 255 ? translucent : opaque;
        target.addTriangle(part, i, feature);
      }
    }
  });
  const primitives = [opaque, translucent].filter((builder) => builder.triangles > 0).map((builder) => builder.finish());
  const rows = elements.map((element) => records.get(element.expressId)!);
  return writeGlb({
    generator: GENERATOR,
    materials: MATERIALS,
    primitives,
    features: {
      featureCount: elements.length,
      label: 'ifcElement',
      metadata: { schema: IFC_TILES_SCHEMA, propertyTable: { name: 'IFC elements', class: IFC_ELEMENT_CLASS, count: rows.length, properties: columns(rows) } },
    },
  });
}

function columns(rows: readonly ElementRecord[]): Record<string, PropertyValue[]> {
  const column = (key: keyof ElementRecord) => rows.map((row) => row[key]);
  return {
    globalId: column('globalId'),
    ifcClass: column('ifcClass'),
    name: column('name'),
    storey: column('storey'),
    objectType: column('objectType'),
    predefinedType: column('predefinedType'),
    loadBearing: column('loadBearing'),
    isExternal: column('isExternal'),
    fireRating: column('fireRating'),
    expressId: column('expressId'),
  };
}

/** Collects the triangles of one primitive, copying each used vertex once (per element part). */
class PrimitiveBuilder {
  private positions: number[] = [];
  private normals: number[] = [];
  private colors: number[] = [];
  private featureIds: number[] = [];
  private indices: number[] = [];
  private part: ElementPart | null = null;
  private remap = new Int32Array(0);

  constructor(private readonly material: number) {}

  get triangles(): number {
    return this.indices.length / 3;
  }

  addTriangle(part: ElementPart, at: number, feature: number): void {
    if (this.part !== part) {
      this.part = part;
      this.remap = new Int32Array(part.vertexCount).fill(-1);
    }
    for (let k = 0; k < 3; k++) this.indices.push(this.vertex(part, part.chunk.indices[at + k]!, feature));
  }

  finish(): GlbPrimitive {
    return {
      positions: Float32Array.from(this.positions),
      normals: Float32Array.from(this.normals),
      colors: Uint8Array.from(this.colors),
      featureIds: Uint32Array.from(this.featureIds),
      indices: Uint32Array.from(this.indices),
      material: this.material,
    };
  }

  private vertex(part: ElementPart, source: number, feature: number): number {
    const local = source - part.firstVertex;
    const known = this.remap[local]!;
    if (known >= 0) return known;
    const index = this.featureIds.length;
    this.remap[local] = index;
    const { positions, normals, colors } = part.chunk;
    const p = 3 * source;
    this.positions.push(positions[p]!, positions[p + 2]!, -positions[p + 1]!);
    this.normals.push(...unitNormal(normals[p]!, normals[p + 2]!, -normals[p + 1]!));
    const c = 4 * source;
    this.colors.push(SRGB_TO_LINEAR[colors[c]!]!, SRGB_TO_LINEAR[colors[c + 1]!]!, SRGB_TO_LINEAR[colors[c + 2]!]!, colors[c + 3]!);
    this.featureIds.push(feature);
    return index;
  }
}

/** glTF requires unit NORMALs; web-ifc gives a zero normal for degenerate faces: those point up (glTF +y). */
function unitNormal(x: number, y: number, z: number): [number, number, number] {
  const length = Math.hypot(x, y, z);
  return length > 0.5 ? [x / length, y / length, z / length] : [0, 1, 0];
}
