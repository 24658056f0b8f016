import { useEffect, useId, useState } from 'react';
import { useT } from '../../app/useT';
import { useAlertStore } from '../../state/alertStore';

/** The operator's name (persisted): the user every action in the audit log is signed with, until sign-in exists. */
export function ProfileSetting() {
  const t = useT();
  const id = useId();
  const operator = useAlertStore((s) => s.operator);
  const setOperator = useAlertStore((s) => s.setOperator);
  const [name, setName] = useState(operator);
  useEffect(() => setName(operator), [operator]);
  return (
    <form className="sensors-profile" aria-labelledby={`${id}-title`} onSubmit={(e) => {
      e.preventDefault();
      setOperator(name);
    }}>
      <h4 id={`${id}-title`}>{t('sensors.profile')}</h4>
      <div className="sensors-inline-form">
        <label htmlFor={`${id}-name`}>{t('sensors.profile.name')}</label>
        <input id={`${id}-name`} value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={name.trim() === operator}>{t('sensors.profile.save')}</button>
      </div>
      <p className={operator ? 'hint' : 'sensors-warning'} data-testid="operator-status">
        {operator ? t('sensors.profile.saved', { name: operator }) : t('sensors.profile.missing')}
      </p>
    </form>
  );
}
