/**
 * The model's materials: one small shader (vertex colour or a flat colour, a head light, a little sky light from
 * +z) instead of three.js's Lambert. Software WebGL (SwiftShader in the tests, machines without a GPU) takes
 * seconds to compile the full lighting shader and blocks the page meanwhile; this one compiles in a fraction of
 * that and reads as well for inspection. Section planes come through three.js's clipping chunks.
 */
import { Color, DoubleSide, LessEqualDepth, ShaderMaterial } from 'three';

const VERTEX = /* glsl */ `
#include <clipping_planes_pars_vertex>
varying vec4 vColour;
uniform vec3 flatColour;
void main() {
  vec4 mvPosition = modelViewMatrix * vec4(position, 1.0);
  vec3 viewNormal = normalize(normalMatrix * normal);
  // Two-sided: IFC geometry often has inconsistent winding, and section cuts show the inside.
  float head = abs(dot(viewNormal, normalize(vec3(0.35, 0.45, 1.0))));
  float sky = 0.5 + 0.5 * normalize(normal).z;
  float light = 0.38 + 0.5 * head + 0.14 * sky;
#ifdef USE_COLOR_ALPHA
  vColour = vec4(color.rgb * light, color.a);
#else
  vColour = vec4(flatColour * light, 1.0);
#endif
  gl_Position = projectionMatrix * mvPosition;
  #include <clipping_planes_vertex>
}`;

const FRAGMENT = /* glsl */ `
#include <clipping_planes_pars_fragment>
varying vec4 vColour;
void main() {
  #include <clipping_planes_fragment>
  gl_FragColor = vColour;
  #include <colorspace_fragment>
}`;

export type ModelMaterialKind = 'opaque' | 'transparent' | 'highlight';

export function createModelMaterial(kind: ModelMaterialKind, highlight = 0x38c8ff): ShaderMaterial {
  const material = new ShaderMaterial({
    vertexShader: VERTEX,
    fragmentShader: FRAGMENT,
    uniforms: { flatColour: { value: new Color(highlight) } },
    vertexColors: kind !== 'highlight',
    side: DoubleSide,
    clipping: true,
  });
  if (kind === 'transparent') {
    material.transparent = true;
    material.depthWrite = false;
    // One pass: two (back faces, then front) would compile and draw twice for glazing that reads the same.
    material.forceSinglePass = true;
  }
  if (kind === 'highlight') {
    // Drawn over the element's own triangles: pulled towards the camera so that it wins the depth test.
    material.polygonOffset = true;
    material.polygonOffsetFactor = -1;
    material.polygonOffsetUnits = -2;
    material.depthFunc = LessEqualDepth;
  }
  return material;
}
