import {
  Cartesian2, Cartesian3, Cartographic, HeadingPitchRange, Math as CesiumMath, SceneTransforms, type CesiumWidget,
} from '@cesium/engine';
import { useBimViewStore } from '../../bim/ui/bimViewStore';
import { ifcModels } from '../../bim/modelRegistry';
import { useBimStore, useLayerStore, useViewStore } from '../../state';
import { AS_BUILT_LAYER_ID } from '../../bim/asbuilt/asBuiltLayerSpec';
import { BimModelView } from './BimModelView';
import { GlbBuilder } from './glbBuilder';
import { ModelAnnotations, type ModelLabel } from './ModelAnnotations';
import { PlanOverlay } from './PlanOverlay';
import { shownPlanReport, usePlanOverlayStore } from '../../bim/review/ui/plan/planOverlayStore';
import { useReviewStore } from '../../state/reviewStore';
import { ShaderWarmUp } from './ShaderWarmUp';

/** Where the scene's IFC models can be clicked, for tests: a window point and the element it selects. */
export interface ElementOnScreen {
  x: number;
  y: number;
  expressId: number;
}

export interface BimScene {
  /**
   * Offers a click to the IFC views before the city's layers: the point of a placement by hand, or an element
   * of a model (selected in `bimStore`). Returns whether the click was used.
   */
  claimClick(hit: unknown, position: Cartesian2): boolean;
  /** No model is loading and every chunk counted in the store is drawn. */
  readonly settled: boolean;
  /** When (performance.now()) the model had loaded and every chunk of it was drawn; null until then. */
  drawnAt(modelId: string): number | null;
  elementOnScreen(modelId: string): ElementOnScreen | null;
  dispose(): void;
}

/** Flights end this many bounding radii from the model, looking down at 35°. */
const FLIGHT_RANGE_RADII = 2.6;
const FLIGHT_PITCH = CesiumMath.toRadians(-35);
/**
 * A flight to one element (a door, a wall) stops no closer than this: the building around it stays in view, and
 * the camera stays outside a house's roof when the element is inside (the inspector's sections show those).
 */
const ELEMENT_FLIGHT_MIN_RANGE = 25;
/** Screen probes per axis when looking for a clickable element (tests). */
const PROBES = 9;

/**
 * Draws the open IFC models in the city (Thẩm định BIM only): one `BimModelView` per model, their labels and the
 * parcel of a submission (`ModelAnnotations`), the active submission's plan check (`PlanOverlay`), a flight to each model once it has loaded, and clicks that pick
 * elements or place a model by hand. Reads `bimStore` and the
 * panels' `bimViewStore`; writes back only what the scene observes (a selection, a clicked point).
 */
export function bindBimScene(viewer: CesiumWidget): BimScene {
  const { scene } = viewer;
  const views = new Map<string, BimModelView>();
  const flown = new Set<string>();
  const drawnAt = new Map<string, number>();
  const warmUp = new ShaderWarmUp(viewer);
  const builder = new GlbBuilder();
  const annotations = new ModelAnnotations(scene);
  const planOverlay = new PlanOverlay(scene);
  let lastFlySeq = 0;

  const sync = (): void => {
    if (viewer.isDestroyed()) return;
    const bim = useBimStore.getState();
    const { lang, workspace } = useViewStore.getState();
    const visible = workspace === 'bim';
    if (visible) warmUp.start();
    const inCity = drawnAsTiles();
    let changed = false;
    for (const [id, view] of views) {
      if (bim.models[id]) continue;
      changed = true;
      view.destroy();
      views.delete(id);
      flown.delete(id);
      drawnAt.delete(id);
    }
    for (const model of Object.values(bim.models)) {
      const loaded = ifcModels.get(model.id);
      if (!loaded?.header) continue;
      let view = views.get(model.id);
      if (!view) views.set(model.id, (view = new BimModelView(viewer, builder, sync)));
      const active = bim.activeModelId === model.id;
      changed = view.sync({
        chunks: loaded.chunks.slice(0, model.chunkCount),
        loading: model.status === 'loading',
        geometryOffset: loaded.header.geometryOffset,
        projectToEcef: model.placement?.projectToEcef ?? null,
        visible: visible && !inCity.has(model.id),
        selected: active ? bim.selectedElementId : null,
        hidden: active ? bim.hiddenElementIds : EMPTY,
        isolated: active ? bim.isolatedElementIds : null,
      }) || changed;
    }
    changed = annotations.syncLabels(labelsOf(bim.models), lang, visible) || changed;
    const parcels = new Map(Object.entries(useBimViewStore.getState().submissions).map(([id, s]) => [id, s.parcel.wgs84]));
    changed = annotations.syncParcels(parcels, visible) || changed;
    changed = planOverlay.sync(visible ? shownPlanReport() : null, lang) || changed;
    flyWhenLoaded();
    proposePlacingPoint();
    // Progress reports come many times a second: a frame only when something drawn changed (SwiftShader draws
    // the city in about 100 ms, all of it main-thread time the planner would feel).
    if (changed) scene.requestRender();
  };

  /**
   * Open models whose submission already stands in the shown as-built layer: the tiles are the building now (it
   * picks like any other), and drawing the model in the same place as well would flicker.
   */
  const drawnAsTiles = (): Set<string> => {
    const layer = useLayerStore.getState().layers.find((l) => l.spec.id === AS_BUILT_LAYER_ID);
    if (!layer?.visible || layer.status !== 'ready') return new Set();
    const { submissions, modelOfSubmission } = useReviewStore.getState();
    return new Set(Object.entries(modelOfSubmission).filter(([id]) => submissions[id]?.asBuilt).map(([, modelId]) => modelId));
  };

  const labelsOf = (models: ReturnType<typeof useBimStore.getState>['models']): Map<string, ModelLabel> => {
    const labels = new Map<string, ModelLabel>();
    for (const [id, view] of views) {
      const model = models[id];
      const position = view.topCentre();
      if (model && position) labels.set(id, { fileName: model.fileName, unverified: model.placement?.trust === 'unverified', position });
    }
    return labels;
  };

  /** To the model, or to one of its elements (the whole model when the element has no geometry). */
  const flyTo = (id: string, expressId: number | null = null): void => {
    const view = views.get(id);
    const element = expressId === null ? null : view?.elementBoundingSphere(expressId);
    const sphere = element ?? view?.boundingSphere();
    if (!sphere) return;
    flown.add(id);
    viewer.camera.flyToBoundingSphere(sphere, {
      offset: new HeadingPitchRange(0, FLIGHT_PITCH, Math.max(element ? ELEMENT_FLIGHT_MIN_RANGE : 60, sphere.radius * FLIGHT_RANGE_RADII)),
      duration: 2,
    });
  };

  /** Each model once, when it has loaded and stands where its file (or the lack of one) puts it. */
  const flyWhenLoaded = (): void => {
    const { models } = useBimStore.getState();
    for (const [id, view] of views) {
      const model = models[id];
      if (flown.has(id) || !model || model.status !== 'ready' || !model.placement || !view.settled) continue;
      drawnAt.set(id, performance.now());
      if (model.placement.source === 'manual') flown.add(id);
      else flyTo(id);
    }
    const request = useBimViewStore.getState().flyRequest;
    if (request && request.seq !== lastFlySeq) {
      lastFlySeq = request.seq;
      flyTo(request.modelId, request.expressId);
    }
  };

  /** A placement by hand starts at the centre of the view, so a keyboard user sees the model at once. */
  const proposePlacingPoint = (): void => {
    const placing = useBimViewStore.getState().placing;
    if (!placing || placing.lon !== null) return;
    const centre = viewer.camera.pickEllipsoid(new Cartesian2(scene.canvas.clientWidth / 2, scene.canvas.clientHeight / 2));
    if (!centre) return;
    const { longitude, latitude } = Cartographic.fromCartesian(centre);
    useBimViewStore.getState().editPlacing({ lon: CesiumMath.toDegrees(longitude), lat: CesiumMath.toDegrees(latitude) });
  };

  const claimClick = (hit: unknown, position: Cartesian2): boolean => {
    if (useViewStore.getState().workspace !== 'bim') return false;
    const placing = useBimViewStore.getState().placing;
    if (placing?.awaitingClick) {
      const ground = viewer.camera.pickEllipsoid(position);
      if (!ground) return true;
      const { longitude, latitude } = Cartographic.fromCartesian(ground);
      useBimViewStore.getState().editPlacing({ lon: CesiumMath.toDegrees(longitude), lat: CesiumMath.toDegrees(latitude), awaitingClick: false });
      return true;
    }
    const bim = useBimStore.getState();
    for (const [id, view] of views) {
      const expressId = view.elementOf(hit);
      if (expressId === null) continue;
      if (bim.activeModelId !== id) bim.setActiveModel(id);
      useBimStore.getState().select(expressId);
      return true;
    }
    if (bim.selectedElementId !== null) bim.select(null);
    return false;
  };

  const elementOnScreen = (modelId: string): ElementOnScreen | null => {
    const view = views.get(modelId);
    const sphere = view?.boundingSphere();
    if (!view || !sphere) return null;
    const centre = SceneTransforms.worldToWindowCoordinates(scene, sphere.center);
    if (!centre) return null;
    // The sphere's screen radius, from a point one radius away along the camera's right vector.
    const edgePoint = Cartesian3.add(sphere.center, Cartesian3.multiplyByScalar(viewer.camera.rightWC, sphere.radius, new Cartesian3()), new Cartesian3());
    const edge = SceneTransforms.worldToWindowCoordinates(scene, edgePoint);
    const radius = edge ? Cartesian2.distance(centre, edge) : 50;
    const rect = scene.canvas.getBoundingClientRect();
    // Probe from the centre outwards: the first point whose pick is an element of this model.
    const offsets = Array.from({ length: PROBES }, (_, i) => ((i + 1) >> 1) * (i % 2 ? 1 : -1) * (radius / PROBES));
    for (const dy of offsets) {
      for (const dx of offsets) {
        const probe = new Cartesian2(centre.x + dx, centre.y + dy);
        if (probe.x < 0 || probe.y < 0 || probe.x >= rect.width || probe.y >= rect.height) continue;
        const expressId = view.elementOf(scene.pick(probe));
        if (expressId !== null) return { x: rect.left + probe.x, y: rect.top + probe.y, expressId };
      }
    }
    return null;
  };

  const unsubscribe = [
    usePlanOverlayStore.subscribe(sync),
    useReviewStore.subscribe((s, previous) => (s.submissions !== previous.submissions || s.modelOfSubmission !== previous.modelOfSubmission) && sync()),
    useBimStore.subscribe(sync),
    useLayerStore.subscribe((s, previous) => s.layers !== previous.layers && sync()),
    useBimViewStore.subscribe(sync),
    useViewStore.subscribe((s, previous) => (s.workspace !== previous.workspace || s.lang !== previous.lang) && sync()),
  ];
  sync();

  return {
    claimClick,
    get settled() {
      const { models } = useBimStore.getState();
      return warmUp.settled && planOverlay.settled && Object.values(models).every((m) => m.status !== 'loading') && [...views.values()].every((view) => view.settled);
    },
    elementOnScreen,
    drawnAt: (modelId) => drawnAt.get(modelId) ?? null,
    dispose() {
      unsubscribe.forEach((f) => f());
      for (const view of views.values()) view.destroy();
      views.clear();
      warmUp.destroy();
      builder.dispose();
      if (!viewer.isDestroyed()) {
        annotations.destroy();
        planOverlay.destroy();
      }
    },
  };
}

const EMPTY: ReadonlySet<number> = new Set();
