import { Cesium3DTileColorBlendMode, Cesium3DTileFeature, Cesium3DTileset, Cesium3DTileStyle } from '@cesium/engine';
import type { TilesetLayerSpec } from '../gis/types';
import type { FeatureAttribute, PickedFeature } from '../state';
import { LoadingLayerView } from './LoadingLayerView';

const BUILDING_COLOR = '#dcd5c6';
const SELECTED_COLOR = '#f2a900';
/** The metadata property that identifies a city building (EXT_structural_metadata class `building`). */
const DEFAULT_KEY_PROPERTY = 'osmId';

/** An OGC 3D Tiles tileset (the city's buildings) with per-feature metadata. */
export class TilesetLayerView extends LoadingLayerView<TilesetLayerSpec, Cesium3DTileset> {
  private tileset: Cesium3DTileset | null = null;

  private get keyProperty(): string {
    return this.spec.featureKey ?? DEFAULT_KEY_PROPERTY;
  }

  protected fetch(): Promise<Cesium3DTileset> {
    return Cesium3DTileset.fromUrl(this.url, { maximumScreenSpaceError: 8 });
  }

  protected discard(tileset: Cesium3DTileset): void {
    tileset.destroy();
  }

  protected attach(tileset: Cesium3DTileset): void {
    this.tileset = tileset;
    tileset.tileFailed.addEventListener((failure: { url: string; message: string }) => {
      this.failed = true;
      this.onStatus('error', { key: 'error.layer.tile', params: { url: failure.url, detail: failure.message } });
    });
    tileset.allTilesLoaded.addEventListener(() => {
      if (this.failed) return;
      if (performance.getEntriesByName('sao:tiles-loaded').length === 0) performance.mark('sao:tiles-loaded');
      this.onStatus('ready');
    });
    // White leaves a feature's own colours alone; the selection colour then replaces them (a multiply would vanish on glass).
    if (this.spec.materialColours) tileset.colorBlendMode = Cesium3DTileColorBlendMode.REPLACE;
    this.viewer.scene.primitives.add(tileset);
    this.applyProps();
  }

  protected applyProps(): void {
    const tileset = this.tileset;
    if (!tileset) return;
    const { visible, opacity, selectedKey } = this.props;
    tileset.show = visible;
    const conditions: [string, string][] = [];
    if (selectedKey !== null) conditions.push([`\${${this.keyProperty}} === ${JSON.stringify(selectedKey)}`, `color('${SELECTED_COLOR}', 1)`]);
    conditions.push(['true', `color('${this.spec.materialColours ? 'white' : BUILDING_COLOR}', ${opacity})`]);
    tileset.style = new Cesium3DTileStyle({ color: { conditions } });
    this.viewer.scene.requestRender();
  }

  flyTo(): void {
    if (this.tileset) void this.viewer.flyTo(this.tileset, { duration: 1.5 });
  }

  describePick(picked: unknown): PickedFeature | null {
    if (!(picked instanceof Cesium3DTileFeature) || picked.tileset !== this.tileset) return null;
    const attributes: FeatureAttribute[] = picked.getPropertyIds().map((name) => ({
      name,
      value: toAttributeValue(picked.getProperty(name)),
    }));
    const key = picked.getProperty(this.keyProperty);
    return { layerId: this.id, key: key === undefined ? null : String(key), attributes };
  }

  isSettled(): boolean {
    return this.failed || !this.props.visible || (this.tileset?.tilesLoaded ?? false);
  }

  dispose(): void {
    this.disposed = true;
    if (this.tileset) this.viewer.scene.primitives.remove(this.tileset);
    this.tileset = null;
  }
}

function toAttributeValue(value: unknown): string | number | boolean {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toFixed(2));
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return value === undefined || value === null ? '' : String(value);
}
