// The library's reports grouped by year, one line each, with the search snippet under a hit; rows open the review.
import type { ReportSummary, SearchHit } from '../../../../shared/ipc/contract';
import { FORMAT_LABEL, STATUS_LABEL } from '../../components/labels';
import { Snippet } from '../../components/snippet';

interface Props {
  reports: ReportSummary[];
  hits: SearchHit[];
  selected: Set<number>;
  onToggle: (id: number) => void;
  onToggleAll: (on: boolean) => void;
  onOpen: (id: number) => void;
}

function groups(reports: ReportSummary[]): { year: number | null; items: ReportSummary[] }[] {
  const out: { year: number | null; items: ReportSummary[] }[] = [];
  for (const r of reports) {
    const last = out[out.length - 1];
    if (last && last.year === r.year) last.items.push(r);
    else out.push({ year: r.year, items: [r] });
  }
  return out;
}

function Row({
  r,
  hit,
  checked,
  onToggle,
  onOpen,
}: {
  r: ReportSummary;
  hit?: SearchHit;
  checked: boolean;
  onToggle: () => void;
  onOpen: () => void;
}): React.JSX.Element {
  return (
    <>
      <tr className={`report-row status--${r.status}`} data-report-id={r.id}>
        <td>
          <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`选择 ${r.fileName}`} />
        </td>
        <td>{r.organ ?? <span className="muted">未识别</span>}</td>
        <td>{r.year ?? <span className="muted">—</span>}</td>
        <td className="file-cell">
          <button type="button" className="link-button report-open" onClick={onOpen} title={r.fileName}>
            {r.fileName}
          </button>
        </td>
        <td>{FORMAT_LABEL[r.format]}</td>
        <td>
          <span className={`status-badge status-badge--${r.status}`}>{STATUS_LABEL[r.status]}</span>
        </td>
        <td className="num">{r.uncertainCells || ''}</td>
        <td className="num">{r.problemCount || ''}</td>
        <td className="num">{r.correctionCount || ''}</td>
      </tr>
      {hit && (
        <tr className="hit-row">
          <td />
          <td colSpan={8}>
            <Snippet text={hit.snippet} />
          </td>
        </tr>
      )}
    </>
  );
}

export function ReportTable({ reports, hits, selected, onToggle, onToggleAll, onOpen }: Props): React.JSX.Element {
  const hitOf = new Map(hits.map((h) => [h.reportId, h]));
  const all = reports.length > 0 && reports.every((r) => selected.has(r.id));
  return (
    <table className="report-table">
      <thead>
        <tr>
          <th>
            <input type="checkbox" checked={all} onChange={(e) => onToggleAll(e.target.checked)} aria-label="全选" />
          </th>
          <th>单位</th>
          <th>年度</th>
          <th>文件</th>
          <th>格式</th>
          <th>状态</th>
          <th title="存疑或未找到的单元格">待核</th>
          <th title="导入时发现的问题">问题</th>
          <th>更正</th>
        </tr>
      </thead>
      {groups(reports).map((g) => (
        <tbody key={`${g.year ?? 'none'}-${g.items[0]?.id ?? 0}`}>
          <tr className="year-row">
            <th colSpan={9}>
              {g.year ? `${g.year} 年度` : '年度未识别'} · {g.items.length} 份
            </th>
          </tr>
          {g.items.map((r) => (
            <Row
              key={r.id}
              r={r}
              {...(hitOf.get(r.id) ? { hit: hitOf.get(r.id) } : {})}
              checked={selected.has(r.id)}
              onToggle={() => onToggle(r.id)}
              onOpen={() => onOpen(r.id)}
            />
          ))}
        </tbody>
      ))}
    </table>
  );
}
