import { useT } from '../../../../app/useT';
import { useViewStore } from '../../../../state';
import type { AuditEntry } from '../../types';
import { formatTime } from './format';

/** Every change to the submission, oldest first: when, who, what (Art. 21.3 traceability). */
export function AuditLog({ audit }: { audit: readonly AuditEntry[] }) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  return (
    <section aria-labelledby="review-audit-title">
      <h4 id="review-audit-title">{t('review.record.audit')}</h4>
      <ol className="review-list review-audit" data-testid="review-audit">
        {audit.map((entry) => (
          <li key={entry.seq} data-testid="review-audit-entry" data-action={entry.action} data-seq={entry.seq}>
            <span className="bim-meta">
              <time dateTime={entry.at}>{formatTime(lang, entry.at)}</time> · {entry.actor || t('review.record.noActor')} ·{' '}
              <strong>{t(`review.audit.${entry.action}`)}</strong>
            </span>
            <p>{entry.summary[lang]}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
