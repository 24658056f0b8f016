import { useMemo } from 'react';
import { createTransform, formatLonLat, formatProjected } from '../geo';
import { useCursorStore, useLayerStore, useViewStore } from '../state';
import { useT } from './useT';

/** Cursor position in WGS 84 and in the province's VN-2000 TM-3 zone (Decree 269/2025 Art. 21.3.a). */
export function StatusBar() {
  const t = useT();
  const position = useCursorStore((s) => s.position);
  const zone = useLayerStore((s) => s.catalog?.province.vn2000 ?? null);
  const cameraHeight = useViewStore((s) => s.camera?.height ?? null);
  const toVn2000 = useMemo(() => (zone ? createTransform('EPSG:4326', zone) : null), [zone]);
  const projected = position && toVn2000 ? toVn2000(position.lon, position.lat) : null;
  return (
    <footer className="status-bar" aria-label={t('status.cursor')}>
      <span>
        <abbr title={t('status.cursor')}>{t('status.wgs84')}</abbr>{' '}
        <output data-testid="cursor-wgs84">{position ? formatLonLat(position.lon, position.lat) : t('status.outside')}</output>
      </span>
      <span>
        {t('status.vn2000')} {zone && <span className="crs">({zone})</span>}{' '}
        <output data-testid="cursor-vn2000">{projected ? formatProjected(projected[0], projected[1]) : '—'}</output>
      </span>
      {cameraHeight !== null && (
        <span>
          {t('status.camera')} <output>{Math.round(cameraHeight).toLocaleString('vi-VN')} m</output>
        </span>
      )}
    </footer>
  );
}
