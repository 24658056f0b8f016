import { Fragment } from 'react';
import type { MessageKey } from '../../../../app/i18n';
import { useT } from '../../../../app/useT';
import { useViewStore } from '../../../../state';
import type { PlanCheckStatus } from '../../../plan/types';
import type { PlanCheckRecord } from '../../types';
import { formatPlanValue } from './formatPlanValue';
import { usePlanOverlayStore } from './planOverlayStore';

const STATUS_TEXT: Record<PlanCheckStatus, MessageKey> = {
  pass: 'review.plan.status.pass',
  fail: 'review.plan.status.fail',
  notApplicable: 'review.plan.status.notApplicable',
};

/**
 * The stored plan check of a submission: the plan (marked *mẫu / sample* when it is one), the parcel, every check
 * with its measured value, limit, status and the sentence that explains it, how it was measured, and the switch
 * that shows its visuals in the scene.
 */
export function PlanResults({ record }: { record: PlanCheckRecord }) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const shown = usePlanOverlayStore((s) => s.shown);
  const { report } = record;
  const { parcel } = report;
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  return (
    <section className="bim-card review-plan-result" aria-labelledby="review-plan-result-title" data-testid="review-plan-result" data-passed={report.passed} data-checked-at={record.checkedAt}>
      <h4 id="review-plan-result-title">
        {t('review.plan.result')}:{' '}
        <span className={report.passed ? 'review-plan-pass' : 'review-plan-fail'} data-testid="review-plan-passed">
          {t(report.passed ? 'review.plan.passed' : 'review.plan.notPassed')}
        </span>
      </h4>
      <p data-testid="review-plan-plan-name">
        {report.plan.name[lang]}
        {report.plan.sample && <> <span className="bim-badge-unverified" data-testid="review-plan-sample">{t('review.plan.sample')}</span></>}
      </p>
      <p className="bim-hint">{t('review.plan.checkedAt', { at: new Date(record.checkedAt).toLocaleString(locale), file: record.planFileName })}</p>
      <p data-testid="review-plan-parcel" data-parcel-id={parcel.id}>
        {t('review.plan.parcelLine', {
          id: parcel.id,
          name: (lang === 'en' && parcel.nameEn) || parcel.name,
          landUse: parcel.landUse,
          area: parcel.areaM2.toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
        })}
      </p>
      <p className="bim-hint">{t('review.plan.source', { source: parcel.source })}</p>
      <div className="review-plan-table-wrap">
        <table className="review-plan-table" data-testid="review-plan-checks">
          <caption>{t('review.plan.table', { id: parcel.id })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.plan.col.check')}</th>
              <th scope="col">{t('review.plan.col.measured')}</th>
              <th scope="col">{t('review.plan.col.limit')}</th>
              <th scope="col">{t('review.plan.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {report.checks.map((check) => (
              <Fragment key={check.id}>
                <tr data-testid="review-plan-check" data-check={check.id} data-status={check.status} className={`review-plan-row-${check.status}`}>
                  <th scope="row">{check.label[lang]}</th>
                  <td data-testid="review-plan-measured">
                    {check.unit === 'storeys' ? t('review.plan.storeys', { n: formatPlanValue(lang, check, check.measured) }) : formatPlanValue(lang, check, check.measured)}
                  </td>
                  <td data-testid="review-plan-limit">
                    {check.limit === null ? t('review.plan.noLimit') : `${check.comparison} ${formatPlanValue(lang, check, check.limit)}`}
                  </td>
                  <td data-testid="review-plan-status" className={`review-plan-status review-plan-${check.status}`}>{t(STATUS_TEXT[check.status])}</td>
                </tr>
                <tr className="review-plan-detail">
                  <td colSpan={4} data-testid="review-plan-detail">
                    <span className="visually-hidden">{t('review.plan.col.detail')}: </span>{check.detail[lang]}
                  </td>
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <details>
        <summary>{t('review.plan.method')}</summary>
        <ul className="bim-reasons">
          {report.method.map((note, i) => <li key={i}>{note[lang]}</li>)}
        </ul>
      </details>
      <label className="review-plan-toggle">
        <input type="checkbox" checked={shown} data-testid="review-plan-overlay" onChange={(event) => usePlanOverlayStore.getState().show(event.target.checked)} />{' '}
        {t('review.plan.overlay')}
      </label>
    </section>
  );
}
