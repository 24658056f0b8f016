import { useRef } from 'react';
import { useT } from '../../../../app/useT';
import { useBimStore, useViewStore } from '../../../../state';
import { useReviewStore } from '../../../../state/reviewStore';
import { checkModelIds } from '../../../ui/openModels';
import type { ReviewPartProps } from '../ReviewPanel';
import { passingSpecifications } from './idsCheckRecord';
import { IdsResult } from './IdsResult';
import { runIdsCheck, useIdsRun } from './runIdsCheck';
import './ids.css';

/** The city's sample handover IDS (assets/demo/bim/handover.ids, served with the demo). */
export const SAMPLE_IDS_URL = '/demo/bim/handover.ids';
const SAMPLE_IDS_NAME = 'handover.ids';

/**
 * The IDS tab: choose the city's sample IDS or an .ids file, check the open model in its IFC worker, record the
 * report in the review. A refused IDS (not XML, rejected by ids.xsd) says why with its line, and the result shown
 * and stored stays the previous one.
 */
export function IdsCheckCard({ submissionId, modelId }: ReviewPartProps) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const record = useReviewStore((s) => s.submissions[submissionId]?.ids ?? null);
  const ready = useBimStore((s) => s.models[modelId]?.status === 'ready');
  const run = useIdsRun(submissionId);
  const input = useRef<HTMLInputElement>(null);
  const checking = run.state === 'checking';
  const check = (name: string, readXml: () => Promise<string>) =>
    void runIdsCheck(submissionId, name, readXml, (idsXml) => checkModelIds(modelId, idsXml));

  const checkSample = () =>
    check(SAMPLE_IDS_NAME, async () => {
      const response = await fetch(SAMPLE_IDS_URL);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${SAMPLE_IDS_URL}`);
      return response.text();
    });

  return (
    <section className="bim-card review-ids" aria-labelledby="review-ids-title" data-testid="review-ids">
      <h4 id="review-ids-title">{t('review.ids.title')}</h4>
      <p className="bim-hint">{t('review.ids.intro')}</p>
      <div className="bim-buttons">
        <button type="button" className="bim-primary" data-testid="review-ids-sample" disabled={!ready || checking} onClick={checkSample}>
          {t('review.ids.sample')}
        </button>
        <button type="button" data-testid="review-ids-choose" disabled={!ready || checking} onClick={() => input.current?.click()}>
          {t('review.ids.choose')}
        </button>
        <input ref={input} type="file" accept=".ids,.xml" hidden aria-label={t('review.ids.fileLabel')} data-testid="review-ids-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) check(file.name, () => file.text());
          }} />
      </div>
      {!ready && <p className="bim-hint">{t('review.ids.notReady')}</p>}
      <p aria-live="polite" data-testid="review-ids-progress" data-state={run.state}>
        {run.state === 'checking' && t('review.ids.checking', { name: run.name })}
        {run.state === 'checked' && record?.outcome.status === 'checked' &&
          t('review.ids.checked', { title: record.idsTitle, summary: t('review.ids.summary', passingSpecifications(record.outcome.report)) })}
      </p>
      {run.state === 'refused' && (
        <p className="bim-error" role="alert" data-testid="review-ids-error" data-code={run.failure.code}>
          {t('review.ids.refused', { name: run.name, detail: run.failure.message[lang] })}
          {record && ` ${t('review.ids.keptPrevious')}`}
        </p>
      )}
      {run.state === 'failed' && (
        <p className="bim-error" role="alert" data-testid="review-ids-error">{t('review.ids.failed', { name: run.name, detail: run.detail })}</p>
      )}
      {record?.outcome.status === 'checked' ? (
        <IdsResult record={record} report={record.outcome.report} modelId={modelId} />
      ) : (
        <p className="bim-hint">{t('review.ids.none')}</p>
      )}
    </section>
  );
}
