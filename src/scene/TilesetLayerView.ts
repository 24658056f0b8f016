import { Cesium3DTileFeature, Cesium3DTileset, Cesium3DTileStyle, type CesiumWidget } from '@cesium/engine';
import type { TilesetLayerSpec } from '../gis/types';
import type { FeatureAttribute, PickedFeature } from '../state';
import { layerLoadError } from './layerErrors';
import type { LayerView, LayerViewProps, StatusListener } from './LayerView';

const BUILDING_COLOR = '#dcd5c6';
const SELECTED_COLOR = '#f2a900';
/** The metadata property that identifies a feature for highlighting (EXT_structural_metadata class `building`). */
const KEY_PROPERTY = 'osmId';

/** An OGC 3D Tiles tileset (the city's buildings) with per-feature metadata. */
export class TilesetLayerView implements LayerView {
  private tileset: Cesium3DTileset | null = null;
  private started = false;
  private failed = false;
  private disposed = false;
  private props: LayerViewProps = { visible: true, opacity: 1, selectedKey: null };

  constructor(
    private readonly viewer: CesiumWidget,
    private readonly spec: TilesetLayerSpec,
    private readonly url: string,
    private readonly onStatus: StatusListener,
  ) {}

  get id(): string {
    return this.spec.id;
  }

  load(): void {
    if (this.started) return;
    this.started = true;
    this.onStatus('loading');
    Cesium3DTileset.fromUrl(this.url, { maximumScreenSpaceError: 8 })
      .then((tileset) => this.attach(tileset))
      .catch((error: unknown) => {
        this.failed = true;
        this.onStatus('error', layerLoadError(error, this.url));
      });
  }

  private attach(tileset: Cesium3DTileset): void {
    if (this.disposed) {
      tileset.destroy();
      return;
    }
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
    this.viewer.scene.primitives.add(tileset);
    this.applyProps();
  }

  update(props: LayerViewProps): void {
    if (props.visible === this.props.visible && props.opacity === this.props.opacity && props.selectedKey === this.props.selectedKey) return;
    this.props = props;
    this.applyProps();
  }

  private applyProps(): void {
    const tileset = this.tileset;
    if (!tileset) return;
    const { visible, opacity, selectedKey } = this.props;
    tileset.show = visible;
    const base = `color('${BUILDING_COLOR}', ${opacity})`;
    const conditions: [string, string][] = [];
    if (selectedKey !== null) conditions.push([`\${${KEY_PROPERTY}} === ${JSON.stringify(selectedKey)}`, `color('${SELECTED_COLOR}', 1)`]);
    conditions.push(['true', base]);
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
    const key = picked.getProperty(KEY_PROPERTY);
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
