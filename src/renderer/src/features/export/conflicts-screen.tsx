// 冲突: every item where a colleague's imported decision differs from the one in force here (both kept), for a second look.
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../api';
import { ErrorText } from '../../components/error-text';
import { ConflictTable, type Conflict } from './conflict-table';
import { useItemTitles } from './use-item-titles';
import './export.css';

interface Props {
  version: number;
  onOpen: (reportId: number, itemId: string) => void;
}

export function ConflictsScreen({ version, onOpen }: Props): React.JSX.Element {
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titles = useItemTitles();
  useEffect(() => {
    let live = true;
    call('package:conflicts', {}).then(
      (c) => live && setConflicts(c),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return (
    <section className="conflicts-screen" aria-label="评分冲突">
      <h2>评分冲突</h2>
      <p className="muted">
        导入评审包后，同一评分项两位评审人给分不同时，双方的评分都保留：本机的评分仍然有效，对方的评分记在历史中。点“查看评分”打开该报告的评分栏复核。
      </p>
      <ErrorText message={error} />
      {conflicts === null && !error && <p>正在加载…</p>}
      {conflicts && conflicts.length === 0 && <p className="empty-state">没有评分冲突。</p>}
      {conflicts && conflicts.length > 0 && <ConflictTable conflicts={conflicts} titles={titles} onOpen={onOpen} />}
    </section>
  );
}
