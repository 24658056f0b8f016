import { useT } from '../../../app/useT';
import { floodFrames } from '../frameRegistry';
import { useFloodStore } from '../../../state/floodStore';
import { useNumber } from './useFloodText';

/** Flooded buildings and roads at the frame shown, and over the whole event once it is done. */
export function FloodCounts() {
  const t = useT();
  const format = useNumber();
  const runId = useFloodStore((s) => s.runId);
  const frameIndex = useFloodStore((s) => s.frameIndex);
  useFloodStore((s) => s.frameCount);
  const summary = useFloodStore((s) => s.summary);
  const data = floodFrames.get(runId);
  const frame = data?.frames[frameIndex];
  if (!data || !frame) return null;
  const km = (m: number) => format(m / 1000, 2);
  const total = km(data.roadMeters);
  return (
    <section className="flood-counts" aria-labelledby="flood-counts-title">
      <h3 id="flood-counts-title">{t('flood.counts')}</h3>
      <table>
        <thead>
          <tr><th scope="col"><span className="visually-hidden">{t('flood.counts')}</span></th><th scope="col">{t('flood.counts.now')}</th>{summary && <th scope="col">{t('flood.counts.max')}</th>}</tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('flood.counts.buildings')}</th>
            <td data-testid="flood-count-buildings">{frame.floodedBuildings.length} / {data.buildings.length}</td>
            {summary && <td data-testid="flood-max-buildings">{summary.floodedBuildings}</td>}
          </tr>
          <tr>
            <th scope="row">{t('flood.counts.roads')}</th>
            <td data-testid="flood-count-roads">{t('flood.counts.roadsValue', { km: km(frame.floodedRoadMeters), total })}</td>
            {summary && <td data-testid="flood-max-roads">{t('flood.counts.roadsValue', { km: km(summary.floodedRoadMeters), total })}</td>}
          </tr>
          <tr>
            <th scope="row">{t('flood.counts.maxDepth')}</th>
            <td>{t('flood.counts.metres', { m: format(frame.maxDepth) })}</td>
            {summary && <td>{t('flood.counts.metres', { m: format(summary.maxDepth) })}</td>}
          </tr>
        </tbody>
      </table>
      {summary && <p className="flood-hint">{t('flood.volumeError', { value: summary.volumeErrorRelative.toExponential(1) })}</p>}
    </section>
  );
}
