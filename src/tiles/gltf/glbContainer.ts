/**
 * The binary container of glTF 2.0 (GLB, glTF 2.0 §4.4), shared by every writer of glb assets — the demo-city
 * builder and ifc2tiles (./glb.ts) and the Cesium view of IFC models (src/scene/bim/chunkGlb.ts).
 *
 * Layout rules (glTF 2.0 §3.6, EXT_structural_metadata "Binary Data Storage"): one buffer, the BIN chunk; every
 * buffer view starts on an 8-byte boundary (metadata needs 8 for 64-bit columns, vertex data 4); chunks are
 * padded to 4 bytes, JSON with spaces and BIN with zeros. Same input, same bytes.
 */

/** WebGL enums used in glTF accessors and buffer views. */
export const GL = {
  UNSIGNED_BYTE: 5121,
  UNSIGNED_SHORT: 5123,
  UNSIGNED_INT: 5125,
  FLOAT: 5126,
  ARRAY_BUFFER: 34962,
  ELEMENT_ARRAY_BUFFER: 34963,
  TRIANGLES: 4,
} as const;

export const GLB_MAGIC = 0x46546c67; // "glTF"
export const CHUNK_JSON = 0x4e4f534a; // "JSON"
export const CHUNK_BIN = 0x004e4942; // "BIN\0"
const VIEW_ALIGNMENT = 8;

export interface GlbBufferView {
  buffer: 0;
  byteOffset: number;
  byteLength: number;
  byteStride?: number;
  target?: number;
}

/** The BIN chunk being assembled: buffer views appended in order, each aligned. Parts are copied once, by `finish`. */
export class GlbBody {
  readonly views: GlbBufferView[] = [];
  private readonly parts: Uint8Array[] = [];
  private length = 0;

  /** Appends `bytes` as a new buffer view and returns its index. */
  addView(bytes: Uint8Array, options: { target?: number; byteStride?: number }): number {
    const padding = (VIEW_ALIGNMENT - (this.length % VIEW_ALIGNMENT)) % VIEW_ALIGNMENT;
    if (padding > 0) this.push(new Uint8Array(padding));
    this.views.push({
      buffer: 0,
      byteOffset: this.length,
      byteLength: bytes.length,
      ...(options.byteStride === undefined ? {} : { byteStride: options.byteStride }),
      ...(options.target === undefined ? {} : { target: options.target }),
    });
    this.push(bytes);
    return this.views.length - 1;
  }

  finish(): Uint8Array {
    const padding = (4 - (this.length % 4)) % 4;
    if (padding > 0) this.push(new Uint8Array(padding));
    const body = new Uint8Array(this.length);
    let offset = 0;
    for (const part of this.parts) {
      body.set(part, offset);
      offset += part.length;
    }
    return body;
  }

  private push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }
}

/** The GLB file: 12-byte header, the JSON chunk, then the BIN chunk when `body` is not empty. */
export function assembleGlb(gltf: object, body: Uint8Array): Uint8Array {
  const text = new TextEncoder().encode(JSON.stringify(gltf));
  const jsonBytes = new Uint8Array(text.length + ((4 - (text.length % 4)) % 4)).fill(0x20); // padded with spaces
  jsonBytes.set(text);
  const total = 12 + 8 + jsonBytes.length + (body.length > 0 ? 8 + body.length : 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, GLB_MAGIC, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonBytes.length, true);
  view.setUint32(16, CHUNK_JSON, true);
  out.set(jsonBytes, 20);
  if (body.length > 0) {
    const at = 20 + jsonBytes.length;
    view.setUint32(at, body.length, true);
    view.setUint32(at + 4, CHUNK_BIN, true);
    out.set(body, at + 8);
  }
  return out;
}
