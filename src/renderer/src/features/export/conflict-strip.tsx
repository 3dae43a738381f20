// On the review screen: the items of this report where a colleague's imported decision differs from the one in force
// here (both kept), one line, so the inspector sees the other points while looking at the item.
import { useEffect, useState } from 'react';
import { call } from '../../api';
import { pts } from '../grading/evidence';
import type { Conflict } from './conflict-table';
import './export.css';

export function ConflictStrip({ reportId, version }: { reportId: number; version?: unknown }): React.JSX.Element | null {
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  useEffect(() => {
    let live = true;
    call('package:conflicts', { reportIds: [reportId] }).then(
      (c) => live && setConflicts(c),
      () => live && setConflicts([]),
    );
    return () => {
      live = false;
    };
  }, [reportId, version]);
  if (conflicts.length === 0) return null;
  return (
    <p className="conflict-strip" role="note" aria-label="评分冲突">
      评审包冲突（双方评分均保留，本机评分有效）：
      {conflicts.map((c, i) => (
        <span key={`${c.itemId}-${i}`} className="conflict-strip-item" data-item-id={c.itemId}>
          {c.itemId} 本机 {pts(c.here)} 分，{c.thereBy} {pts(c.there)} 分
        </span>
      ))}
    </p>
  );
}
