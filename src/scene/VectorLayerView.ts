import { Entity, GeoJsonDataSource, JulianDate } from '@cesium/engine';
import type { VectorLayerSpec } from '../gis/types';
import type { PickedFeature } from '../state';
import type { LayerViewProps } from './LayerView';
import { LoadingLayerView } from './LoadingLayerView';
import { applyOpacity, styleEntity, type EntityBaseStyle } from './vectorStyle';

/** A GeoJSON layer draped on the ground (basemap, boundaries). */
export class VectorLayerView extends LoadingLayerView<VectorLayerSpec, GeoJsonDataSource> {
  private dataSource: GeoJsonDataSource | null = null;
  private readonly baseStyles = new Map<Entity, EntityBaseStyle>();

  protected fetch(): Promise<GeoJsonDataSource> {
    return GeoJsonDataSource.load(this.url, { clampToGround: true });
  }

  protected discard(): void {
    // A data source not yet added to the scene holds no GPU resources.
  }

  protected async attach(dataSource: GeoJsonDataSource): Promise<void> {
    const now = JulianDate.now();
    for (const entity of dataSource.entities.values) {
      this.baseStyles.set(entity, styleEntity(entity, this.spec.style, now));
    }
    await this.viewer.dataSources.add(dataSource);
    this.dataSource = dataSource;
    this.applyProps();
    this.onStatus('ready');
  }

  protected applyProps(previous?: LayerViewProps): void {
    const dataSource = this.dataSource;
    if (!dataSource) return;
    dataSource.show = this.props.visible;
    if (previous?.opacity !== this.props.opacity) {
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
    return this.failed || this.dataSource !== null || !this.props.visible;
  }

  dispose(): void {
    this.disposed = true;
    if (this.dataSource) this.viewer.dataSources.remove(this.dataSource, true);
    this.dataSource = null;
    this.baseStyles.clear();
  }
}
