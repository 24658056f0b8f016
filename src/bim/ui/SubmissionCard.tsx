import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import { useBimViewStore } from './bimViewStore';

/** What the submission a model came with says: its title, that it is a demo, and the parcel it stands on. */
export function SubmissionCard({ modelId }: { modelId: string }) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const submission = useBimViewStore((s) => s.submissions[modelId]);
  if (!submission) return null;
  const parcel = submission.parcel;
  return (
    <section className="bim-card" aria-labelledby="bim-submission-title" data-testid="bim-submission">
      <h3 id="bim-submission-title">{t('bim.demo.submission')}</h3>
      <p>{submission.title[lang]}</p>
      <p className="bim-hint">{submission.notice[lang]}</p>
      <dl className="attributes">
        <dt>{t('bim.demo.parcel')}</dt>
        <dd data-testid="bim-parcel">{[parcel.tags.name, parcel.osmId].filter((part) => part).join(' · ')}</dd>
      </dl>
    </section>
  );
}
