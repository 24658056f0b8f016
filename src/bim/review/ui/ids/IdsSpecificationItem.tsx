import { useT } from '../../../../app/useT';
import { useViewStore } from '../../../../state';
import type { IdsSpecificationResult } from '../../../ids/types';
import { FailingElements } from './FailingElements';

interface IdsSpecificationItemProps {
  specification: IdsSpecificationResult;
  modelId: string;
}

/**
 * One specification of the report: its status (pass, fail, or a model of another IFC schema — never shown as a
 * pass), the applicable / passed / failed counts, why it fails beyond its requirements, and each requirement with
 * the elements that fail it.
 */
export function IdsSpecificationItem({ specification: spec, modelId }: IdsSpecificationItemProps) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  return (
    <li className="review-ids-spec" data-testid="review-ids-spec" data-status={spec.status} data-name={spec.name}>
      <h6 className="review-ids-spec-head">
        <span className={`review-ids-badge review-ids-badge-${spec.status}`} data-testid="review-ids-spec-status">
          {t(`review.ids.status.${spec.status}`)}
        </span>{' '}
        {spec.name}
        {spec.identifier && <span className="review-ids-identifier"> {spec.identifier}</span>}
      </h6>
      <p className="bim-hint">
        {t(`review.ids.usage.${spec.usage}`)} ·{' '}
        {t('review.ids.counts', { applicable: spec.applicableCount, passed: spec.passedCount, failed: spec.failedCount })}
        {!spec.ifcVersionMatches && <> · {t('review.ids.versions', { versions: spec.ifcVersions.join(', ') })}</>}
      </p>
      {spec.description && <p className="review-ids-description">{spec.description}</p>}
      {spec.messages.length > 0 && (
        <ul className="bim-reasons" data-testid="review-ids-spec-messages">
          {spec.messages.map((message, i) => <li key={i}>{message[lang]}</li>)}
        </ul>
      )}
      {spec.prohibitedElements.length > 0 && (
        <FailingElements label={t('review.ids.prohibitedElements')} failures={spec.prohibitedElements} modelId={modelId} />
      )}
      {spec.requirements.length > 0 && (
        <ul className="review-ids-requirements" aria-label={t('review.ids.requirements')}>
          {spec.requirements.map((requirement, i) => (
            <li key={i} data-testid="review-ids-requirement" data-passed={requirement.passed}>
              <span aria-hidden="true" className={requirement.passed ? 'review-ids-pass' : 'review-ids-fail'}>{requirement.passed ? '✓' : '✗'} </span>
              {requirement.description[lang]} —{' '}
              {requirement.passed ? t('review.ids.requirementPassed') : t('review.ids.requirementFailed', { n: requirement.failures.length })}
              {requirement.failures.length > 0 && (
                <FailingElements label={requirement.description[lang]} failures={requirement.failures} modelId={modelId} />
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
