import {
  Cartesian3, Color, ColorGeometryInstanceAttribute, GeometryInstance, PerInstanceColorAppearance, PolygonGeometry,
  PolygonHierarchy, Primitive, ShowGeometryInstanceAttribute, type CesiumWidget,
} from '@cesium/engine';
import type { BuildingInfo } from '../../../workers/floodRun/protocol';

/** Flooded buildings: a translucent shell just outside and above each one, so the tileset's own colours stay. */
const FLOODED_COLOUR = Color.fromCssColorString('#e6550d').withAlpha(0.62);
/** How far the shell stands off the walls and above the roof (m): clear of z-fighting at street distances. */
const SHELL_OFFSET_M = 0.6;
const DEG = Math.PI / 180;

/**
 * A shell per building of the run, all in one primitive; `update` shows those the current frame floods. Built
 * once per run with the footprints the run worker sent (WGS 84 outer rings).
 */
export class FloodedBuildingsView {
  private readonly primitive: Primitive | null;
  private shown = new Set<number>();
  private ready = false;

  constructor(
    private readonly viewer: CesiumWidget,
    private readonly buildings: readonly BuildingInfo[],
  ) {
    const instances = buildings.flatMap((building, b) => {
      const ring = inflate(building.ring, SHELL_OFFSET_M);
      if (ring.length < 6) return [];
      return [new GeometryInstance({
        id: `flooded-building-${b}`,
        geometry: new PolygonGeometry({
          polygonHierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray(ring)),
          height: 0,
          extrudedHeight: Math.max(building.heightMeters, 3) + SHELL_OFFSET_M,
          vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
        }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(FLOODED_COLOUR), show: new ShowGeometryInstanceAttribute(false) },
      })];
    });
    this.primitive = instances.length === 0 ? null : new Primitive({
      geometryInstances: instances,
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      asynchronous: false,
      releaseGeometryInstances: false,
      allowPicking: false,
    });
    if (this.primitive) viewer.scene.primitives.add(this.primitive);
  }

  update(flooded: Uint16Array | null, visible: boolean): void {
    if (!this.primitive) return;
    this.primitive.show = visible;
    const next = new Set(flooded ?? []);
    // Instance attributes exist once the primitive has been drawn; until then, `ready` stays false and we retry.
    if (!this.ready) this.ready = this.primitive.ready;
    if (!this.ready) {
      const remove = this.viewer.scene.postRender.addEventListener(() => {
        remove();
        this.update(flooded, visible);
      });
      this.viewer.scene.requestRender();
      return;
    }
    this.buildings.forEach((_, b) => {
      if (next.has(b) === this.shown.has(b)) return;
      const attributes = this.primitive!.getGeometryInstanceAttributes(`flooded-building-${b}`);
      if (attributes) attributes.show = ShowGeometryInstanceAttribute.toValue(next.has(b), attributes.show);
    });
    this.shown = next;
    this.viewer.scene.requestRender();
  }

  dispose(): void {
    if (this.primitive) this.viewer.scene.primitives.remove(this.primitive);
  }
}

/** The ring pushed out by `meters` from its centroid (footprints are small: degrees scale linearly there). */
function inflate(ring: readonly number[], meters: number): number[] {
  const n = ring.length / 2;
  let [cx, cy] = [0, 0];
  for (let p = 0; p < n; p++) {
    cx += ring[2 * p]! / n;
    cy += ring[2 * p + 1]! / n;
  }
  const metresPerDegLat = 111_320;
  const metresPerDegLon = metresPerDegLat * Math.cos(cy * DEG);
  const out: number[] = [];
  for (let p = 0; p < n; p++) {
    const ex = (ring[2 * p]! - cx) * metresPerDegLon;
    const ny = (ring[2 * p + 1]! - cy) * metresPerDegLat;
    const r = Math.hypot(ex, ny) || 1;
    const scale = (r + meters) / r;
    out.push(cx + (ex * scale) / metresPerDegLon, cy + (ny * scale) / metresPerDegLat);
  }
  return out;
}
