import { useT } from '../../../../app/useT';
import { useBimStore, useViewStore } from '../../../../state';
import type { IdsReport } from '../../../ids/types';
import type { IdsCheckRecord } from '../../types';
import { passingSpecifications } from './idsCheckRecord';
import { IdsSpecificationItem } from './IdsSpecificationItem';

interface IdsResultProps {
  record: IdsCheckRecord;
  report: IdsReport;
  modelId: string;
}

/** The stored report of the last IDS check: its summary, then every specification with its failing elements. */
export function IdsResult({ record, report, modelId }: IdsResultProps) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const isolated = useBimStore((s) => s.isolatedElementIds);
  const { passed, total } = passingSpecifications(report);
  const at = new Date(record.checkedAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <div className="review-ids-result" data-testid="review-ids-result" data-ids-file={record.idsFileName} data-passed={passed} data-total={total}>
      <h5 className="review-ids-heading">
        {record.idsTitle || record.idsFileName}:{' '}
        <span className={report.passed ? 'review-ids-pass' : 'review-ids-fail'} data-testid="review-ids-summary">
          {t('review.ids.summary', { passed, total })}
        </span>
      </h5>
      <p className="bim-hint">
        {t('review.ids.meta', { file: record.idsFileName, schema: report.modelSchema, at, ms: Math.round(report.checkMs) })}
      </p>
      {isolated && (
        <p className="review-ids-isolated" aria-live="polite" data-testid="review-ids-isolated">
          {t('review.ids.isolated', { n: isolated.size })}{' '}
          <button type="button" data-testid="review-ids-reset" onClick={() => useBimStore.getState().isolate(null)}>{t('review.ids.reset')}</button>
        </p>
      )}
      <ol className="review-ids-specs">
        {report.specifications.map((specification, index) => (
          <IdsSpecificationItem key={`${record.checkedAt}-${index}`} specification={specification} modelId={modelId} />
        ))}
      </ol>
    </div>
  );
}
