import { lazy, Suspense } from 'react';
import { useViewStore, type Workspace } from '../state';
import type { MessageKey } from './i18n';
import { useT } from './useT';

/** `coming`: what the workspace does not do yet, said in its panel; null once everything it promises is built. */
const TEXT: Record<Workspace, { title: MessageKey; lead: MessageKey; coming: MessageKey | null }> = {
  bim: { title: 'workspace.bim', lead: 'workspace.bim.lead', coming: 'workspace.bim.coming' },
  ops: { title: 'workspace.ops', lead: 'workspace.ops.lead', coming: null },
  brief: { title: 'workspace.brief', lead: 'workspace.brief.lead', coming: 'workspace.brief.coming' },
};

/** The flood panel and the simulation code behind it load only when Vận hành opens (not in the first screen's JS). */
const FloodPanel = lazy(() => import('../sim/flood/ui/FloodPanel'));
/** Likewise the sensor, alert and playbook panels, beside it. */
const SensorsPanel = lazy(() => import('../sensors/ui/SensorsPanel'));
/** Likewise the IFC panels, in Thẩm định BIM. */
const BimPanel = lazy(() => import('../bim/ui/BimPanel'));

/** Each workspace's own panel area. Capabilities not built yet say what will come — no placeholder data. */
export function WorkspacePanel() {
  const t = useT();
  const workspace = useViewStore((s) => s.workspace);
  const text = TEXT[workspace];
  return (
    <>
      <section className="panel" aria-labelledby="workspace-title" data-testid={`workspace-${workspace}`}>
        <h2 id="workspace-title">{t(text.title)}</h2>
        <p>{t(text.lead)}</p>
        {text.coming && (
          <p className="coming">
            <strong>{t('workspace.notBuilt')}.</strong> {t(text.coming)}
          </p>
        )}
      </section>
      {workspace === 'bim' && (
        <Suspense fallback={<p className="hint">{t('bim.loading')}</p>}>
          <BimPanel />
        </Suspense>
      )}
      {workspace === 'ops' && (
        <Suspense fallback={<p className="hint">{t('sensors.loading')}</p>}>
          <SensorsPanel />
        </Suspense>
      )}
      {workspace === 'ops' && (
        <Suspense fallback={<p className="hint">{t('flood.loading')}</p>}>
          <FloodPanel />
        </Suspense>
      )}
    </>
  );
}
