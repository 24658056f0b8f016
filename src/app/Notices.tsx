import { useViewStore } from '../state';
import { useRender, useT } from './useT';

export function Notices() {
  const t = useT();
  const renderMessage = useRender();
  const notices = useViewStore((s) => s.notices);
  const dismiss = useViewStore((s) => s.dismissNotice);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <p key={notice.id} className={`notice notice-${notice.level}`} data-testid="notice">
          <span>{renderMessage(notice.message)}</span>
          <button type="button" aria-label={t('notice.dismiss')} onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
