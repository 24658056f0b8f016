import {
  Cartesian3, Color, PointPrimitiveCollection, ScreenSpaceEventHandler, ScreenSpaceEventType, type CesiumWidget,
} from '@cesium/engine';
import { floodFrames } from '../../sim/flood/frameRegistry';
import { useViewStore } from '../../state';
import { useFloodStore } from '../../state/floodStore';
import { FloodedBuildingsView } from './FloodedBuildingsView';
import { FloodWaterView } from './FloodWaterView';
import { cellAtLonLat, cellCentre } from './gridGeoreference';

const MARKER_HEIGHT_M = 1;

/**
 * Draws the flood run the stores point at — water of the current frame, flooded buildings, the selected cell —
 * in the Vận hành workspace only, and turns a click on the map into a cell selection while a run has frames.
 * Renderer objects are created per run and pulled from the frame registry when the store counts a new frame.
 */
export function bindFloodScene(viewer: CesiumWidget): () => void {
  let runId: string | null = null;
  let water: FloodWaterView | null = null;
  let buildings: FloodedBuildingsView | null = null;
  const markers = viewer.scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;

  const release = (): void => {
    water?.dispose();
    buildings?.dispose();
    water = buildings = null;
  };

  let drawn = '';
  const sync = (): void => {
    const flood = useFloodStore.getState();
    const inOps = useViewStore.getState().workspace === 'ops';
    const data = floodFrames.get(flood.runId);
    // Progress and status change often while a run goes; redraw only when what is drawn changes.
    const key = [flood.runId, data ? 1 : 0, flood.frameIndex, flood.frameCount > flood.frameIndex, inOps, flood.showWater, flood.waterOpacity, flood.selectedCell].join();
    if (key === drawn) return;
    drawn = key;
    if (flood.runId !== runId || !data) {
      release();
      runId = data ? flood.runId : null;
      if (data && data.grid.crs) {
        water = new FloodWaterView(viewer, data.grid);
        buildings = new FloodedBuildingsView(viewer, data.buildings);
      }
    }
    const frame = data?.frames[flood.frameIndex] ?? null;
    const visible = inOps && flood.showWater;
    water?.update({ depth: frame?.depth ?? null, visible, opacity: flood.waterOpacity });
    buildings?.update(frame?.floodedBuildings ?? null, visible);
    markers.removeAll();
    if (data && inOps && flood.selectedCell !== null) {
      const [lon, lat] = cellCentre(data.grid, flood.selectedCell);
      markers.add({
        position: Cartesian3.fromDegrees(lon, lat, MARKER_HEIGHT_M),
        pixelSize: 12, color: Color.fromCssColorString('#ffd400'), outlineColor: Color.BLACK, outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
    }
    viewer.scene.requestRender();
  };

  const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
  handler.setInputAction((event: ScreenSpaceEventHandler.PositionedEvent) => {
    const flood = useFloodStore.getState();
    const data = floodFrames.get(flood.runId);
    if (!data || useViewStore.getState().workspace !== 'ops') return;
    const ground = viewer.camera.pickEllipsoid(event.position);
    if (!ground) return;
    const carto = viewer.scene.globe.ellipsoid.cartesianToCartographic(ground);
    const cell = cellAtLonLat(data.grid, (carto.longitude * 180) / Math.PI, (carto.latitude * 180) / Math.PI);
    if (cell >= 0) flood.selectCell(cell);
  }, ScreenSpaceEventType.LEFT_CLICK);

  const unsubscribe = [useFloodStore.subscribe(sync), useViewStore.subscribe((s, previous) => s.workspace !== previous.workspace && sync())];
  sync();
  return () => {
    unsubscribe.forEach((f) => f());
    handler.destroy();
    release();
    viewer.scene.primitives.remove(markers);
  };
}
