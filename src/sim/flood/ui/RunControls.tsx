import { useT } from '../../../app/useT';
import type { MessageKey } from '../../../app/i18n';
import { useFloodStore } from '../../../state/floodStore';
import type { FloodBackendInfo, FloodRunStatus } from '../../../state/floodStore';
import { cancelFloodRun, pauseFloodRun } from './floodRunClient';
import { useNumber } from './useFloodText';

const STATUS: Record<FloodRunStatus, MessageKey> = {
  idle: 'flood.status.idle', preparing: 'flood.status.preparing', running: 'flood.status.running', paused: 'flood.status.paused',
  done: 'flood.status.done', cancelled: 'flood.status.cancelled', error: 'flood.status.error',
};

function backendLabel(t: ReturnType<typeof useT>, backend: FloodBackendInfo): string {
  if (backend.name === 'webgpu') return t('flood.backend.webgpu', { detail: backend.detail });
  if (backend.name === 'wasm') return t('flood.backend.wasm', { threads: backend.threads });
  return t('flood.backend.reference');
}

/** Run, pause, cancel; the progress bar, the status and the backend that runs. */
export function RunControls({ onRun, canRun }: { onRun: () => void; canRun: boolean }) {
  const t = useT();
  const format = useNumber();
  const status = useFloodStore((s) => s.status);
  const progress = useFloodStore((s) => s.progress);
  const backend = useFloodStore((s) => s.backend);
  const busy = status === 'preparing' || status === 'running' || status === 'paused';
  const fraction = progress ? progress.t / progress.duration : 0;
  return (
    <div className="flood-run">
      <div className="flood-buttons">
        <button type="button" className="flood-primary" data-testid="flood-run" disabled={busy || !canRun} onClick={onRun}>{t('flood.run')}</button>
        <button type="button" data-testid="flood-pause" disabled={!(status === 'running' || status === 'paused')} aria-pressed={status === 'paused'}
          onClick={() => pauseFloodRun(status !== 'paused')}>
          {status === 'paused' ? t('flood.resume') : t('flood.pause')}
        </button>
        <button type="button" data-testid="flood-cancel" disabled={!busy} onClick={cancelFloodRun}>{t('flood.cancel')}</button>
      </div>
      <p className={`flood-status status-${status}`} role="status" data-testid="flood-status" data-status={status}>{t(STATUS[status])}</p>
      {status !== 'idle' && (
        <>
          <progress className="flood-progress" max={1} value={fraction} aria-label={t('flood.progress')} data-testid="flood-progress" />
          {progress && (
            <p className="flood-hint">
              {t('flood.progressText', {
                t: format(progress.t / 60, 0), duration: format(progress.duration / 60, 0), steps: progress.steps, wall: format(progress.wallSeconds, 1),
              })}
            </p>
          )}
        </>
      )}
      {backend && (
        <p className="flood-backend" data-testid="flood-backend" data-backend={backend.name}>
          <span className="flood-label">{t('flood.backend')}:</span> {backendLabel(t, backend)} · {t('flood.cells', { cells: format(backend.cells, 0) })}
        </p>
      )}
    </div>
  );
}
