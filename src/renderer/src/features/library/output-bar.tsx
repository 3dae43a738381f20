// 打印与导出 in the library: the chosen reports or a whole year, in ranking or unit order, to 评分表 (print / PDF),
// the Excel summary and a review package; and 导入评审包 from a colleague.
import { useEffect, useState } from 'react';
import type { BatchSelection, PackageImportSummary } from '../../../../shared/ipc/contract';
import { ExcelButton, PackageExportButton } from '../export/export-buttons';
import { PackageImportButton } from '../export/package-import';
import { PrintButtons } from '../print/print-buttons';
import '../export/export.css';

interface Props {
  selected: number[];
  years: number[];
  /** The library's year filter: the year offered first. */
  year: number | undefined;
  onImported: (s: PackageImportSummary) => void;
}

export function OutputBar({ selected, years, year, onImported }: Props): React.JSX.Element {
  // 'auto': the selection when there is one, else the filtered (or latest) year.
  const [scope, setScope] = useState<string>('auto');
  const [order, setOrder] = useState<'ranking' | 'unit'>('ranking');
  // Progress and outcomes go to one line under the buttons, so the buttons never move.
  const [status, setStatus] = useState<HTMLDivElement | null>(null);
  const hasSelection = selected.length > 0;
  useEffect(() => setScope('auto'), [hasSelection, year]);
  const fallbackYear = year ?? years[0];
  const effective = scope === 'sel' && !hasSelection ? 'auto' : scope;
  const selection: BatchSelection | null =
    effective === 'sel' || (effective === 'auto' && hasSelection)
      ? { reportIds: [...selected].sort((a, b) => a - b), order }
      : effective === 'auto'
        ? fallbackYear !== undefined
          ? { year: fallbackYear, order }
          : null
        : { year: Number(effective.slice(2)), order };
  const value = selection?.reportIds ? 'sel' : selection?.year !== undefined ? `y:${selection.year}` : '';
  return (
    <div className="output-bar" role="toolbar" aria-label="打印与导出">
      <div className="output-bar-row">
        <span className="output-bar-title">打印与导出</span>
        {selection && (
          <>
            <label>
              范围
              <select aria-label="打印导出范围" value={value} onChange={(e) => setScope(e.target.value)}>
                <option value="sel" disabled={!hasSelection}>
                  已选 {selected.length} 份
                </option>
                {years.map((y) => (
                  <option key={y} value={`y:${y}`}>
                    {y} 年度全部
                  </option>
                ))}
              </select>
            </label>
            <label>
              顺序
              <select aria-label="评分表顺序" value={order} onChange={(e) => setOrder(e.target.value as 'ranking' | 'unit')}>
                <option value="ranking">按排名</option>
                <option value="unit">按单位</option>
              </select>
            </label>
            <PrintButtons selection={selection} statusIn={status} />
            <ExcelButton selection={selection} statusIn={status} />
            <PackageExportButton selection={selection} statusIn={status} />
          </>
        )}
        <span className="divider" />
        <PackageImportButton onDone={onImported} statusIn={status} />
      </div>
      <div className="output-status" ref={setStatus} />
    </div>
  );
}
