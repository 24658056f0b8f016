import { useT } from '../../app/useT';
import type { AlertLevel } from '../types';

/** The operating level in words and colour (never colour alone: the word is the badge). */
export function LevelBadge({ level }: { level: AlertLevel }) {
  const t = useT();
  return <span className={`sensors-level sensors-level-${level}`}>{t(`sensors.level.${level}`)}</span>;
}
