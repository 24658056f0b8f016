import { useT } from '../../../app/useT';
import { floodFrames } from '../frameRegistry';
import { useFloodStore } from '../../../state/floodStore';
import { chartGeometry } from './cellChart';
import { useNumber } from './useFloodText';

const BOX = { width: 320, height: 150, left: 34, right: 34, top: 10, bottom: 24 };

/** Depth and velocity at the selected cell over the frames so far (an SVG with a text summary for screen readers). */
export function CellChart({ gauges }: { gauges: { id: string; x: number; y: number }[] }) {
  const t = useT();
  const format = useNumber();
  const runId = useFloodStore((s) => s.runId);
  const cell = useFloodStore((s) => s.selectedCell);
  const frameIndex = useFloodStore((s) => s.frameIndex);
  useFloodStore((s) => s.frameCount);
  const data = floodFrames.get(runId);
  if (!data) return null;
  const { grid } = data;
  const selectGauge = (x: number, y: number) => {
    const i = Math.floor((x - grid.x0) / grid.dx);
    const j = Math.floor((grid.yTop - y) / grid.dx);
    if (i >= 0 && i < grid.nx && j >= 0 && j < grid.ny) useFloodStore.getState().selectCell(j * grid.nx + i);
  };
  const gaugeButtons = (
    <div className="flood-gauges" role="group" aria-label={t('flood.cell.gauges')}>
      {gauges.map((g) => (
        <button type="button" key={g.id} data-testid="flood-gauge" onClick={() => selectGauge(g.x, g.y)}>{g.id}</button>
      ))}
    </div>
  );
  if (cell === null) {
    return (
      <section className="flood-cell" aria-labelledby="flood-cell-title">
        <h3 id="flood-cell-title">{t('flood.cell')}</h3>
        <p className="flood-hint">{t('flood.cell.hint')}</p>
        {gaugeButtons}
      </section>
    );
  }
  const series = floodFrames.cellSeries(runId, cell);
  const geometry = chartGeometry(series, BOX, data.frames[frameIndex]?.t ?? null);
  const peak = series.depth.reduce((best, d, k) => (d > (series.depth[best] ?? -Infinity) ? k : best), 0);
  const i = cell % grid.nx;
  const j = (cell - i) / grid.nx;
  const plotBottom = BOX.height - BOX.bottom;
  return (
    <section className="flood-cell" aria-labelledby="flood-cell-title" data-testid="flood-cell">
      <h3 id="flood-cell-title">{t('flood.cell')}</h3>
      <p className="flood-hint">{t('flood.cell.id', { i, j, x: format(grid.x0 + (i + 0.5) * grid.dx, 0), y: format(grid.yTop - (j + 0.5) * grid.dx, 0) })}</p>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby="flood-chart-title flood-chart-desc" className="flood-chart" data-testid="flood-chart">
        <title id="flood-chart-title">{t('flood.chart')}</title>
        <desc id="flood-chart-desc">
          {t('flood.chart.summary', { depth: format(series.depth[peak] ?? NaN), at: format((series.t[peak] ?? 0) / 60, 0), speed: format(Math.max(0, ...series.speed.filter(Number.isFinite))) })}
        </desc>
        <line x1={BOX.left} x2={BOX.width - BOX.right} y1={plotBottom} y2={plotBottom} className="axis" />
        {geometry.timeTicks.map((tick) => (
          <text key={tick.t} x={tick.x} y={BOX.height - 8} textAnchor="middle" className="tick">{format(tick.t / 60, 0)}</text>
        ))}
        <text x={BOX.width - BOX.right} y={BOX.height - 1} textAnchor="end" className="tick">{t('flood.chart.minutes')}</text>
        <text x={BOX.left - 4} y={BOX.top + 8} textAnchor="end" className="tick depth">{format(geometry.depthMax)}</text>
        <text x={BOX.width - BOX.right + 4} y={BOX.top + 8} className="tick speed">{format(geometry.speedMax)}</text>
        {geometry.cursorX !== null && <line x1={geometry.cursorX} x2={geometry.cursorX} y1={BOX.top} y2={plotBottom} className="cursor" />}
        <path d={geometry.depthPath} className="series depth" />
        <path d={geometry.speedPath} className="series speed" />
      </svg>
      <p className="flood-chart-key">
        <span className="key depth" aria-hidden="true" /> {t('flood.chart.depth')} <span className="key speed" aria-hidden="true" /> {t('flood.chart.speed')}
      </p>
      {gaugeButtons}
    </section>
  );
}
