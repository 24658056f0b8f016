import type { CesiumWidget } from '@cesium/engine';
import { useViewStore } from '../../state';
import { useAlertStore } from '../../state/alertStore';
import { useSensorStore } from '../../state/sensorStore';
import { sensorLook, warningLevels } from '../../sensors/ui/sensorState';
import { formatValue } from '../../sensors/ui/unitLabels';
import { SensorMarkersView, type SensorMarker } from './SensorMarkersView';

/**
 * Draws the sensors the store knows, in Vận hành only: coloured by state (the same `sensorLook` as the list), with
 * value labels. Redraws when a batch changes latest values or statuses (~5 times a second), when alerts change,
 * on a language switch or a workspace switch — never per message.
 */
export function bindSensorScene(viewer: CesiumWidget): () => void {
  const view = new SensorMarkersView(viewer);

  const sync = (): void => {
    const { datastreams, latest, statuses } = useSensorStore.getState();
    const { workspace, lang } = useViewStore.getState();
    const levels = warningLevels(Object.values(useAlertStore.getState().alerts));
    const markers: SensorMarker[] = [];
    for (const d of Object.values(datastreams)) {
      if (!d.location) continue;
      const value = latest[d.id];
      const label = value ? `${d.name}: ${formatValue(value.value, d.unit.ucum, lang)}` : d.name;
      markers.push({ id: d.id, lon: d.location[0], lat: d.location[1], look: sensorLook(statuses[d.id], levels.get(d.id)), label });
    }
    if (view.update(markers, workspace === 'ops')) viewer.scene.requestRender();
  };

  const unsubscribe = [
    useSensorStore.subscribe((s, p) => (s.latest !== p.latest || s.statuses !== p.statuses || s.datastreams !== p.datastreams) && sync()),
    useAlertStore.subscribe((s, p) => s.alerts !== p.alerts && sync()),
    useViewStore.subscribe((s, p) => (s.workspace !== p.workspace || s.lang !== p.lang) && sync()),
  ];
  sync();
  return () => {
    unsubscribe.forEach((f) => f());
    view.dispose();
  };
}
