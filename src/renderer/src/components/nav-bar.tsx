// The top bar: the screens, the import in progress, the conflicts to look at, the library file and its backup.
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../api';
import type { ImportState } from '../features/import/use-import';

export type Screen = 'library' | 'import' | 'review' | 'ranking' | 'conflicts' | 'checklists';

interface Props {
  screen: Screen;
  onScreen: (s: Screen) => void;
  canReview: boolean;
  importer: ImportState;
  onNotice: (m: string) => void;
  version: number;
  /** Items where a colleague's imported decision differs from the one here. */
  conflicts: number;
}

const TABS: { id: Screen; label: string }[] = [
  { id: 'library', label: '报告库' },
  { id: 'import', label: '导入' },
  { id: 'review', label: '审阅' },
  { id: 'ranking', label: '排名' },
  { id: 'conflicts', label: '冲突' },
  { id: 'checklists', label: '评分表设置' },
];

export function NavBar({ screen, onScreen, canReview, importer, onNotice, version, conflicts }: Props): React.JSX.Element {
  const [info, setInfo] = useState<{ path: string; reports: number } | null>(null);
  useEffect(() => {
    call('db:info', {}).then(setInfo, () => setInfo(null));
  }, [version]);
  const job = importer.current;
  const backup = (): void => {
    call('db:backup', {}).then(
      (r) => onNotice(`已备份到：${r.path}`),
      (e: unknown) => onNotice(errorMessage(e)),
    );
  };
  return (
    <header className="nav-bar">
      <h1 className="app-title">政府信息公开年报评审</h1>
      <nav className="nav-tabs" aria-label="主菜单">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            className={`nav-tab${screen === t.id ? ' nav-tab--active' : ''}`}
            aria-current={screen === t.id ? 'page' : undefined}
            disabled={t.id === 'review' && !canReview}
            onClick={() => onScreen(t.id)}
          >
            {t.label}
            {t.id === 'import' && job?.running && (
              <span className="nav-badge">
                {job.current}/{job.total || '…'}
              </span>
            )}
            {t.id === 'conflicts' && conflicts > 0 && (
              <span className="nav-badge" title={`${conflicts} 处评分冲突`}>
                {conflicts}
              </span>
            )}
          </button>
        ))}
      </nav>
      <div className="nav-info" title={info?.path}>
        {info ? `库中 ${info.reports} 份报告` : ''}
        <button type="button" className="link-button" onClick={backup}>
          备份评审库
        </button>
      </div>
    </header>
  );
}
