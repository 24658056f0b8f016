import type { CesiumWidget } from '@cesium/engine';
import type { LayerSpec } from '../gis/types';
import type { PickedFeature } from '../state';
import { layerLoadError } from './layerErrors';
import type { LayerView, LayerViewProps, StatusListener } from './LayerView';

/**
 * The load lifecycle every layer view shares: load once on first need, report loading → ready | error, drop a
 * resource that arrives after dispose, and turn any failure (fetch, parse, attach) into a message for the panel.
 */
export abstract class LoadingLayerView<Spec extends LayerSpec, Resource> implements LayerView {
  protected props: LayerViewProps = { visible: true, opacity: 1, selectedKey: null };
  protected failed = false;
  protected disposed = false;
  private started = false;

  constructor(
    protected readonly viewer: CesiumWidget,
    protected readonly spec: Spec,
    protected readonly url: string,
    protected readonly onStatus: StatusListener,
  ) {}

  get id(): string {
    return this.spec.id;
  }

  load(): void {
    if (this.started) return;
    this.started = true;
    this.onStatus('loading');
    this.fetch()
      .then(async (resource) => {
        if (this.disposed) this.discard(resource);
        else await this.attach(resource);
      })
      .catch((error: unknown) => {
        this.failed = true;
        // A scene torn down while this layer loaded has no panel state left to report to.
        if (!this.disposed) this.onStatus('error', layerLoadError(error, this.url));
      });
  }

  update(props: LayerViewProps): void {
    const previous = this.props;
    if (props.visible === previous.visible && props.opacity === previous.opacity && props.selectedKey === previous.selectedKey) return;
    this.props = props;
    this.applyProps(previous);
  }

  /** Starts loading the layer's resource from `url`. */
  protected abstract fetch(): Promise<Resource>;
  /** Adds the loaded resource to the scene; reports `ready` when it is. */
  protected abstract attach(resource: Resource): void | Promise<void>;
  /** Releases a resource that arrived after `dispose`. */
  protected abstract discard(resource: Resource): void;
  /** Brings the scene objects in line with `this.props`; `previous` tells what changed. */
  protected abstract applyProps(previous: LayerViewProps): void;

  abstract flyTo(): void;
  abstract describePick(picked: unknown): PickedFeature | null;
  abstract isSettled(): boolean;
  abstract dispose(): void;
}
