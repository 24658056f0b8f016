import {
  BlendOption, Cartesian2, Cartesian3, Color, DistanceDisplayCondition, HorizontalOrigin, LabelCollection, LabelStyle, NearFarScalar,
  PointPrimitiveCollection, VerticalOrigin, type CesiumWidget, type Label, type PointPrimitive,
} from '@cesium/engine';
import type { SensorLook } from '../../sensors/ui/sensorState';

/** One sensor as drawn: where, its look, and its label text (the value with its unit). */
export interface SensorMarker {
  id: string;
  lon: number;
  lat: number;
  /** Identifies the place (`lon,lat`): labels of datastreams at one place stack. */
  place: string;
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
const labelOffset = (row: number) => new Cartesian2(0, -12 - row * LABEL_LINE_PX);

interface Drawn {
  point: PointPrimitive;
  label: Label;
  place: string;
  row: number;
  colour: Color;
  text: string;
}

/**
 * Sensors on the map: a point coloured by state (ok / warning by rule level / stale grey) and a value label per
 * datastream, distance-limited. Primitives are created once per datastream and only their colour, text or
 * position change afterwards (each only when it differs), so new values cost a few property writes, not a rebuild.
 */
export class SensorMarkersView {
  private readonly points: PointPrimitiveCollection;
  private readonly labels: LabelCollection;
  private readonly drawn = new Map<string, Drawn>();
  /** Characters already rasterised into the label atlas: a label with a new one needs a second render to show. */
  private readonly glyphs = new Set<string>();

  constructor(private readonly viewer: CesiumWidget) {
    // Every point colour is opaque: one opaque pass, no translucent (OIT) shader to compile and draw.
    this.points = viewer.scene.primitives.add(new PointPrimitiveCollection({ blendOption: BlendOption.OPAQUE })) as PointPrimitiveCollection;
    this.labels = viewer.scene.primitives.add(new LabelCollection()) as LabelCollection;
  }

  /**
   * Draws these markers (stacking the labels of datastreams at one place). Returns 'none' when nothing changed,
   * 'changed', or 'newGlyphs' when a label uses a character not drawn before (it shows one render later).
   */
  update(markers: readonly SensorMarker[], visible: boolean): 'none' | 'changed' | 'newGlyphs' {
    let changed = this.points.show !== visible;
    this.points.show = this.labels.show = visible;
    // Hidden (another workspace): nothing to keep up to date until shown again.
    if (!visible) return changed ? 'changed' : 'none';
    let newGlyphs = false;
    const seen = new Set<string>();
    const stacked = new Map<string, number>();
    for (const m of markers) {
      seen.add(m.id);
      const { place } = m;
      const row = stacked.get(place) ?? 0;
      stacked.set(place, row + 1);
      const colour = colourOf(m.look);
      for (let i = 0; i < m.label.length; i++) {
        const c = m.label[i]!;
        if (this.glyphs.has(c)) continue;
        this.glyphs.add(c);
        newGlyphs = true;
      }
      const drawn = this.drawn.get(m.id);
      if (!drawn) {
        this.drawn.set(m.id, this.add(m, place, row, colour));
        changed = true;
        continue;
      }
      // Only what changed is written: a new position or offset makes Cesium rewrite more than a new text does.
      if (drawn.place !== place || drawn.row !== row) {
        const position = Cartesian3.fromDegrees(m.lon, m.lat, MARKER_HEIGHT_M);
        drawn.point.position = position;
        drawn.label.position = position;
        drawn.label.pixelOffset = labelOffset(row);
        drawn.place = place;
        drawn.row = row;
        changed = true;
      }
      if (drawn.colour !== colour) {
        drawn.point.color = drawn.colour = colour;
        changed = true;
      }
      if (drawn.text !== m.label) {
        drawn.label.text = drawn.text = m.label;
        changed = true;
      }
    }
    for (const [id, { point, label }] of this.drawn) {
      if (seen.has(id)) continue;
      this.points.remove(point);
      this.labels.remove(label);
      this.drawn.delete(id);
      changed = true;
    }
    return newGlyphs ? 'newGlyphs' : changed ? 'changed' : 'none';
  }

  private add(m: SensorMarker, place: string, row: number, colour: Color): Drawn {
    const position = Cartesian3.fromDegrees(m.lon, m.lat, MARKER_HEIGHT_M);
    const point = this.points.add({
      id: m.id, position, color: colour, pixelSize: 14, outlineColor: Color.BLACK, outlineWidth: 2,
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    const label = this.labels.add({
      id: m.id, position, text: m.label, font: '600 15px "Noto Sans", "Segoe UI", Roboto, sans-serif',
      fillColor: Color.WHITE, outlineColor: Color.BLACK, outlineWidth: 4, style: LabelStyle.FILL_AND_OUTLINE,
      horizontalOrigin: HorizontalOrigin.CENTER, verticalOrigin: VerticalOrigin.BOTTOM, pixelOffset: labelOffset(row),
      distanceDisplayCondition: new DistanceDisplayCondition(0, LABEL_MAX_DISTANCE),
      scaleByDistance: new NearFarScalar(200, 1.1, LABEL_MAX_DISTANCE, 0.8),
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    return { point, label, place, row, colour, text: m.label };
  }

  dispose(): void {
    this.viewer.scene.primitives.remove(this.points);
    this.viewer.scene.primitives.remove(this.labels);
    this.drawn.clear();
  }
}
