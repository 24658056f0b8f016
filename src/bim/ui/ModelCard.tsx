import { useRef } from 'react';
import type { MessageKey } from '../../app/i18n';
import { useT } from '../../app/useT';
import { useNumber } from '../../sim/flood/ui/useFloodText';
import { useBimStore, useViewStore, type BimModelState, type BimModelStatus } from '../../state';
import type { IfcLoadPhase } from '../../../workers/ifc/protocol';
import { ifcModels } from '../modelRegistry';
import { useBimViewStore } from './bimViewStore';
import { formatBytes } from './format';
import { cancelModel, closeModel } from './openModels';

export const STATUS_TEXT: Record<BimModelStatus, MessageKey> = {
  loading: 'bim.status.loading', ready: 'bim.status.ready', failed: 'bim.status.failed', cancelled: 'bim.status.cancelled',
};
const PHASE_TEXT: Record<IfcLoadPhase, MessageKey> = {
  read: 'bim.phase.read', parse: 'bim.phase.parse', structure: 'bim.phase.structure', geometry: 'bim.phase.geometry',
};
/** Share of the whole load each phase stands for, so one bar runs from 0 to 100 % (geometry dominates). */
const PHASE_SPAN: Record<IfcLoadPhase, [number, number]> = {
  read: [0, 0.05], parse: [0.05, 0.35], structure: [0.35, 0.45], geometry: [0.45, 1],
};

function overallProgress(model: BimModelState): number {
  const [from, to] = PHASE_SPAN[model.phase];
  return Math.round(100 * (from + (to - from) * Math.min(1, Math.max(0, model.progress))));
}

/** One open model: name, size, schema, progress with cancel, the failure in words, stats, fly-to and close. */
export function ModelCard({ modelId, active }: { modelId: string; active: boolean }) {
  const model = useBimStore((s) => s.models[modelId]);
  return model ? <ModelCardBody model={model} active={active} /> : null;
}

function ModelCardBody({ model, active }: { model: BimModelState; active: boolean }) {
  const t = useT();
  const format = useNumber();
  const lang = useViewStore((s) => s.lang);
  const header = ifcModels.get(model.id)?.header ?? null;
  const name = model.fileName;
  // Within a phase the worker's count can restart (web-ifc streams meshes type by type): the bar never goes back.
  const shown = useRef({ phase: model.phase, percent: 0 });
  if (shown.current.phase !== model.phase) shown.current = { phase: model.phase, percent: 0 };
  shown.current.percent = Math.max(shown.current.percent, overallProgress(model));
  const percent = shown.current.percent;
  const unverified = model.placement?.trust === 'unverified';
  return (
    <li className={`bim-model${active ? ' bim-model-active' : ''}`} data-testid="bim-model" data-model-id={model.id} data-status={model.status}>
      <div className="bim-model-head">
        <button type="button" className="bim-model-name" aria-pressed={active} aria-label={t('bim.model.select', { name })}
          onClick={() => useBimStore.getState().setActiveModel(model.id)}>
          {name}
        </button>
        <span className={`bim-status bim-status-${model.status}`} data-testid="bim-card-status">{t(STATUS_TEXT[model.status])}</span>
      </div>
      <p className="bim-meta">
        {formatBytes(lang, model.fileBytes)}
        {header && <> · <abbr title={t('bim.model.schema')}>{header.schemaIdentifier}</abbr></>}
        {unverified && <> · <span className="bim-badge-unverified" data-testid="bim-unverified">{t('bim.unverified')}</span></>}
      </p>
      {model.status === 'loading' && (
        <div className="bim-progress-row">
          <div className="bim-progress" role="progressbar" aria-label={t('bim.model.progress', { name })} aria-valuemin={0} aria-valuemax={100}
            aria-valuenow={percent} aria-valuetext={t('bim.model.progressText', { phase: t(PHASE_TEXT[model.phase]), percent })} data-testid="bim-progress">
            <div className="bim-progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <button type="button" data-testid="bim-cancel" aria-label={t('bim.model.cancelLabel', { name })} onClick={() => cancelModel(model.id)}>
            {t('bim.model.cancel')}
          </button>
        </div>
      )}
      {model.status === 'loading' && (
        <p className="bim-hint" data-testid="bim-phase">{t('bim.model.progressText', { phase: t(PHASE_TEXT[model.phase]), percent })}</p>
      )}
      {model.failure && (
        <p className="bim-error" role="alert" data-testid="bim-model-error" data-code={model.failure.code}>{model.failure.message[lang]}</p>
      )}
      {model.stats && model.status === 'ready' && (
        <p className="bim-hint" data-testid="bim-stats">
          {t('bim.model.stats', { elements: format(model.stats.elements, 0), triangles: format(model.stats.triangles, 0), seconds: format(model.stats.totalMs / 1000, 1) })}
        </p>
      )}
      <div className="bim-buttons">
        {model.placement && model.chunkCount > 0 && (
          <button type="button" data-testid="bim-fly-to" aria-label={t('bim.model.flyToLabel', { name })} onClick={() => useBimViewStore.getState().flyTo(model.id)}>
            {t('bim.model.flyTo')}
          </button>
        )}
        <button type="button" data-testid="bim-close" aria-label={t('bim.model.closeLabel', { name })} onClick={() => closeModel(model.id)}>
          {t('bim.model.close')}
        </button>
      </div>
    </li>
  );
}
