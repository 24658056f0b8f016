import type { Message } from '../app/i18n';
import type { LayerStatus, PickedFeature } from '../state';

/** What the store tells a layer view. `selectedKey` is the key of the picked feature when it is this layer's. */
export interface LayerViewProps {
  visible: boolean;
  opacity: number;
  selectedKey: string | null;
}

/** What a layer view tells its owner: load state changes. */
export type StatusListener = (status: LayerStatus, error?: Message) => void;

/**
 * A renderer for one catalogue layer (deck.gl-style lifecycle: created from a spec, updated with props,
 * disposed). Views own GPU objects only; visibility, opacity and status live in the layer store.
 */
export interface LayerView {
  readonly id: string;
  /** Starts loading; idempotent. */
  load(): void;
  update(props: LayerViewProps): void;
  flyTo(): void;
  /** The feature under a pick result, or null if the pick is not this layer's. */
  describePick(picked: unknown): PickedFeature | null;
  /** True once everything the current view needs is loaded. */
  isSettled(): boolean;
  dispose(): void;
}
