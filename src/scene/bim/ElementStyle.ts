import {
  Cartesian2, Cartesian3, CustomShader, CustomShaderMode, PixelFormat, TextureMagnificationFilter,
  TextureMinificationFilter, TextureUniform, UniformType,
} from '@cesium/engine';

/** How an element is drawn: the flag stored per feature id in the shader's texture (red channel). */
const HIDDEN = 0;
const SELECTED = 128;
const SHOWN = 255;
/** Flags texture rows are this wide, so a glb with many elements still fits every GPU's texture size limit. */
const ROW = 2048;
/** The selection colour (the app's accent, linear RGB) and how much of it covers the element. */
const HIGHLIGHT = new Cartesian3(1.0, 0.578, 0.041);
const HIGHLIGHT_MIX = 0.7;

/**
 * Hides and highlights single elements of one glb of an IFC model, the way CesiumJS styles 3D Tiles features: a
 * small texture holds one flag per feature id (hidden / selected / shown) and a custom shader reads it. Changing
 * the selection or the hidden set re-uploads a texture of a few kilobytes; no geometry is touched.
 */
export class ElementStyle {
  readonly shader: CustomShader;
  private readonly width: number;
  private readonly height: number;
  private readonly flags: Uint8Array;

  constructor(private readonly featureExpressIds: Uint32Array) {
    this.width = Math.max(1, Math.min(ROW, featureExpressIds.length));
    this.height = Math.max(1, Math.ceil(featureExpressIds.length / ROW));
    this.flags = new Uint8Array(4 * this.width * this.height).fill(SHOWN);
    this.shader = new CustomShader({
      mode: CustomShaderMode.MODIFY_MATERIAL,
      uniforms: {
        u_flags: { type: UniformType.SAMPLER_2D, value: this.texture() },
        u_flagsSize: { type: UniformType.VEC2, value: new Cartesian2(this.width, this.height) },
        u_highlight: { type: UniformType.VEC3, value: HIGHLIGHT },
      },
      fragmentShaderText: `
        void fragmentMain(FragmentInput fsInput, inout czm_modelMaterial material) {
          float id = float(fsInput.featureIds.featureId_0);
          vec2 texel = vec2(mod(id, u_flagsSize.x), floor(id / u_flagsSize.x)) + 0.5;
          float flag = texture(u_flags, texel / u_flagsSize).r;
          if (flag < 0.25) discard;
          if (flag < 0.75) material.diffuse = mix(material.diffuse, u_highlight, ${HIGHLIGHT_MIX});
        }`,
    });
  }

  /** Applies the shared view state; returns whether any flag changed (and the texture was re-uploaded). */
  update(selected: number | null, hidden: ReadonlySet<number>, isolated: ReadonlySet<number> | null): boolean {
    let changed = false;
    const ids = this.featureExpressIds;
    for (let feature = 0; feature < ids.length; feature++) {
      const id = ids[feature]!;
      const flag = hidden.has(id) || (isolated !== null && !isolated.has(id)) ? HIDDEN : id === selected ? SELECTED : SHOWN;
      if (this.flags[4 * feature] === flag) continue;
      this.flags[4 * feature] = flag;
      changed = true;
    }
    if (changed) this.shader.setUniform('u_flags', this.texture());
    return changed;
  }

  destroy(): void {
    this.shader.destroy();
  }

  private texture(): TextureUniform {
    return new TextureUniform({
      typedArray: this.flags.slice(),
      width: this.width,
      height: this.height,
      pixelFormat: PixelFormat.RGBA,
      repeat: false,
      minificationFilter: TextureMinificationFilter.NEAREST,
      magnificationFilter: TextureMagnificationFilter.NEAREST,
    });
  }
}
