import { Cartesian2, Credit, ScreenSpaceEventHandler, ScreenSpaceEventType, type CesiumWidget } from '@cesium/engine';
import { useCursorStore, useLayerStore, useSelectionStore, useViewStore, type CameraPose } from '../state';
import type { LayerSpec } from '../gis/types';
import type { LayerState, PickedFeature } from '../state';
import { createLayerView } from './createLayerView';
import { groundPosition, homePose, poseOf, viewOf, VIETNAM_OVERVIEW } from './cameraPose';
import { bindBimScene, type BimScene } from './bim/bindBimScene';
import { bindViewpointCapture } from './bim/viewpointCapture';
import { districtLight } from './districtLight';
import { bindFloodScene } from './flood/bindFloodScene';
import { bindSensorScene } from './sensors/bindSensorScene';
import { installGlobalImageryFade } from './globalImageryFade';
import { installKeyboardCamera } from './keyboardCamera';
import type { LayerView } from './LayerView';

/** How long the opening flight into the district takes, seconds. */
const OPENING_FLIGHT_SECONDS = 3;
/** How many stacked objects a click looks through (a label over a roof over a road). */
const MAX_PICK_DEPTH = 6;

/**
 * Binds the stores to the Cesium viewer: commands flow down (store → scene), observations flow up (camera
 * pose, picks, cursor → store). The controller owns renderer objects only; all state stays in the stores.
 */
export class SceneController {
  private readonly views = new Map<string, LayerView>();
  /** The spec each view was made from: a layer replaced at run time (the as-built layer) gets a new view. */
  private readonly viewSpecs = new Map<string, LayerSpec>();
  private readonly cleanups: (() => void)[] = [];
  private openingFlightDone = false;
  private lastZoomSeq = 0;
  private pendingCursor: Cartesian2 | null = null;
  private bimScene: BimScene | null = null;

  constructor(
    readonly viewer: CesiumWidget,
    private readonly keyboardTarget: HTMLElement,
  ) {}

  start(): void {
    this.cleanups.push(useLayerStore.subscribe(() => this.syncLayers()));
    this.cleanups.push(useSelectionStore.subscribe(() => this.syncLayers()));
    this.cleanups.push(useViewStore.subscribe((s) => s.cameraRequest && this.applyCameraRequest(s.cameraRequest)));
    this.cleanups.push(installKeyboardCamera(this.keyboardTarget, this.viewer.scene, () => this.flyHome()));
    this.cleanups.push(this.viewer.camera.moveEnd.addEventListener(() => this.reportCamera()));
    this.cleanups.push(installGlobalImageryFade(this.viewer));
    this.cleanups.push(bindFloodScene(this.viewer));
    this.cleanups.push(bindSensorScene(this.viewer));
    const bimScene = (this.bimScene = bindBimScene(this.viewer));
    this.cleanups.push(() => bimScene.dispose());
    this.cleanups.push(bindViewpointCapture(this.viewer));
    this.describeCity();
    this.installPointer();
    this.markFirstFrame();
    this.syncLayers();
    // A pose asked for by a link, else the pose a previous scene settled on (the scene is re-created, e.g. by
    // React StrictMode in development), else the opening flight into the district.
    const { cameraRequest, camera } = useViewStore.getState();
    const pose = cameraRequest ?? camera;
    if (pose) this.applyCameraRequest(pose);
    else this.flyHome(true);
  }

  get isOpeningFlightDone(): boolean {
    return this.openingFlightDone;
  }

  /** The IFC models in the scene (null before `start`). */
  get bim(): BimScene | null {
    return this.bimScene;
  }

  /**
   * Every visible layer has loaded (or failed) what the current view needs, the scene has finished building
   * the entity geometry it draws (ground lines and polygons are built in Cesium's workers), and the IFC models
   * have drawn what they loaded.
   */
  get layersSettled(): boolean {
    const { dataSourceDisplay } = this.viewer;
    return (
      dataSourceDisplay.ready &&
      (this.bimScene?.settled ?? true) &&
      useLayerStore.getState().layers.every((l) => !l.visible || (this.views.get(l.spec.id)?.isSettled() ?? false))
    );
  }

  flyHome(fromOverview = false): void {
    const catalog = useLayerStore.getState().catalog;
    if (!catalog) return;
    const camera = this.viewer.camera;
    if (fromOverview) camera.setView(viewOf(VIETNAM_OVERVIEW));
    camera.flyTo({
      ...viewOf(homePose(catalog.extent)),
      duration: fromOverview ? OPENING_FLIGHT_SECONDS : 1.5,
      complete: () => (this.openingFlightDone = true),
      cancel: () => (this.openingFlightDone = true),
    });
  }

  private applyCameraRequest(pose: CameraPose): void {
    this.viewer.camera.setView(viewOf(pose));
    this.openingFlightDone = true;
    useViewStore.getState().requestCamera(null);
    this.viewer.scene.requestRender();
    this.reportCamera();
  }

  private reportCamera(): void {
    useViewStore.getState().setCamera(poseOf(this.viewer.camera));
  }

  private syncLayers(): void {
    const { layers, catalogUrl, zoomRequest } = useLayerStore.getState();
    const picked = useSelectionStore.getState().picked;
    for (const layer of layers) {
      const view = this.viewFor(layer, catalogUrl);
      if (layer.visible) view.load();
      view.update({ visible: layer.visible, opacity: layer.opacity, selectedKey: picked?.layerId === layer.spec.id ? picked.key : null });
    }
    if (zoomRequest && zoomRequest.seq !== this.lastZoomSeq) {
      this.lastZoomSeq = zoomRequest.seq;
      this.views.get(zoomRequest.layerId)?.flyTo();
    }
  }

  private viewFor(layer: LayerState, catalogUrl: string | null): LayerView {
    const existing = this.views.get(layer.spec.id);
    if (existing && this.viewSpecs.get(layer.spec.id) === layer.spec) return existing;
    existing?.dispose();
    this.viewSpecs.set(layer.spec.id, layer.spec);
    const url = new URL(layer.spec.url, catalogUrl ?? window.location.href).href;
    const id = layer.spec.id;
    const view = createLayerView(this.viewer, layer.spec, url, (status, error) => {
      useLayerStore.getState().setStatus(id, status, error);
      if (!this.viewer.isDestroyed()) this.viewer.scene.requestRender();
    });
    this.views.set(id, view);
    return view;
  }

  private installPointer(): void {
    const handler = new ScreenSpaceEventHandler(this.viewer.scene.canvas);
    handler.setInputAction((event: ScreenSpaceEventHandler.PositionedEvent) => this.pick(event.position), ScreenSpaceEventType.LEFT_CLICK);
    let scheduled = false;
    handler.setInputAction((event: ScreenSpaceEventHandler.MotionEvent) => {
      this.pendingCursor = Cartesian2.clone(event.endPosition, this.pendingCursor ?? undefined);
      if (scheduled) return;
      // One ellipsoid pick per animation frame: mouse events come faster than frames.
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        this.reportCursor();
      });
    }, ScreenSpaceEventType.MOUSE_MOVE);
    this.cleanups.push(() => handler.destroy());
  }

  private reportCursor(): void {
    const position = this.pendingCursor;
    if (!position) return;
    useCursorStore.getState().setPosition(groundPosition(this.viewer.camera.pickEllipsoid(position)));
  }

  /**
   * Selects what is under `position`: an IFC element (or the point of a placement by hand) first, else the
   * topmost object a layer can describe. Most clicks hit it directly; only when the top object is an annotation
   * (a label) does the click look through the stack below it.
   */
  pick(position: Cartesian2): void {
    const { scene } = this.viewer;
    const top = scene.pick(position);
    if (this.bimScene?.claimClick(top, position)) {
      useSelectionStore.getState().pick(null);
      return;
    }
    const feature = this.describe(top) ?? this.describeFirst(scene.drillPick(position, MAX_PICK_DEPTH));
    useSelectionStore.getState().pick(feature);
  }

  private describe(hit: unknown): PickedFeature | null {
    if (hit === undefined) return null;
    for (const view of this.views.values()) {
      const feature = view.describePick(hit);
      if (feature) return feature;
    }
    return null;
  }

  private describeFirst(hits: unknown[]): PickedFeature | null {
    for (const hit of hits) {
      const feature = this.describe(hit);
      if (feature) return feature;
    }
    return null;
  }

  /** Light for the district; the data's licences shown with every view of it (ODbL asks for this). */
  private describeCity(): void {
    const catalog = useLayerStore.getState().catalog;
    if (catalog) this.viewer.scene.light = districtLight(catalog.extent);
    const lines = [...(catalog?.attribution ?? []), '3D: CesiumJS (Apache-2.0)'];
    for (const line of lines) this.viewer.creditDisplay.addStaticCredit(new Credit(escapeHtml(line), true));
  }

  private markFirstFrame(): void {
    const remove = this.viewer.scene.postRender.addEventListener(() => {
      performance.mark('sao:first-frame');
      remove();
    });
  }

  dispose(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const view of this.views.values()) view.dispose();
    this.views.clear();
    this.viewSpecs.clear();
    this.viewer.destroy();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
