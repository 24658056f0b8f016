/**
 * Gathers web-ifc's placed geometries into `IfcGeometryChunk`s in the project frame (IFC's z up, metres, minus
 * the geometry offset). Pure over typed arrays: no web-ifc types beyond the numbers it hands over.
 *
 * web-ifc gives each geometry as interleaved float32 (x, y, z, nx, ny, nz) near its own origin, and a float64
 * column-major `flatTransformation` into its y-up world (IFC z → web-ifc y, IFC y → web-ifc −z). We apply the
 * transformation in float64, turn y-up back into z-up, subtract the offset and only then round to float32, so
 * a model drawn in map coordinates keeps its millimetres. Normals go through the cofactor matrix (correct for
 * non-uniform scale); a mirroring transformation (negative determinant) also flips the triangles' winding.
 */
import type { IfcGeometryChunk } from '../types';

export interface ChunkerOptions {
  /** Subtracted from every position (project metres). */
  offset: readonly [number, number, number];
  /** The first chunk closes at this many triangles, so the first geometry shows early. */
  firstChunkTriangles: number;
  /** Later chunks close at this many triangles. */
  chunkTriangles: number;
}

/** rgba 0–1, as web-ifc's `Color`. */
export interface RgbaColor {
  x: number;
  y: number;
  z: number;
  w: number;
}

export class GeometryChunker {
  private positions = new Float32Array(3 * 4096);
  private normals = new Float32Array(3 * 4096);
  private colors = new Uint8Array(4 * 4096);
  private vertexElementIds = new Uint32Array(4096);
  private indices = new Uint32Array(3 * 8192);
  private ranges: number[] = [];
  private vertexCount = 0;
  private indexCount = 0;
  private elementId = -1;
  private elementFirstIndex = 0;
  private chunkIndex = 0;
  private readonly linear = new Float64Array(9);
  private readonly cofactor = new Float64Array(9);

  constructor(private readonly options: ChunkerOptions) {}

  get triangles(): number {
    return this.indexCount / 3;
  }

  /** Starts the triangles of one element; they stay contiguous and in one chunk. */
  beginElement(expressId: number): void {
    this.endElement();
    this.elementId = expressId;
    this.elementFirstIndex = this.indexCount;
  }

  /**
   * Adds one placed geometry of the current element. `vertexData` holds (x, y, z, nx, ny, nz) per vertex and may
   * be a view into web-ifc's heap: it is read here and not kept.
   */
  addGeometry(vertexData: Float32Array, indexData: Uint32Array, transform: ArrayLike<number>, color: RgbaColor): void {
    const vertices = Math.floor(vertexData.length / 6);
    if (vertices === 0 || indexData.length < 3) return;
    this.reserve(vertices, indexData.length);
    const m = transform;
    const [ox, oy, oz] = this.options.offset;
    const mirrored = this.prepareNormalMatrix(m) < 0;
    const rgba = [color.x, color.y, color.z, color.w].map((channel) => Math.round(Math.min(1, Math.max(0, channel)) * 255));
    const c = this.cofactor;
    const base = this.vertexCount;
    for (let v = 0; v < vertices; v++) {
      const s = 6 * v;
      const x = vertexData[s]!, y = vertexData[s + 1]!, z = vertexData[s + 2]!;
      // web-ifc world (y up) = M · (x, y, z, 1); IFC project = (wx, −wz, wy).
      const wx = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
      const wy = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
      const wz = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
      const t = 3 * (base + v);
      this.positions[t] = wx - ox;
      this.positions[t + 1] = -wz - oy;
      this.positions[t + 2] = wy - oz;
      const nx = vertexData[s + 3]!, ny = vertexData[s + 4]!, nz = vertexData[s + 5]!;
      const gx = c[0]! * nx + c[3]! * ny + c[6]! * nz;
      const gy = c[1]! * nx + c[4]! * ny + c[7]! * nz;
      const gz = c[2]! * nx + c[5]! * ny + c[8]! * nz;
      const length = Math.hypot(gx, gy, gz) || 1;
      this.normals[t] = gx / length;
      this.normals[t + 1] = -gz / length;
      this.normals[t + 2] = gy / length;
      this.colors.set(rgba, 4 * (base + v));
      this.vertexElementIds[base + v] = this.elementId;
    }
    let target = this.indexCount;
    for (let i = 0; i + 2 < indexData.length; i += 3) {
      const a = indexData[i]!, b = indexData[i + 1]!, d = indexData[i + 2]!;
      if (a >= vertices || b >= vertices || d >= vertices) continue;
      this.indices[target++] = base + a;
      this.indices[target++] = base + (mirrored ? d : b);
      this.indices[target++] = base + (mirrored ? b : d);
    }
    this.indexCount = target;
    this.vertexCount += vertices;
  }

  /** Whether the chunk being filled has reached its size (checked between elements). */
  isFull(): boolean {
    const limit = this.chunkIndex === 0 ? this.options.firstChunkTriangles : this.options.chunkTriangles;
    return this.indexCount / 3 >= limit;
  }

  /** The chunk filled so far (exact-size copies, ready to transfer), or null when it is empty. */
  flush(): IfcGeometryChunk | null {
    this.endElement();
    if (this.indexCount === 0) return null;
    const chunk: IfcGeometryChunk = {
      chunkIndex: this.chunkIndex++,
      positions: this.positions.slice(0, 3 * this.vertexCount),
      normals: this.normals.slice(0, 3 * this.vertexCount),
      colors: this.colors.slice(0, 4 * this.vertexCount),
      vertexElementIds: this.vertexElementIds.slice(0, this.vertexCount),
      indices: this.indices.slice(0, this.indexCount),
      elementRanges: Uint32Array.from(this.ranges),
    };
    this.ranges = [];
    this.vertexCount = 0;
    this.indexCount = 0;
    this.elementFirstIndex = 0;
    return chunk;
  }

  private endElement(): void {
    const count = this.indexCount - this.elementFirstIndex;
    if (this.elementId >= 0 && count > 0) this.ranges.push(this.elementId, this.elementFirstIndex, count);
    this.elementFirstIndex = this.indexCount;
  }

  /** Fills `cofactor` with the cofactor matrix of M's linear part (det · M⁻ᵀ) and returns det. */
  private prepareNormalMatrix(m: ArrayLike<number>): number {
    const l = this.linear;
    for (let column = 0; column < 3; column++) for (let row = 0; row < 3; row++) l[3 * column + row] = m[4 * column + row]!;
    const [a, b, c, d, e, f, g, h, i] = l as unknown as number[];
    // Column-major: columns (a b c), (d e f), (g h i). cof(M) column j = cross of the other two columns.
    const cof = this.cofactor;
    cof[0] = e! * i! - f! * h!; cof[1] = f! * g! - d! * i!; cof[2] = d! * h! - e! * g!;
    cof[3] = h! * c! - i! * b!; cof[4] = i! * a! - g! * c!; cof[5] = g! * b! - h! * a!;
    cof[6] = b! * f! - c! * e!; cof[7] = c! * d! - a! * f!; cof[8] = a! * e! - b! * d!;
    const det = a! * cof[0]! + b! * cof[1]! + c! * cof[2]!;
    // For a mirroring M, det · M⁻ᵀ points normals inwards: the sign restores them.
    if (det < 0) for (let k = 0; k < 9; k++) cof[k] = -cof[k]!;
    return det;
  }

  private reserve(vertices: number, indices: number): void {
    const vertexNeed = this.vertexCount + vertices;
    if (vertexNeed > this.vertexElementIds.length) {
      const capacity = grow(this.vertexElementIds.length, vertexNeed);
      this.positions = resized(this.positions, 3 * capacity);
      this.normals = resized(this.normals, 3 * capacity);
      this.colors = resized(this.colors, 4 * capacity);
      this.vertexElementIds = resized(this.vertexElementIds, capacity);
    }
    if (this.indexCount + indices > this.indices.length) {
      this.indices = resized(this.indices, grow(this.indices.length, this.indexCount + indices));
    }
  }
}

function grow(current: number, need: number): number {
  let capacity = current;
  while (capacity < need) capacity *= 2;
  return capacity;
}

function resized<T extends Float32Array | Uint8Array | Uint32Array>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}
