import {
  Cartesian2, Cartesian3, Color, DistanceDisplayCondition, HorizontalOrigin, LabelCollection, LabelStyle, NearFarScalar,
  PointPrimitiveCollection, VerticalOrigin, type CesiumWidget, type Label, type PointPrimitive,
} from '@cesium/engine';
import type { SensorLook } from '../../sensors/ui/sensorState';

/** One sensor as drawn: where, its look, and its label text (name and value with unit). */
export interface SensorMarker {
  id: string;
  lon: number;
  lat: number;
  look: SensorLook;
  label: string;
}

/** Above the ground so the point is not hidden in flat demo terrain; depth test off, so buildings never hide it. */
const MARKER_HEIGHT_M = 2;
/** Labels show from street scale only, like the basemap's (src/scene/vectorStyle.ts). */
const LABEL_MAX_DISTANCE = 6000;
const LABEL_LINE_PX = 20;

const COLOURS: Record<string, Color> = {
  ok: Color.fromCssColorString('#7ee2a8'),
  stale: Color.fromCssColorString('#8a96a3'),
  waiting: Color.fromCssColorString('#c9d4e0'),
  routine: Color.fromCssColorString('#9cc9ff'),
  special: Color.fromCssColorString('#ffc845'),
  emergency: Color.fromCssColorString('#ff5a4f'),
};

const colourOf = (look: SensorLook): Color => COLOURS[look.level ?? look.state]!;

/**
 * Sensors on the map: a point coloured by state (ok / warning by rule level / stale grey) and a value label per
 * datastream, distance-limited. Primitives are created once per datastream and only their colour, text or
 * position change afterwards, so a batch of new values costs a few property writes, not a rebuild.
 */
export class SensorMarkersView {
  private readonly points: PointPrimitiveCollection;
  private readonly labels: LabelCollection;
  private readonly drawn = new Map<string, { point: PointPrimitive; label: Label; key: string }>();

  constructor(private readonly viewer: CesiumWidget) {
    this.points = viewer.scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
    this.labels = viewer.scene.primitives.add(new LabelCollection()) as LabelCollection;
  }

  /** Draws these markers (stacking labels of datastreams at the same place); returns whether anything changed. */
  update(markers: readonly SensorMarker[], visible: boolean): boolean {
    let changed = this.points.show !== visible;
    this.points.show = this.labels.show = visible;
    const seen = new Set<string>();
    const stacked = new Map<string, number>();
    for (const m of markers) {
      seen.add(m.id);
      const place = `${m.lon.toFixed(6)},${m.lat.toFixed(6)}`;
      const row = stacked.get(place) ?? 0;
      stacked.set(place, row + 1);
      const key = `${place}|${row}|${m.look.state}|${m.look.level}|${m.label}`;
      const existing = this.drawn.get(m.id);
      if (existing?.key === key) continue;
      changed = true;
      const position = Cartesian3.fromDegrees(m.lon, m.lat, MARKER_HEIGHT_M);
      const colour = colourOf(m.look);
      if (existing) {
        existing.point.position = position;
        existing.point.color = colour;
        existing.label.position = position;
        existing.label.text = m.label;
        existing.label.pixelOffset = new Cartesian2(0, -12 - row * LABEL_LINE_PX);
        existing.key = key;
        continue;
      }
      const point = this.points.add({
        id: m.id, position, color: colour, pixelSize: 14, outlineColor: Color.BLACK, outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
      const label = this.labels.add({
        id: m.id, position, text: m.label, font: '600 15px "Noto Sans", "Segoe UI", Roboto, sans-serif',
        fillColor: Color.WHITE, outlineColor: Color.BLACK, outlineWidth: 4, style: LabelStyle.FILL_AND_OUTLINE,
        horizontalOrigin: HorizontalOrigin.CENTER, verticalOrigin: VerticalOrigin.BOTTOM,
        pixelOffset: new Cartesian2(0, -12 - row * LABEL_LINE_PX),
        distanceDisplayCondition: new DistanceDisplayCondition(0, LABEL_MAX_DISTANCE),
        scaleByDistance: new NearFarScalar(200, 1.1, LABEL_MAX_DISTANCE, 0.8),
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
      this.drawn.set(m.id, { point, label, key });
    }
    for (const [id, { point, label }] of this.drawn) {
      if (seen.has(id)) continue;
      this.points.remove(point);
      this.labels.remove(label);
      this.drawn.delete(id);
      changed = true;
    }
    return changed;
  }

  dispose(): void {
    this.viewer.scene.primitives.remove(this.points);
    this.viewer.scene.primitives.remove(this.labels);
    this.drawn.clear();
  }
}
