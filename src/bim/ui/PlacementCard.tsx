import type { MessageKey } from '../../app/i18n';
import { useT } from '../../app/useT';
import { useNumber } from '../../sim/flood/ui/useFloodText';
import { useViewStore, type BimModelState } from '../../state';
import { ifcModels } from '../modelRegistry';
import type { ModelGeoreference, PlacementTrust } from '../types';

const TRUST_TEXT: Record<PlacementTrust, MessageKey> = {
  high: 'bim.trust.high', medium: 'bim.trust.medium', low: 'bim.trust.low', unverified: 'bim.trust.unverified',
};

/** `EPSG:9897 — LUREF / Luxembourg TM`, the code alone when the file names nothing else, else its WKT or PROJ text. */
function crsText(georef: ModelGeoreference): string {
  const parts = [georef.crs, georef.crsName].filter((part, i, all): part is string => !!part && all.indexOf(part) === i);
  return parts.join(' — ') || (georef.crsDefinition ?? '—');
}

/**
 * Where the model stands and why: the method that placed it, the CRS, the map conversion's values, the rotation,
 * how far to trust it (with the reasons) and where the project origin lands in WGS 84.
 */
export function PlacementCard({ model }: { model: BimModelState }) {
  const t = useT();
  const format = useNumber();
  const lang = useViewStore((s) => s.lang);
  const georef = ifcModels.get(model.id)?.header?.georeference ?? null;
  const placement = model.placement;
  if (!placement) {
    return model.status === 'loading' || model.status === 'ready' ? <p className="bim-hint">{t('bim.placement.pending')}</p> : null;
  }
  const method = placement.source === 'none' ? t('bim.placement.method.none') : placement.source === 'manual' ? t('bim.placement.method.manual') : placement.source;
  const mapConversion = placement.source === 'IfcMapConversion' || placement.source === 'ePSet_MapConversion';
  const [lon, lat, height] = placement.originWgs84;
  // A file's -0.0 (Office_A's RefElevation) is shown as 0.
  const metres = (value: number) => `${format(value === 0 ? 0 : value, 3)} m`;
  const row = (label: MessageKey, value: string, testId?: string) => (
    <>
      <dt>{t(label)}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <section className="bim-card" aria-labelledby="bim-placement-title" data-testid="bim-placement" data-source={placement.source} data-trust={placement.trust}>
      <h3 id="bim-placement-title">{t('bim.placement.title')}</h3>
      <dl className="attributes">
        {row('bim.placement.method', method, 'bim-placement-method')}
        {mapConversion && georef && (
          <>
            {row('bim.placement.crs', crsText(georef), 'bim-placement-crs')}
            {georef.eastings !== null && row('bim.placement.eastings', metres(georef.eastings))}
            {georef.northings !== null && row('bim.placement.northings', metres(georef.northings))}
            {georef.scale !== null && row('bim.placement.scale', format(georef.scale, 6))}
          </>
        )}
        {placement.datumHeight !== null && row('bim.placement.height', metres(placement.datumHeight))}
        {row('bim.placement.rotation', `${format(placement.headingDegrees, 4)}°`)}
        <dt>{t('bim.placement.trust')}</dt>
        <dd>
          <span className={`bim-trust bim-trust-${placement.trust}`} data-testid="bim-placement-trust">{t(TRUST_TEXT[placement.trust])}</span>
          {placement.trust === 'unverified' && <> <span className="bim-badge-unverified">{t('bim.unverified')}</span></>}
        </dd>
        {row('bim.placement.origin', `${format(lat, 7)}°; ${format(lon, 7)}°${height === null ? '' : `; ${format(height, 2)} m`}`, 'bim-placement-origin')}
      </dl>
      {placement.reasons.length > 0 && (
        <>
          <h4>{t('bim.placement.reasons')}</h4>
          <ul className="bim-reasons" data-testid="bim-placement-reasons">
            {placement.reasons.map((reason, i) => <li key={i}>{reason[lang]}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}
