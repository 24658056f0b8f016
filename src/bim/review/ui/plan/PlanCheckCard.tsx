import { useEffect, useRef, useState } from 'react';
import { translate, type MessageKey } from '../../../../app/i18n';
import { useT } from '../../../../app/useT';
import type { LocalizedText } from '../../../../geo';
import { useBimStore, useViewStore } from '../../../../state';
import { useReviewStore } from '../../../../state/reviewStore';
import { ifcModels } from '../../../modelRegistry';
import { PlanError, parsePlanText } from '../../../plan';
import type { ZoningPlan } from '../../../plan';
import { checkPlanInWorker } from '../../../plan/planClient';
import type { PlanCheckRecord } from '../../types';
import type { ReviewPartProps } from '../ReviewPanel';
import { PlanResults } from './PlanResults';
import './plan.css';

/** The demo's sample plan, served from assets/demo/plan. */
const SAMPLE_PLAN_URL = `${import.meta.env.BASE_URL}demo/plan/sample-plan.geojson`;
const SAMPLE_PLAN_FILE = 'sample-plan.geojson';

interface LoadedPlan {
  fileName: string;
  plan: ZoningPlan;
}

/** What went wrong, in the words of the message `key` with the detail in both languages. */
interface Problem {
  key: MessageKey;
  file: string;
  detail: LocalizedText;
}

const asText = (error: unknown): LocalizedText => {
  const message = error instanceof Error ? error.message : String(error);
  return { vi: message, en: message };
};

/** The audit line of a check, with its figures. */
function summaryOf({ planFileName, report }: PlanCheckRecord): LocalizedText {
  const count = (status: string) => report.checks.filter((check) => check.status === status).length;
  const line = (lang: 'vi' | 'en') =>
    translate(lang, 'review.plan.summary', {
      plan: report.plan.name[lang], file: planFileName, parcel: report.parcel.id, pass: count('pass'), fail: count('fail'), na: count('notApplicable'),
    });
  return { vi: line('vi'), en: line('en') };
}

/**
 * The plan tab: choose a zoning plan (the demo's sample, or a GeoJSON file), the parcel (the submission's when the
 * plan has it, else the one the building stands on, or any other), run the check in a worker and record it on the
 * submission. A plan that cannot be read says where and why; the stored result stays until a check replaces it.
 */
export function PlanCheckCard({ submissionId, modelId }: ReviewPartProps) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  const record = useReviewStore((s) => s.submissions[submissionId]?.plan ?? null);
  const submissionParcel = useReviewStore((s) => s.submissions[submissionId]?.parcelId ?? null);
  const status = useBimStore((s) => s.models[modelId]?.status);
  const placement = useBimStore((s) => s.models[modelId]?.placement ?? null);
  const [loaded, setLoaded] = useState<LoadedPlan | null>(null);
  const [parcelId, setParcelId] = useState('');
  const [busy, setBusy] = useState<'sample' | 'check' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const running = useRef<AbortController | null>(null);
  // Leaving the tab ends a check in progress: its worker holds a copy of the model's geometry.
  useEffect(() => () => running.current?.abort(), []);

  const readPlan = (fileName: string, text: string): void => {
    try {
      const plan = parsePlanText(text);
      setLoaded({ fileName, plan });
      setParcelId(plan.parcels.some((p) => p.id === submissionParcel) ? submissionParcel! : '');
      setProblem(null);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      setProblem({ key: 'review.plan.planError', file: fileName, detail: error.userMessage });
    }
  };

  const loadSample = (): void => {
    setBusy('sample');
    fetch(SAMPLE_PLAN_URL)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} ${SAMPLE_PLAN_URL}`);
        return response.text();
      })
      .then((text) => readPlan(SAMPLE_PLAN_FILE, text), (error: unknown) => setProblem({ key: 'review.plan.loadFailed', file: SAMPLE_PLAN_FILE, detail: asText(error) }))
      .finally(() => setBusy(null));
  };

  const placed = placement !== null && placement.source !== 'none';
  const ready = status === 'ready';
  const run = (): void => {
    const model = ifcModels.get(modelId);
    if (!loaded || !model?.header || !placement) return;
    setBusy('check');
    setProblem(null);
    const controller = new AbortController();
    running.current = controller;
    checkPlanInWorker({ header: model.header, chunks: model.chunks, placement }, loaded.plan, parcelId || null, { signal: controller.signal })
      .then((report) => {
        const checked: PlanCheckRecord = { planFileName: loaded.fileName, checkedAt: new Date().toISOString(), report };
        useReviewStore.getState().recordPlan(submissionId, checked, summaryOf(checked));
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const key = error instanceof PlanError ? (error.subject === 'model' ? 'review.plan.modelError' : 'review.plan.planError') : 'review.plan.failed';
        setProblem({ key, file: loaded.fileName, detail: error instanceof PlanError ? error.userMessage : asText(error) });
      })
      .finally(() => {
        running.current = null;
        setBusy(null);
      });
  };

  return (
    <section className="bim-card review-plan" aria-labelledby="review-plan-title" data-testid="review-plan">
      <h4 id="review-plan-title">{t('review.plan.title')}</h4>
      <p className="bim-hint">{t('review.plan.intro')}</p>
      <div className="bim-buttons">
        <button type="button" data-testid="review-plan-sample-plan" disabled={busy !== null} onClick={loadSample}>
          {busy === 'sample' ? t('review.plan.loadingSample') : t('review.plan.useSample')}
        </button>
        <button type="button" data-testid="review-plan-open-file" disabled={busy !== null} onClick={() => input.current?.click()}>{t('review.plan.openFile')}</button>
        <input ref={input} type="file" accept=".geojson,.json,application/geo+json" hidden aria-label={t('review.plan.fileInput')} data-testid="review-plan-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void file.text().then((text) => readPlan(file.name, text));
          }} />
      </div>
      {loaded && (
        <>
          <p data-testid="review-plan-loaded">
            {t('review.plan.loaded', { name: loaded.plan.name[lang], file: loaded.fileName, parcels: loaded.plan.parcels.length })}
            {loaded.plan.sample && <> <span className="bim-badge-unverified">{t('review.plan.sample')}</span></>}
          </p>
          {loaded.plan.notice && <p className="bim-hint">{loaded.plan.notice[lang]}</p>}
          <label className="bim-field">
            {t('review.plan.parcel')}
            <select value={parcelId} data-testid="review-plan-parcel-select" onChange={(event) => setParcelId(event.target.value)}>
              <option value="">{t('review.plan.parcelAuto')}</option>
              {loaded.plan.parcels.map((p) => (
                <option key={p.id} value={p.id}>{`${p.id} — ${(lang === 'en' && p.nameEn) || p.name}`}</option>
              ))}
            </select>
          </label>
        </>
      )}
      {!ready && <p className="bim-hint">{t('review.plan.needsModel')}</p>}
      {ready && !placed && <p className="bim-error" data-testid="review-plan-needs-placement">{t('review.plan.needsPlacement')}</p>}
      {placement?.trust === 'unverified' && <p className="bim-hint">{t('review.plan.unverified')}</p>}
      <button type="button" className="bim-primary" data-testid="review-plan-run" disabled={!loaded || !placed || !ready || busy !== null} onClick={run}>
        {t('review.plan.run')}
      </button>
      <p aria-live="polite" data-testid="review-plan-progress">{busy === 'check' ? t('review.plan.running') : ''}</p>
      {busy === 'check' && (
        <button type="button" data-testid="review-plan-stop" onClick={() => running.current?.abort(new Error('stopped'))}>{t('review.plan.stop')}</button>
      )}
      {problem && (
        <p className="bim-error" role="alert" data-testid="review-plan-error">
          {t(problem.key, { file: problem.file, detail: problem.detail[lang] })}
        </p>
      )}
      {record && <PlanResults record={record} />}
    </section>
  );
}
