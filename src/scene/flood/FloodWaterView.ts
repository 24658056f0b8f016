import {
  BoundingSphere, Cartesian3, Color, ComponentDatatype, Ellipsoid, Geometry, GeometryAttribute, GeometryInstance, Material,
  MaterialAppearance, Primitive, PrimitiveType, type CesiumWidget,
} from '@cesium/engine';
import type { Grid } from '../../sim/flood/types';
import { paintDepth } from './depthColours';
import { gridMesh } from './gridGeoreference';

/** Height of the water sheet above the ground the scene stands on (the ellipsoid): above the draped basemap. */
const WATER_HEIGHT_M = 0.4;

export interface WaterProps {
  depth: Float32Array | null;
  visible: boolean;
  /** 0..1 */
  opacity: number;
}

/**
 * The animated water surface of a flood run: one translucent mesh on the model grid's true geometry
 * (gridGeoreference.ts), textured with the depth classes of the current frame. Frames swap between two canvases,
 * which is what makes Cesium's Image material upload the new texels.
 */
export class FloodWaterView {
  private readonly primitive: Primitive;
  private readonly material: Material;
  private readonly canvases: [HTMLCanvasElement, HTMLCanvasElement];
  private readonly image: ImageData;
  private front = 0;
  private props: WaterProps = { depth: null, visible: true, opacity: 1 };

  constructor(
    private readonly viewer: CesiumWidget,
    readonly grid: Grid,
  ) {
    this.canvases = [document.createElement('canvas'), document.createElement('canvas')];
    for (const canvas of this.canvases) {
      canvas.width = grid.nx;
      canvas.height = grid.ny;
    }
    this.image = new ImageData(grid.nx, grid.ny);
    // Invisible (alpha 0) until the first frame's texture is on the GPU: before that the material samples its
    // default texture, an opaque white.
    this.material = new Material({ fabric: { type: 'Image', uniforms: { image: this.canvases[0], color: new Color(1, 1, 1, 0) } }, translucent: true });
    this.primitive = new Primitive({
      geometryInstances: new GeometryInstance({ geometry: waterGeometry(grid) }),
      appearance: new MaterialAppearance({
        material: this.material,
        translucent: true,
        flat: true,
        faceForward: true,
        materialSupport: MaterialAppearance.MaterialSupport.TEXTURED,
      }),
      asynchronous: false,
      allowPicking: false,
    });
    viewer.scene.primitives.add(this.primitive);
  }

  update(props: WaterProps): void {
    const changed = props.depth !== this.props.depth || props.opacity !== this.props.opacity;
    this.props = props;
    this.primitive.show = props.visible && props.depth !== null;
    if (changed && props.depth) {
      paintDepth(props.depth, Math.round(255 * props.opacity), this.image.data);
      this.front = 1 - this.front;
      const canvas = this.canvases[this.front]!;
      canvas.getContext('2d')!.putImageData(this.image, 0, 0);
      this.material.uniforms.image = canvas;
      this.renderUntilUploaded();
    }
    this.viewer.scene.requestRender();
  }

  /**
   * A new canvas reaches the GPU two frames after it is assigned (Material queues it in the first, uploads it in
   * the second). The scene renders on request only, so ask for those frames, then show the water.
   */
  private renderUntilUploaded(): void {
    const scene = this.viewer.scene;
    let frames = 0;
    const remove = scene.postRender.addEventListener(() => {
      frames++;
      if (frames < 3) {
        scene.requestRender();
        return;
      }
      remove();
      (this.material.uniforms.color as Color).alpha = 1;
      scene.requestRender();
    });
  }

  dispose(): void {
    this.viewer.scene.primitives.remove(this.primitive);
  }
}

function waterGeometry(grid: Grid): Geometry {
  const mesh = gridMesh(grid);
  const count = mesh.lonLat.length / 2;
  const positions = new Float64Array(count * 3);
  const normals = new Float32Array(count * 3);
  const point = new Cartesian3();
  const normal = new Cartesian3();
  for (let v = 0; v < count; v++) {
    Cartesian3.fromDegrees(mesh.lonLat[2 * v]!, mesh.lonLat[2 * v + 1]!, WATER_HEIGHT_M, Ellipsoid.WGS84, point);
    Ellipsoid.WGS84.geodeticSurfaceNormal(point, normal);
    positions.set([point.x, point.y, point.z], 3 * v);
    normals.set([normal.x, normal.y, normal.z], 3 * v);
  }
  return new Geometry({
    attributes: {
      position: new GeometryAttribute({ componentDatatype: ComponentDatatype.DOUBLE, componentsPerAttribute: 3, values: positions }),
      normal: new GeometryAttribute({ componentDatatype: ComponentDatatype.FLOAT, componentsPerAttribute: 3, values: normals }),
      st: new GeometryAttribute({ componentDatatype: ComponentDatatype.FLOAT, componentsPerAttribute: 2, values: mesh.st }),
    } as unknown as ConstructorParameters<typeof Geometry>[0]['attributes'],
    indices: mesh.indices,
    primitiveType: PrimitiveType.TRIANGLES,
    boundingSphere: BoundingSphere.fromVertices(Array.from(positions)),
  });
}
