// 排名: the county ranking of a year (units by total, grade, state, main deductions), with 打印排名 / 排名导出 PDF,
// every sheet of the year, and the Excel summary (which has the ranking as its own sheet).
import { useEffect, useState } from 'react';
import type { RankingRow } from '../../../../shared/ipc/contract';
import { GRADING_STATE_LABEL } from '../../../../shared/grading/assessment';
import { call, errorMessage } from '../../api';
import { ErrorText } from '../../components/error-text';
import { ExcelButton } from '../export/export-buttons';
import { PrintButtons } from './print-buttons';
import './print.css';

export interface RankingScreenProps {
  /** The year shown first; the library's latest year when absent. */
  year?: number;
  /** Opens a report (its review screen) from a row; the ranking's reports are the ones to move through with j/k. */
  onOpen?: (reportId: number, ids: number[]) => void;
}

export function RankingScreen({ year: initial, onOpen }: RankingScreenProps): React.JSX.Element {
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState<number | undefined>(initial);
  const [rows, setRows] = useState<RankingRow[] | null>(null);
  const [small, setSmall] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('library:list', { limit: 1 })
      .then((page) => {
        setYears(page.years);
        setYear((y) => y ?? page.years[0]);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  useEffect(() => {
    if (year === undefined) return;
    let live = true;
    setRows(null);
    setError(null);
    call('ranking:get', { year })
      .then((r) => {
        if (!live) return;
        setRows(r.rows);
        setSmall(r.smallSample);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [year]);

  return (
    <section className="ranking-screen" aria-label="排名">
      <header className="ranking-head">
        <h2>评审排名</h2>
        <label>
          年度{' '}
          <select value={year ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {year !== undefined && rows && rows.length > 0 && (
          <PrintButtons selection={{ year, order: 'ranking' }} what="ranking" pdfLabel="排名导出 PDF" />
        )}
        {year !== undefined && rows && rows.length > 0 && (
          <PrintButtons selection={{ year, order: 'ranking' }} printLabel="打印全部评分表" pdfLabel="全部评分表导出 PDF" />
        )}
        {year !== undefined && rows && rows.length > 0 && <ExcelButton selection={{ year, order: 'ranking' }} />}
      </header>
      <ErrorText message={error} />
      {small && rows && rows.length > 0 && (
        <p className="ranking-sample" role="note">
          样本偏少：仅 {rows.length} 个单位（少于 30 个），排名仅供参考。
        </p>
      )}
      {rows === null && !error && year !== undefined && <p>正在计算排名…</p>}
      {rows && rows.length === 0 && <p>该年度没有报告。</p>}
      {rows && rows.length > 0 && (
        <table className="ranking-table">
          <thead>
            <tr>
              <th>排名</th>
              <th>单位</th>
              <th>总分</th>
              <th>等级</th>
              <th>状态</th>
              <th>主要扣分</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reportId}>
                <td className="num">{r.rank}</td>
                <td>
                  {onOpen ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        onOpen(
                          r.reportId,
                          rows.map((x) => x.reportId),
                        )
                      }
                    >
                      {r.organ ?? '（未识别单位）'}
                    </button>
                  ) : (
                    (r.organ ?? '（未识别单位）')
                  )}
                </td>
                <td className="num">{r.total}</td>
                <td>{r.grade}</td>
                <td>{GRADING_STATE_LABEL[r.state]}</td>
                <td className="ranking-deductions">
                  {r.mainDeductions.map((d) => (
                    <div key={d}>{d}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
