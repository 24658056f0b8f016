import { useT } from '../../../app/useT';
import type { MessageKey } from '../../../app/i18n';
import { useLayerStore, useReviewStore, useViewStore } from '../../../state';
import { formatBytes } from '../../ui/format';
import { addToCityModel, tilesetIdOf } from '../addToCityModel';
import { AS_BUILT_LAYER_ID } from '../asBuiltLayerSpec';
import { useAsBuiltStore } from '../asBuiltStore';
import type { BuildingSite } from '../types';
import type { IfcTilesPhase } from '../../../tiles/ifc';

/** The converter's own phases; those it shares with opening a model keep the model card's words. */
const PHASE: Record<IfcTilesPhase, MessageKey> = {
  read: 'bim.phase.read',
  parse: 'bim.phase.parse',
  structure: 'bim.phase.structure',
  geometry: 'bim.phase.geometry',
  properties: 'asbuilt.phase.properties',
  content: 'asbuilt.phase.content',
};

/** Seen from this far (times the building's radius), south of it and looking down this much, the building fills the view. */
const VIEW_DISTANCE_RADII = 3;
const VIEW_PITCH_DEGREES = -35;

/**
 * Where an accepted submission stands in the city's as-built layer: converting (progress), added (its figures and
 * "show in city"), failed (why, and retry). Nothing before the submission is accepted. The outcome is announced
 * (status, alert); the progress is not, it changes too often to be read out.
 */
export function AsBuiltStatus({ submissionId }: { submissionId: string }) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const submission = useReviewStore((s) => s.submissions[submissionId]);
  const progress = useAsBuiltStore((s) => s.progress[submissionId]);
  const site = useAsBuiltStore((s) => s.sites[tilesetIdOf(submissionId)]);
  const persistent = useAsBuiltStore((s) => s.persistent);
  if (!submission || submission.status !== 'accepted') return null;
  // A rejection is shown by the status itself (failed); the caller of addToCityModel needs nothing more.
  const add = () => void addToCityModel(submissionId).catch(() => {});
  const record = submission.asBuilt;

  let body;
  if (progress?.state === 'converting') {
    const percent = progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
    body = (
      <>
        <p>{t('asbuilt.converting', { phase: t(PHASE[progress.phase]), percent })}</p>
        <progress aria-label={t('asbuilt.progress')} max={100} value={percent} />
      </>
    );
  } else if (progress?.state === 'failed') {
    body = (
      <>
        <p className="bim-error" role="alert">{t('asbuilt.failed', { message: progress.message[lang] })}</p>
        <button type="button" onClick={add} data-testid="asbuilt-retry">{t('asbuilt.retry')}</button>
      </>
    );
  } else if (record) {
    body = (
      <>
        <p role="status">{t('asbuilt.added', { features: record.features, tiles: record.tiles, size: formatBytes(lang, record.bytes) })}</p>
        {site && <button type="button" className="bim-primary" onClick={() => showInCity(site)} data-testid="asbuilt-show">{t('asbuilt.showInCity')}</button>}
        {!persistent && <p className="bim-hint">{t('asbuilt.memoryOnly')}</p>}
      </>
    );
  } else {
    body = (
      <>
        <p className="bim-hint">{t('asbuilt.pending')}</p>
        <button type="button" onClick={add} data-testid="asbuilt-add">{t('asbuilt.add')}</button>
      </>
    );
  }
  return (
    <section className="bim-card" aria-labelledby="asbuilt-title" data-testid="asbuilt-status"
      data-state={progress?.state ?? (record ? 'added' : 'pending')}>
      <h5 id="asbuilt-title">{t('asbuilt.title')}</h5>
      {body}
    </section>
  );
}

/** Shows the as-built layer and looks at the building from the south, as the city's home view looks at the district. */
function showInCity(site: BuildingSite): void {
  useLayerStore.getState().setVisible(AS_BUILT_LAYER_ID, true);
  const distance = Math.max(site.radius, 10) * VIEW_DISTANCE_RADII;
  const pitch = (-VIEW_PITCH_DEGREES * Math.PI) / 180;
  const metresPerDegreeLat = 110_574;
  useViewStore.getState().requestCamera({
    lon: site.lon,
    lat: site.lat - (distance * Math.cos(pitch)) / metresPerDegreeLat,
    height: distance * Math.sin(pitch),
    heading: 0,
    pitch: VIEW_PITCH_DEGREES,
    roll: 0,
  });
}
