import { useEffect } from 'react';
import { InspectorPane } from '../bim/ui/InspectorPane';
import { useLayerStore, useViewStore } from '../state';
import { boot, rememberLayers } from './boot';
import { ErrorBoundary } from './ErrorBoundary';
import { FeatureInfo } from './FeatureInfo';
import { Header } from './Header';
import { LayerPanel } from './LayerPanel';
import { MapView } from './MapView';
import { Notices } from './Notices';
import { StatusBar } from './StatusBar';
import { installUrlSync } from './urlSync';
import { useRender, useT } from './useT';
import { WorkspacePanel } from './WorkspacePanel';

export function App() {
  const t = useT();
  const renderMessage = useRender();
  const lang = useViewStore((s) => s.lang);
  const catalogReady = useLayerStore((s) => s.catalog !== null);
  const catalogError = useLayerStore((s) => s.catalogError);

  useEffect(() => {
    let uninstall: (() => void)[] = [];
    let cancelled = false;
    void boot().then(() => {
      if (!cancelled) uninstall = [installUrlSync(), rememberLayers()];
    });
    // The accepted buildings, from IndexedDB: only the layer's module, not the review and conversion behind it.
    void import('../bim/asbuilt/asBuiltLayer').then(({ restoreAsBuiltLayer }) => restoreAsBuiltLayer());
    return () => {
      cancelled = true;
      uninstall.forEach((f) => f());
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.name')} — ${t('app.tagline')}`;
  }, [lang, t]);

  return (
    <ErrorBoundary>
      <a className="skip-link" href="#map">
        {t('app.skipToMap')}
      </a>
      <div className="app">
        <Header />
        <main className="workspace">
          <aside className="side side-left">
            <LayerPanel />
          </aside>
          <section className="map-area">
            <div className="map-pane">
              <Notices />
              {catalogError && (
                <p className="error-banner" role="alert">
                  {renderMessage(catalogError)}
                </p>
              )}
              {catalogReady && <MapView />}
            </div>
            <InspectorPane />
          </section>
          <aside className="side side-right">
            <WorkspacePanel />
            <FeatureInfo />
          </aside>
        </main>
        <StatusBar />
      </div>
    </ErrorBoundary>
  );
}
