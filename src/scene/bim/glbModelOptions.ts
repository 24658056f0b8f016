import { Axis, ShadowMode, type CustomShader, type Matrix4, type Model } from '@cesium/engine';

type ModelOptions = Parameters<typeof Model.fromGltfAsync>[0];
/** Cesium loads `options.url ?? options.gltf`, and `gltf` may be a glb in memory; its typings know only `url`. */
type GlbModelOptions = Omit<ModelOptions, 'url'> & { gltf: Uint8Array };

let glbCount = 0;

/**
 * `Model.fromGltfAsync` options for an IFC glb (src/scene/bim/chunkGlb.ts): positions in IFC's z-up frame, so no
 * axis correction; the element style's shader; no shadows (the city casts none either).
 */
export function glbModelOptions(glb: Uint8Array, modelMatrix: Matrix4, customShader: CustomShader, show: boolean): ModelOptions {
  const options: GlbModelOptions = {
    gltf: glb,
    // Cesium caches a glb's buffers under its base path: each glb needs its own, or the second reads the first's.
    basePath: `ifc-glb-${++glbCount}/`,
    modelMatrix,
    upAxis: Axis.Z,
    forwardAxis: Axis.X,
    customShader,
    shadows: ShadowMode.DISABLED,
    releaseGltfJson: true,
    // The glb holds ready typed arrays (nothing to decode): its GPU buffers go up in one frame rather than
    // over several, each of which would redraw the whole city.
    asynchronous: false,
    show,
  };
  return options as unknown as ModelOptions;
}
