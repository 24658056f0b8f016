import { Entity, GeoJsonDataSource, JulianDate, type CesiumWidget } from '@cesium/engine';
import type { VectorLayerSpec } from '../gis/types';
import type { PickedFeature } from '../state';
import { layerLoadError } from './layerErrors';
import type { LayerView, LayerViewProps, StatusListener } from './LayerView';
import { applyOpacity, styleEntity, type EntityBaseStyle } from './vectorStyle';

/** A GeoJSON layer draped on the ground (basemap, boundaries). */
export class VectorLayerView implements LayerView {
  private dataSource: GeoJsonDataSource | null = null;
  private readonly baseStyles = new Map<Entity, EntityBaseStyle>();
  private started = false;
  private settled = false;
  private disposed = false;
  private props = { visible: true, opacity: 1 };

  constructor(
    private readonly viewer: CesiumWidget,
    private readonly spec: VectorLayerSpec,
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
    GeoJsonDataSource.load(this.url, { clampToGround: true })
      .then((dataSource) => this.attach(dataSource))
      .catch((error: unknown) => {
        this.settled = true;
        this.onStatus('error', layerLoadError(error, this.url));
      });
  }

  private async attach(dataSource: GeoJsonDataSource): Promise<void> {
    if (this.disposed) return;
    const now = JulianDate.now();
    for (const entity of dataSource.entities.values) {
      this.baseStyles.set(entity, styleEntity(entity, this.spec.style, now));
    }
    this.dataSource = dataSource;
    await this.viewer.dataSources.add(dataSource);
    this.applyProps();
    this.settled = true;
    this.onStatus('ready');
  }

  update(props: LayerViewProps): void {
    if (props.visible === this.props.visible && props.opacity === this.props.opacity) return;
    const opacityChanged = props.opacity !== this.props.opacity;
    this.props = { visible: props.visible, opacity: props.opacity };
    this.applyProps(opacityChanged);
  }

  private applyProps(restyle = true): void {
    const dataSource = this.dataSource;
    if (!dataSource) return;
    dataSource.show = this.props.visible;
    if (restyle) {
      for (const [entity, base] of this.baseStyles) applyOpacity(entity, base, this.props.opacity);
    }
    this.viewer.scene.requestRender();
  }

  flyTo(): void {
    if (this.dataSource) void this.viewer.flyTo(this.dataSource, { duration: 1.5 });
  }

  describePick(picked: unknown): PickedFeature | null {
    const entity = (picked as { id?: unknown } | undefined)?.id;
    if (!(entity instanceof Entity) || !this.dataSource?.entities.contains(entity)) return null;
    // A label annotates something else: a click on it means the building or road it names, found below it.
    if (entity.label && !entity.polygon && !entity.polyline) return null;
    const now = JulianDate.now();
    const bag = entity.properties;
    const attributes = (bag?.propertyNames ?? []).map((name) => {
      const value: unknown = bag?.[name]?.getValue(now);
      return { name, value: typeof value === 'number' || typeof value === 'boolean' ? value : String(value ?? '') };
    });
    return { layerId: this.id, key: entity.id, attributes };
  }

  isSettled(): boolean {
    return this.settled || !this.props.visible;
  }

  dispose(): void {
    this.disposed = true;
    if (this.dataSource) this.viewer.dataSources.remove(this.dataSource, true);
    this.dataSource = null;
    this.baseStyles.clear();
  }
}
