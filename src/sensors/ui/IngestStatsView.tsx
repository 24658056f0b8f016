import { useId } from 'react';
import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import { useSensorStore } from '../../state/sensorStore';
import type { MalformedReason } from '../types';
import { useSampled } from './useSampled';

const REASONS: readonly MalformedReason[] = ['badJson', 'wrongType', 'unknownSensor', 'tooLarge', 'missingField'];

/** What ingestion counted (issue 5 §5): messages, observations, malformed ones by reason, losses, reconnects. */
export function IngestStatsView() {
  const t = useT();
  const id = useId();
  const lang = useViewStore((s) => s.lang);
  const { stats, newest } = useSampled(useSensorStore, (s) => ({ stats: s.stats, newest: s.malformed[0] }));
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const malformed = REASONS.reduce((sum, r) => sum + stats.malformed[r], 0);
  return (
    <section className="sensors-section" aria-labelledby={`${id}-title`} data-testid="ingest-stats">
      <h4 id={`${id}-title`}>{t('sensors.stats')}</h4>
      <dl className="sensors-stats">
        <Row term={t('sensors.stats.received')} value={number.format(stats.received)} testId="stats-received" />
        <Row term={t('sensors.stats.observations')} value={number.format(stats.observations)} />
        <Row term={t('sensors.stats.malformed')} value={number.format(malformed)} testId="stats-malformed" />
        {REASONS.filter((r) => stats.malformed[r] > 0).map((r) => (
          <Row key={r} term={t(`sensors.malformed.${r}`)} value={number.format(stats.malformed[r])} testId={`stats-malformed-${r}`} sub />
        ))}
        <Row term={t('sensors.stats.lost')} value={number.format(stats.lost)} />
        <Row term={t('sensors.stats.reconnects')} value={number.format(stats.reconnects)} />
      </dl>
      {newest && <p className="hint sensors-malformed">{t('sensors.malformed.latest', { detail: newest.detail[lang] })}</p>}
    </section>
  );
}

function Row({ term, value, testId, sub = false }: { term: string; value: string; testId?: string; sub?: boolean }) {
  return (
    <div className={sub ? 'sensors-stats-sub' : undefined}>
      <dt>{term}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
