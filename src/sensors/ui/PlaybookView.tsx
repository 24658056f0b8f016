import { useT } from '../../app/useT';
import { useViewStore } from '../../state';
import type { Playbook } from '../rules/types';

interface Props {
  playbook: Playbook;
  /** Ticked items as `step.item`. */
  checked: readonly string[];
  /** Null when the operator may not tick (no name in the profile, or the alert is resolved). */
  onCheck: ((item: string, checked: boolean) => void) | null;
}

/** A response playbook: ordered steps, each with its lead agency, a checklist the operator ticks, and contacts. */
export function PlaybookView({ playbook, checked, onCheck }: Props) {
  const t = useT();
  const lang = useViewStore((s) => s.lang);
  return (
    <section className="sensors-playbook" aria-labelledby="playbook-title" data-testid="playbook">
      <h5 id="playbook-title">
        {t('sensors.playbook')}: {playbook.name[lang]} {playbook.sample && <span className="sensors-tag">{t('sensors.sample')}</span>}
      </h5>
      <ol className="sensors-steps">
        {playbook.steps.map((step, s) => (
          <li key={s}>
            <p className="sensors-step-title">{t('sensors.playbook.step', { n: s + 1, title: step.title[lang] })}</p>
            <p className="sensors-step-agency">{t('sensors.playbook.agency')}: <strong>{step.agency}</strong></p>
            <ul className="sensors-checklist">
              {step.checklist.map((item, i) => {
                const key = `${s}.${i}`;
                return (
                  <li key={key}>
                    <label>
                      <input type="checkbox" checked={checked.includes(key)} disabled={!onCheck} onChange={(e) => onCheck?.(key, e.target.checked)} /> {item[lang]}
                    </label>
                  </li>
                );
              })}
            </ul>
            {step.contacts.length > 0 && (
              <p className="sensors-contacts">
                {t('sensors.playbook.contacts')}:{' '}
                {step.contacts.map((c, k) => (
                  <span key={k}>
                    {k > 0 && '; '}
                    {c.name}{c.role && ` (${c.role})`}
                    {c.phone && <> · <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a></>}
                    {c.email && <> · <a href={`mailto:${c.email}`}>{c.email}</a></>}
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
