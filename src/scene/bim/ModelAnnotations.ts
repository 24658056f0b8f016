import {
  Cartesian2, Cartesian3, Color, DistanceDisplayCondition, HorizontalOrigin, LabelCollection, LabelStyle, Material,
  NearFarScalar, PolylineCollection, VerticalOrigin, type Label, type Scene,
} from '@cesium/engine';
import { translate, type Lang } from '../../app/i18n';

/**
 * Model labels look like the city's place names (src/scene/vectorStyle.ts) — and share their shader programs:
 * a label with other options (a background, no distance scaling) costs Chromium's software renderer seconds of
 * compiling while the model loads.
 */
export const LABEL_OPTIONS = {
  font: '600 15px "Noto Sans", "Segoe UI", Roboto, sans-serif',
  style: LabelStyle.FILL_AND_OUTLINE,
  outlineWidth: 4,
  outlineColor: Color.fromCssColorString('#10151c'),
  horizontalOrigin: HorizontalOrigin.CENTER,
  verticalOrigin: VerticalOrigin.BOTTOM,
  pixelOffset: new Cartesian2(0, -8),
  distanceDisplayCondition: new DistanceDisplayCondition(0, 50_000),
  scaleByDistance: new NearFarScalar(200, 1.1, 50_000, 0.8),
  disableDepthTestDistance: Number.POSITIVE_INFINITY,
};
const UNVERIFIED_COLOUR = Color.fromCssColorString('#ffd27a');
const PARCEL_COLOUR = Color.fromCssColorString('#ffc845');
/** The parcel outline stands this far above the ground (the ellipsoid) so the draped basemap does not hide it. */
const PARCEL_HEIGHT_M = 0.3;

/** What a model's label says and where it stands. */
export interface ModelLabel {
  fileName: string;
  unverified: boolean;
  /** ECEF, over the top of the drawn model. */
  position: Cartesian3;
}

/**
 * What the scene writes beside the IFC models: a label over each naming it — with *unverified placement* when the
 * placement says so — and the outline of the parcel a submission stands on. Both `sync` methods return whether
 * anything drawn changed.
 */
export class ModelAnnotations {
  private readonly labels = new Map<string, Label>();
  private readonly labelCollection: LabelCollection;
  private readonly parcels: PolylineCollection;
  private parcelsKey = '';

  constructor(private readonly scene: Scene) {
    this.labelCollection = scene.primitives.add(new LabelCollection({ scene })) as LabelCollection;
    this.parcels = scene.primitives.add(new PolylineCollection()) as PolylineCollection;
  }

  syncLabels(models: ReadonlyMap<string, ModelLabel>, lang: Lang, visible: boolean): boolean {
    let changed = false;
    for (const [id, label] of this.labels) {
      if (models.has(id)) continue;
      this.labelCollection.remove(label);
      this.labels.delete(id);
      changed = true;
    }
    for (const [id, model] of models) {
      let label = this.labels.get(id);
      if (!label) {
        label = this.labelCollection.add({ ...LABEL_OPTIONS, position: model.position });
        this.labels.set(id, label);
      }
      const text = model.unverified ? `${model.fileName}\n⚠ ${translate(lang, 'bim.unverified')}` : model.fileName;
      if (Cartesian3.equals(label.position, model.position) && label.text === text && label.show === visible) continue;
      label.position = model.position;
      label.text = text;
      label.fillColor = model.unverified ? UNVERIFIED_COLOUR : Color.WHITE;
      label.show = visible;
      changed = true;
    }
    return changed;
  }

  /** Parcels as WGS 84 rings, by submission id. */
  syncParcels(parcels: ReadonlyMap<string, readonly [number, number][]>, visible: boolean): boolean {
    const key = `${visible}|${[...parcels.keys()].join()}`;
    if (key === this.parcelsKey) return false;
    this.parcelsKey = key;
    this.parcels.removeAll();
    if (!visible) return true;
    for (const ring of parcels.values()) {
      this.parcels.add({
        positions: Cartesian3.fromDegreesArrayHeights(ring.flatMap(([lon, lat]) => [lon, lat, PARCEL_HEIGHT_M])),
        width: 3,
        material: Material.fromType('Color', { color: PARCEL_COLOUR }),
      });
    }
    return true;
  }

  destroy(): void {
    this.scene.primitives.remove(this.labelCollection);
    this.scene.primitives.remove(this.parcels);
  }
}
