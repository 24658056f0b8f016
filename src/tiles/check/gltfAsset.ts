/**
 * A glTF asset read for checking: a .glb (BIN chunk) or a .gltf (buffers as data: URIs or files beside it), its
 * accessors read as numbers, and the positions of every mesh of the default scene with their nodes' transforms.
 */
import { readGlb } from '../gltf/glb';
import type { GltfJson } from '../gltf/glb';
import type { Mat4 } from './mat4';
import { IDENTITY, multiply, nodeMatrix, transformPoint } from './mat4';

export interface GltfNodeJson {
  mesh?: number;
  children?: number[];
  matrix?: number[];
  translation?: number[];
  rotation?: number[];
  scale?: number[];
}

export type GltfDocument = GltfJson & {
  buffers?: { uri?: string; byteLength: number }[];
  nodes?: GltfNodeJson[];
  scenes?: { nodes?: number[] }[];
  scene?: number;
};

export interface GltfAsset {
  json: GltfDocument;
  buffers: Uint8Array[];
}

export type ResolveUri = (uri: string) => Promise<Uint8Array | null>;

const GLB_MAGIC = [0x67, 0x6c, 0x54, 0x46]; // "glTF"

/** Reads a glb or a .gltf; `resolve` fetches external buffers by a URI relative to the asset. */
export async function loadGltfAsset(bytes: Uint8Array, resolve: ResolveUri): Promise<GltfAsset> {
  if (GLB_MAGIC.every((byte, i) => bytes[i] === byte)) {
    const { json, bin } = readGlb(bytes);
    return { json: json as GltfDocument, buffers: [bin] };
  }
  const json = JSON.parse(new TextDecoder().decode(bytes)) as GltfDocument;
  const buffers = await Promise.all(
    (json.buffers ?? []).map(async (buffer, index) => {
      if (buffer.uri === undefined) throw new Error(`buffer ${index} has no uri outside a glb`);
      const data = buffer.uri.startsWith('data:') ? decodeDataUri(buffer.uri) : await resolve(buffer.uri);
      if (!data) throw new Error(`buffer ${index}: ${buffer.uri} cannot be read`);
      return data;
    }),
  );
  return { json, buffers };
}

export function bufferViewData(asset: GltfAsset, index: number): Uint8Array {
  const view = asset.json.bufferViews?.[index];
  if (!view) throw new Error(`buffer view ${index} does not exist`);
  const buffer = asset.buffers[view.buffer];
  if (!buffer) throw new Error(`buffer view ${index}: buffer ${view.buffer} does not exist`);
  const start = view.byteOffset ?? 0;
  if (start + view.byteLength > buffer.length) throw new Error(`buffer view ${index} runs past the end of buffer ${view.buffer}`);
  return buffer.subarray(start, start + view.byteLength);
}

const COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };

/** The values of a (non-sparse) accessor, component after component, as stored (not normalized). */
export function accessorValues(asset: GltfAsset, index: number): { values: Float64Array; components: number } {
  const accessor = asset.json.accessors?.[index];
  if (!accessor) throw new Error(`accessor ${index} does not exist`);
  const components = COMPONENTS[accessor.type] ?? 1;
  const size = COMPONENT_BYTES[accessor.componentType];
  if (size === undefined) throw new Error(`accessor ${index}: component type ${accessor.componentType} is not a glTF one`);
  const values = new Float64Array(accessor.count * components);
  if (accessor.bufferView === undefined) return { values, components };
  const data = bufferViewData(asset, accessor.bufferView);
  const stride = asset.json.bufferViews![accessor.bufferView]!.byteStride ?? components * size;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const read = reader(view, accessor.componentType);
  const start = accessor.byteOffset ?? 0;
  if (accessor.count > 0 && start + (accessor.count - 1) * stride + components * size > data.length) {
    throw new Error(`accessor ${index} runs past the end of buffer view ${accessor.bufferView}`);
  }
  for (let i = 0; i < accessor.count; i++) {
    for (let c = 0; c < components; c++) values[i * components + c] = read(start + i * stride + c * size);
  }
  return { values, components };
}

/** Calls `visit` with every POSITION of every mesh in the default scene, in the asset's (y-up) scene frame. */
export function forEachScenePosition(asset: GltfAsset, visit: (point: number[]) => void): void {
  const { json } = asset;
  const scene = json.scenes?.[json.scene ?? 0];
  const point = [0, 0, 0];
  const walk = (nodeIndex: number, parent: Mat4, depth: number): void => {
    const node = json.nodes?.[nodeIndex];
    if (!node || depth > 64) return;
    const world = multiply(parent, nodeMatrix(node));
    const mesh = node.mesh === undefined ? undefined : json.meshes?.[node.mesh];
    for (const primitive of mesh?.primitives ?? []) {
      const position = primitive.attributes.POSITION;
      if (position === undefined) continue;
      const { values } = accessorValues(asset, position);
      for (let i = 0; i + 2 < values.length; i += 3) visit(transformPoint(world, values[i]!, values[i + 1]!, values[i + 2]!, point));
    }
    for (const child of node.children ?? []) walk(child, world, depth + 1);
  };
  for (const root of scene?.nodes ?? []) walk(root, IDENTITY, 0);
}

function reader(view: DataView, componentType: number): (at: number) => number {
  switch (componentType) {
    case 5120: return (at) => view.getInt8(at);
    case 5121: return (at) => view.getUint8(at);
    case 5122: return (at) => view.getInt16(at, true);
    case 5123: return (at) => view.getUint16(at, true);
    case 5125: return (at) => view.getUint32(at, true);
    default: return (at) => view.getFloat32(at, true);
  }
}

function decodeDataUri(uri: string): Uint8Array {
  const comma = uri.indexOf(',');
  const text = atob(uri.slice(comma + 1));
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}
