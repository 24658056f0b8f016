/**
 * A topic's viewpoint ⇄ what the planner sees: the city's camera (through `sceneView`, in ECEF, converted to the
 * model's project frame with its placement) and the selected, hidden and isolated elements of `bimStore` (by
 * expressId in the app, by IFC GlobalId in BCF).
 */
import { viewFromViewpoint, viewpointFromView, type AppView } from '../../../bcf';
import type { BcfFileReference, BcfViewpoint } from '../../../bcf/types';
import { ifcModels } from '../../../modelRegistry';
import type { IfcElementInfo } from '../../../types';
import { useBimStore } from '../../../../state';
import { sceneView } from './sceneView';

/** The element state every view shares (bimStore), by expressId. */
export interface ElementView {
  selected: number | null;
  hidden: ReadonlySet<number>;
  isolated: ReadonlySet<number> | null;
}

export type ComponentView = Pick<AppView, 'selected' | 'hidden' | 'isolated'>;

/** expressIds → GlobalIds; an id the model does not know is left out. */
export function componentsOf(view: ElementView, elementsById: ReadonlyMap<number, IfcElementInfo>): ComponentView {
  const guids = (ids: Iterable<number>) => [...ids].flatMap((id) => elementsById.get(id)?.globalId ?? []);
  return {
    selected: view.selected === null ? [] : guids([view.selected]),
    hidden: guids(view.hidden),
    isolated: view.isolated ? guids(view.isolated) : null,
  };
}

/**
 * GlobalIds → expressIds, and the GlobalIds this model does not have (a topic imported from another model). The app
 * selects one element: the first of the viewpoint's selection that the model has.
 */
export function elementsOf(view: ComponentView, elements: readonly IfcElementInfo[]): ElementView & { unknown: string[] } {
  const byGuid = new Map(elements.map((element) => [element.globalId, element.expressId]));
  const unknown = new Set<string>();
  const ids = (guids: string[]) =>
    guids.flatMap((guid) => {
      const id = byGuid.get(guid);
      if (id === undefined) unknown.add(guid);
      return id ?? [];
    });
  const selected = ids(view.selected)[0] ?? null;
  return { selected, hidden: new Set(ids(view.hidden)), isolated: view.isolated ? new Set(ids(view.isolated)) : null, unknown: [...unknown] };
}

/** Header/Files of a topic raised on the model: its IfcProject GlobalId and file name. */
export function fileReferenceOf(modelId: string): BcfFileReference {
  const header = ifcModels.get(modelId)?.header;
  const root = header?.spatialTree;
  return {
    ifcProject: root?.ifcClass === 'IfcProject' ? root.globalId : null,
    ifcSpatialStructureElement: null,
    isExternal: true,
    filename: header?.fileName ?? useBimStore.getState().models[modelId]?.fileName ?? null,
    date: null,
    reference: null,
  };
}

function projectToEcefOf(modelId: string): number[] | null {
  return useBimStore.getState().models[modelId]?.placement?.projectToEcef ?? null;
}

/** Whether the model stands in the city, so its viewpoints can be converted to and from its project frame. */
export function canFrame(modelId: string): boolean {
  return projectToEcefOf(modelId) !== null && sceneView.available;
}

/** The current view as a BCF viewpoint in the model's project frame, with a PNG snapshot of the city. */
export async function captureViewpoint(modelId: string): Promise<BcfViewpoint> {
  const projectToEcef = projectToEcefOf(modelId);
  if (!projectToEcef) throw new Error(`model ${modelId} has no placement`);
  const { camera, snapshot } = await sceneView.capture();
  const bim = useBimStore.getState();
  const components = componentsOf(
    { selected: bim.selectedElementId, hidden: bim.hiddenElementIds, isolated: bim.isolatedElementIds },
    ifcModels.get(modelId)?.elementsById ?? new Map(),
  );
  const view: AppView = {
    frame: 'ecef', camera, ...components, colored: [], clippingPlanes: [],
    snapshot: snapshot ? { format: 'png', bytes: snapshot } : null,
  };
  return viewpointFromView(view, { projectToEcef });
}

/**
 * Restores a viewpoint: the city's camera flies to it, the selection, hidden and isolated elements are set. Returns
 * the GlobalIds the model does not have, or null when the viewpoint cannot be shown (no camera, model not placed).
 */
export function showViewpoint(viewpoint: BcfViewpoint, modelId: string): string[] | null {
  const projectToEcef = projectToEcefOf(modelId);
  const view = projectToEcef ? viewFromViewpoint(viewpoint, 'ecef', { projectToEcef }) : null;
  if (!view) return null;
  sceneView.show(view.camera);
  const elements = elementsOf(view, ifcModels.get(modelId)?.header?.elements ?? []);
  const bim = useBimStore.getState();
  bim.setHidden(elements.hidden);
  bim.isolate(elements.isolated);
  bim.select(elements.selected);
  return elements.unknown;
}
