import { useEffect, useId } from 'react';
import { useT } from '../../../app/useT';
import { floodFrames } from '../frameRegistry';
import { useFloodStore } from '../../../state/floodStore';
import { useNumber } from './useFloodText';

/** Frames shown per second while playing. */
const PLAY_FPS = 6;

/** The frame shown on the map: a slider over the output times, and play. */
export function TimeSlider() {
  const t = useT();
  const format = useNumber();
  const id = useId();
  const runId = useFloodStore((s) => s.runId);
  const frameCount = useFloodStore((s) => s.frameCount);
  const frameIndex = useFloodStore((s) => s.frameIndex);
  const playing = useFloodStore((s) => s.playing);
  const showWater = useFloodStore((s) => s.showWater);
  const opacity = useFloodStore((s) => s.waterOpacity);
  const seconds = floodFrames.get(runId)?.frames[frameIndex]?.t ?? 0;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const s = useFloodStore.getState();
      if (s.frameIndex >= s.frameCount - 1) s.setPlaying(false);
      else s.setFrameIndex(s.frameIndex + 1);
    }, 1000 / PLAY_FPS);
    return () => clearInterval(timer);
  }, [playing]);

  if (frameCount === 0) return null;
  const store = useFloodStore.getState();
  return (
    <div className="flood-time">
      <div className="flood-time-head">
        <label htmlFor={id}>{t('flood.time')}</label>
        <output htmlFor={id} data-testid="flood-time-value">{t('flood.timeValue', { minutes: format(seconds / 60, 0) })}</output>
      </div>
      <div className="flood-time-row">
        <button type="button" data-testid="flood-play" aria-pressed={playing} onClick={() => store.setPlaying(!playing)}>
          {playing ? t('flood.stop') : t('flood.play')}
        </button>
        <input id={id} type="range" min={0} max={Math.max(0, frameCount - 1)} step={1} value={frameIndex} data-testid="flood-time"
          aria-valuetext={t('flood.timeValue', { minutes: format(seconds / 60, 0) })}
          onChange={(e) => store.setFrameIndex(e.target.valueAsNumber)} />
      </div>
      <div className="flood-time-row">
        <label><input type="checkbox" checked={showWater} onChange={(e) => store.setShowWater(e.target.checked)} /> {t('flood.showWater')}</label>
        <input type="range" min={0} max={100} step={5} value={Math.round(opacity * 100)} aria-label={t('flood.opacity')}
          onChange={(e) => store.setWaterOpacity(e.target.valueAsNumber / 100)} />
      </div>
    </div>
  );
}
