import { useEffect, useRef, useState } from 'react';
import { createViewer, installTestHook, SceneController } from '../scene';
import { useT } from './useT';

/** Hosts the Cesium scene. The scene is created once; it follows the stores through its controller. */
export function MapView() {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const credits = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current || !credits.current) return;
    let controller: SceneController;
    try {
      controller = new SceneController(createViewer(container.current, credits.current), container.current);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    controller.start();
    const removeHook = installTestHook(controller);
    return () => {
      removeHook();
      controller.dispose();
    };
  }, []);

  return (
    <div className="map-view">
      {failure && (
        <p className="error-banner" role="alert">
          {t('error.scene', { detail: failure })}
        </p>
      )}
      <div
        id="map"
        ref={container}
        className="map"
        tabIndex={0}
        role="application"
        aria-label={t('map.label')}
        aria-describedby="map-keys"
      />
      <p id="map-keys" className="map-keys">
        {t('map.keys')}
      </p>
      <div ref={credits} className="credits" />
    </div>
  );
}
