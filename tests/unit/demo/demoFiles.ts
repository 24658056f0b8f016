/** Paths and loaders shared by the demo-city tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import { readGlb } from '../../../scripts/build-demo/glb';
import type { GltfJson } from '../../../scripts/build-demo/glb';

export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
export const ASSETS_DIR = join(REPO_ROOT, 'assets/demo');
export const DATA_DIR = resolve(process.env.SAO_SHARED_DATA ?? join(REPO_ROOT, '../shared/data'));
export const SCHEMA_DIR = join(REPO_ROOT, 'tests/fixtures/3dtiles-schema');

export function readAsset(path: string): Buffer {
  return readFileSync(join(ASSETS_DIR, path));
}

export function readAssetJson<T = unknown>(path: string): T {
  return JSON.parse(readAsset(path).toString('utf8')) as T;
}

export function readAssetGlb(path: string): { json: GltfJson; bin: Uint8Array } {
  return readGlb(new Uint8Array(readAsset(path)));
}

/** Every file under `dir`, as sorted paths relative to it. */
export function listFiles(dir: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(folder, entry.name)) : [relative(dir, join(folder, entry.name))],
    );
  return walk(dir).sort();
}

/**
 * An ajv (JSON Schema 2020-12) instance holding the vendored 3D Tiles 1.1 schema. Every file's `$id` is its bare
 * file name while the files refer to each other by relative path ("./common/rootProperty.schema.json",
 * "../common/definitions.schema.json#/…") or by bare name, depending on their age; as file names are unique, refs
 * are resolved by file name — what the official validator does by registering each schema under its name.
 */
export function tilesSchemaValidator(rootSchema: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false, formats: { 'iri-reference': true } });
  for (const path of listFiles(SCHEMA_DIR).filter((file) => file.endsWith('.schema.json'))) {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, path), 'utf8')) as Record<string, unknown>;
    ajv.addSchema(rewriteRefs({ ...schema, $id: basename(path) }) as object);
  }
  const validate = ajv.getSchema(rootSchema);
  if (!validate) throw new Error(`schema ${rootSchema} is not in ${SCHEMA_DIR}`);
  return validate;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' && !item.startsWith('#') ? refByFileName(item) : rewriteRefs(item),
    ]),
  );
}

function refByFileName(ref: string): string {
  const hash = ref.indexOf('#');
  return hash === -1 ? basename(ref) : basename(ref.slice(0, hash)) + ref.slice(hash);
}

/** The values of a (non-sparse) accessor of a GLB, as plain numbers. */
export function readAccessor(json: GltfJson, bin: Uint8Array, index: number): number[] {
  const accessor = json.accessors?.[index];
  if (!accessor || accessor.bufferView === undefined) throw new Error(`accessor ${index} has no buffer view`);
  const bufferView = json.bufferViews![accessor.bufferView]!;
  const components = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 }[accessor.type] ?? 0;
  const size = { 5121: 1, 5123: 2, 5125: 4, 5126: 4 }[accessor.componentType] ?? 0;
  const stride = bufferView.byteStride ?? components * size;
  const view = new DataView(bin.buffer, bin.byteOffset + (bufferView.byteOffset ?? 0) + (accessor.byteOffset ?? 0));
  const read = (at: number): number => {
    switch (accessor.componentType) {
      case 5121: return view.getUint8(at);
      case 5123: return view.getUint16(at, true);
      case 5125: return view.getUint32(at, true);
      case 5126: return view.getFloat32(at, true);
      default: throw new Error(`component type ${accessor.componentType} is not read here`);
    }
  };
  const values: number[] = [];
  for (let i = 0; i < accessor.count; i++) for (let c = 0; c < components; c++) values.push(read(i * stride + c * size));
  return values;
}
