import { useT } from '../../app/useT';
import type { BimModelState } from '../../state';
import { useBimViewStore } from './bimViewStore';
import { NumberField } from './NumberField';

/**
 * Placing a model by hand: a click in the scene (or typed coordinates) puts the project origin there; heading and
 * elevation are typed or stepped with the arrow keys. The model is placed live and stays *unverified*.
 */
export function ManualPlacement({ model }: { model: BimModelState }) {
  const t = useT();
  const placing = useBimViewStore((s) => (s.placing?.modelId === model.id ? s.placing : null));
  const { startPlacing, editPlacing, finishPlacing } = useBimViewStore.getState();
  const unplaced = model.placement?.source === 'none';
  if (!placing) {
    if (model.status !== 'ready' || !model.placement) return null;
    return (
      <section className={`bim-card${unplaced ? ' bim-card-warning' : ''}`} aria-labelledby="bim-manual-title" data-testid="bim-manual">
        <h3 id="bim-manual-title">{t('bim.manual.title')}</h3>
        {unplaced && <p data-testid="bim-manual-needed">{t('bim.manual.none')}</p>}
        <button type="button" className={unplaced ? 'bim-primary' : undefined} data-testid="bim-manual-start" onClick={() => startPlacing(model.id)}>
          {unplaced ? t('bim.manual.start') : t('bim.manual.adjust')}
        </button>
      </section>
    );
  }
  return (
    <section className="bim-card bim-card-warning" aria-labelledby="bim-manual-title" data-testid="bim-manual">
      <h3 id="bim-manual-title">{t('bim.manual.title')}</h3>
      <p className="bim-hint">{t('bim.manual.hint')}</p>
      <button type="button" aria-pressed={placing.awaitingClick} data-testid="bim-manual-pick" onClick={() => editPlacing({ awaitingClick: true })}>
        {placing.awaitingClick ? t('bim.manual.picking') : t('bim.manual.pick')}
      </button>
      <div className="bim-fields">
        <NumberField label={t('bim.manual.lat')} value={placing.lat} step={0.00001} testId="bim-manual-lat" onValue={(lat) => editPlacing({ lat })} />
        <NumberField label={t('bim.manual.lon')} value={placing.lon} step={0.00001} testId="bim-manual-lon" onValue={(lon) => editPlacing({ lon })} />
        <NumberField label={t('bim.manual.heading')} value={placing.headingDegrees} step={1} testId="bim-manual-heading"
          onValue={(heading) => editPlacing({ headingDegrees: ((heading % 360) + 360) % 360 })} />
        <NumberField label={t('bim.manual.elevation')} value={placing.elevation} step={0.1} testId="bim-manual-elevation" onValue={(elevation) => editPlacing({ elevation })} />
      </div>
      <button type="button" className="bim-primary" data-testid="bim-manual-done" disabled={placing.lon === null} onClick={finishPlacing}>
        {t('bim.manual.done')}
      </button>
    </section>
  );
}
