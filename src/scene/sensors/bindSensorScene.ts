import type { CesiumWidget } from '@cesium/engine';
import { useViewStore } from '../../state';
import { useAlertStore } from '../../state/alertStore';
import { useSensorStore } from '../../state/sensorStore';
import { sensorLook, warningLevels } from '../../sensors/ui/sensorState';
import { formatValue } from '../../sensors/ui/unitLabels';
import type { DatastreamDescriptor } from '../../sensors/types';
import { SensorMarkersView, type SensorMarker } from './SensorMarkersView';

const VALUE_INTERVAL_MS = 1000;

/**
 * Draws the sensors the store knows, in Vận hành only: coloured by state (the same `sensorLook` as the list), with
 * value labels. Redraws at once when alerts change, on a language or workspace switch; new values and statuses from
 * the batches (~5 a second) at most once a second — never per message.
 */
export function bindSensorScene(viewer: CesiumWidget): () => void {
  const view = new SensorMarkersView(viewer);
  // Place keys by descriptor (descriptors are replaced, not mutated, when a source redescribes a datastream).
  const places = new WeakMap<DatastreamDescriptor, string>();
  const placeOf = (d: DatastreamDescriptor, lon: number, lat: number): string => {
    let place = places.get(d);
    if (place === undefined) places.set(d, (place = `${lon.toFixed(6)},${lat.toFixed(6)}`));
    return place;
  };

  const sync = (): void => {
    const { datastreams, latest, statuses } = useSensorStore.getState();
    const { workspace, lang } = useViewStore.getState();
    const levels = warningLevels(Object.values(useAlertStore.getState().alerts));
    const markers: SensorMarker[] = [];
    for (const d of Object.values(datastreams)) {
      if (!d.location) continue;
      const value = latest[d.id];
      // The value alone: names would bury the basemap's street names; the list and the chart name the sensor.
      const label = value ? formatValue(value.value, d.unit.ucum, lang) : '';
      const [lon, lat] = d.location;
      markers.push({ id: d.id, lon, lat, place: placeOf(d, lon, lat), look: sensorLook(statuses[d.id], levels.get(d.id)), label });
    }
    const result = view.update(markers, workspace === 'ops');
    if (result === 'none') return;
    viewer.scene.requestRender();
    if (result === 'newGlyphs') renderAgainAfterNext();
  };

  // New glyphs reach the label atlas during the next render and show in the one after: without that second
  // render, a value could stay drawn with a digit missing until the next update.
  let followUp: (() => void) | null = null;
  const renderAgainAfterNext = (): void => {
    followUp ??= viewer.scene.postRender.addEventListener(() => {
      followUp?.();
      followUp = null;
      viewer.scene.requestRender();
    });
  };

  // Values follow the batches at most once a second: labels re-lay their glyphs on each change, and each redraw of
  // the scene costs the main thread tens of milliseconds on a software renderer.
  let sampled: ReturnType<typeof setTimeout> | null = null;
  let lastSync = 0;
  const sampledSync = (): void => {
    sampled ??= setTimeout(() => {
      sampled = null;
      lastSync = performance.now();
      sync();
    }, Math.max(0, lastSync + VALUE_INTERVAL_MS - performance.now()));
  };

  const unsubscribe = [
    useSensorStore.subscribe((s, p) => (s.latest !== p.latest || s.statuses !== p.statuses || s.datastreams !== p.datastreams) && sampledSync()),
    useAlertStore.subscribe((s, p) => s.alerts !== p.alerts && sync()),
    useViewStore.subscribe((s, p) => (s.workspace !== p.workspace || s.lang !== p.lang) && sync()),
  ];
  sync();
  return () => {
    unsubscribe.forEach((f) => f());
    if (sampled !== null) clearTimeout(sampled);
    followUp?.();
    view.dispose();
  };
}
