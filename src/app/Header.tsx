import type { MouseEvent } from 'react';
import { useViewStore, WORKSPACES, type Workspace } from '../state';
import type { MessageKey } from './i18n';
import { WORKSPACE_PATHS } from './urlState';
import { navigateToWorkspacePath } from './urlSync';
import { useT } from './useT';

const WORKSPACE_LABEL: Record<Workspace, MessageKey> = {
  bim: 'workspace.bim',
  ops: 'workspace.ops',
  brief: 'workspace.brief',
};

export function Header() {
  const t = useT();
  const workspace = useViewStore((s) => s.workspace);
  const lang = useViewStore((s) => s.lang);
  const setWorkspace = useViewStore((s) => s.setWorkspace);
  const setLang = useViewStore((s) => s.setLang);

  const go = (event: MouseEvent<HTMLAnchorElement>, target: Workspace) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    if (target === workspace) return;
    navigateToWorkspacePath(WORKSPACE_PATHS[target]);
    setWorkspace(target);
  };

  return (
    <header className="header">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav">
          {WORKSPACES.map((w) => (
            <li key={w}>
              <a
                href={WORKSPACE_PATHS[w]}
                data-testid={`nav-${WORKSPACE_PATHS[w].slice(1)}`}
                aria-current={w === workspace ? 'page' : undefined}
                onClick={(event) => go(event, w)}
              >
                {t(WORKSPACE_LABEL[w])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <button
        type="button"
        className="lang-switch"
        data-testid="lang-switch"
        lang={lang === 'vi' ? 'en' : 'vi'}
        title={t('lang.switchLabel')}
        onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
      >
        {t('lang.switch')}
      </button>
    </header>
  );
}
