import { useT } from '../../../app/useT';
import { DEPTH_CLASSES } from '../../../scene/flood/depthColours';
import { useNumber } from './useFloodText';

/** The depth classes of the water layer. */
export function DepthLegend() {
  const t = useT();
  const format = useNumber();
  return (
    <figure className="flood-legend" aria-labelledby="flood-legend-title">
      <figcaption id="flood-legend-title">{t('flood.legend')}</figcaption>
      <ul>
        {DEPTH_CLASSES.map((c, n) => {
          const next = DEPTH_CLASSES[n + 1];
          return (
            <li key={c.from}>
              <span className="flood-swatch" style={{ background: c.colour }} aria-hidden="true" />
              {next ? `${format(c.from)}–${format(next.from)}` : t('flood.legend.over', { from: format(c.from) })}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
