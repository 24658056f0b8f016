/** The GLB writer and reader live in src/tiles/gltf (shared with ifc2tiles); the demo builder and its tests import them from here. */
export { bufferViewBytes, readGlb, writeGlb } from '../../src/tiles/gltf/glb';
export type { GlbFeatures, GlbInput, GlbMaterial, GlbPrimitive, GltfJson } from '../../src/tiles/gltf/glb';
