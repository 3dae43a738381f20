// Filters of the library: year, unit, status, grading state and the full-text search box.
import { useEffect, useState } from 'react';
import type { LibraryQuery, ReportStatus } from '../../../../shared/ipc/contract';
import { GRADING_STATE_LABEL, type GradingState } from '../../../../shared/grading/assessment';
import { STATUS_LABEL } from '../../components/labels';

interface Props {
  query: LibraryQuery;
  years: number[];
  organs: string[];
  onChange: (q: LibraryQuery) => void;
}

/** The query with one filter set or cleared; any change goes back to the first page. */
function without<K extends keyof LibraryQuery>(q: LibraryQuery, key: K, value: LibraryQuery[K] | undefined): LibraryQuery {
  const next: LibraryQuery = { ...q, offset: 0 };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}

export function LibraryFilters({ query, years, organs, onChange }: Props): React.JSX.Element {
  const [text, setText] = useState(query.text ?? '');
  // Search as the inspector types, but not on every keystroke.
  useEffect(() => {
    const t = setTimeout(() => {
      if ((query.text ?? '') !== text.trim()) onChange(without(query, 'text', text.trim() || undefined));
    }, 250);
    return () => clearTimeout(t);
  }, [text, query, onChange]);

  return (
    <div className="library-filters" role="search">
      <label>
        年度
        <select
          value={query.year ?? ''}
          onChange={(e) => onChange(without(query, 'year', e.target.value ? Number(e.target.value) : undefined))}
        >
          <option value="">全部年度</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y} 年
            </option>
          ))}
        </select>
      </label>
      <label>
        单位
        <select value={query.organ ?? ''} onChange={(e) => onChange(without(query, 'organ', e.target.value || undefined))}>
          <option value="">全部单位</option>
          {organs.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        状态
        <select
          value={query.status ?? ''}
          onChange={(e) => onChange(without(query, 'status', (e.target.value || undefined) as ReportStatus | undefined))}
        >
          <option value="">全部状态</option>
          {(Object.keys(STATUS_LABEL) as ReportStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        评分
        <select
          aria-label="按评分状态筛选"
          value={query.grading ?? ''}
          onChange={(e) => onChange(without(query, 'grading', (e.target.value || undefined) as GradingState | undefined))}
        >
          <option value="">全部</option>
          {(Object.keys(GRADING_STATE_LABEL) as GradingState[]).map((s) => (
            <option key={s} value={s}>
              {GRADING_STATE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="search-box">
        全文检索
        <input
          type="search"
          value={text}
          placeholder="输入关键词，例如 依申请公开"
          onChange={(e) => setText(e.target.value)}
          aria-label="全文检索"
        />
      </label>
    </div>
  );
}
