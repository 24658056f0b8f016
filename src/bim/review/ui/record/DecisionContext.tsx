import { useT } from '../../../../app/useT';
import type { AsBuiltSubmission } from '../../types';

/** BCF statuses that no longer need the investor's action (BCF 3.0 leaves the list to the project). */
const SETTLED = /^(closed|resolved|done)$/i;

/** What the decision rests on, as the other tabs recorded it: IDS result, plan checks, issues still open. */
export function DecisionContext({ submission }: { submission: AsBuiltSubmission }) {
  const t = useT();
  const { ids, plan, issues } = submission;
  const idsText = !ids ? t('review.decision.notChecked')
    : ids.outcome.status === 'refused' ? t('review.decision.idsRefused', { file: ids.idsFileName })
      : t('review.decision.idsResult', {
        passed: ids.outcome.report.specifications.filter((s) => s.status === 'pass').length,
        total: ids.outcome.report.specifications.length,
        file: ids.idsFileName,
      });
  const planText = !plan ? t('review.decision.notChecked') : t('review.decision.planResult', {
    failed: plan.report.checks.filter((check) => check.status === 'fail').length,
    total: plan.report.checks.length,
    parcel: plan.report.parcel.id,
  });
  const open = issues.topics.filter((topic) => !SETTLED.test(topic.topicStatus)).length;
  return (
    <section aria-labelledby="review-decision-context">
      <h4 id="review-decision-context">{t('review.decision.context')}</h4>
      <dl className="attributes">
        <dt>{t('review.decision.ids')}</dt>
        <dd data-testid="review-decision-ids" data-passed={ids?.outcome.status === 'checked' ? ids.outcome.report.passed : undefined}>{idsText}</dd>
        <dt>{t('review.decision.plan')}</dt>
        <dd data-testid="review-decision-plan" data-passed={plan?.report.passed}>{planText}</dd>
        <dt>{t('review.decision.issues')}</dt>
        <dd data-testid="review-decision-issues" data-open={open}>{t('review.decision.issuesCount', { open, total: issues.topics.length })}</dd>
      </dl>
    </section>
  );
}
