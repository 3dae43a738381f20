// The library's reports grouped by year, one line each: grading state and total, why a report needs attention, the
// other files of the same report next to it, and the search snippet under a hit; rows open the review.
import type { ReportSummary, SearchHit } from '../../../../shared/ipc/contract';
import { FORMAT_LABEL, STATUS_LABEL } from '../../components/labels';
import { Snippet } from '../../components/snippet';
import { GradingCell } from './grading-cell';

interface Props {
  reports: ReportSummary[];
  hits: SearchHit[];
  selected: Set<number>;
  onToggle: (id: number) => void;
  onToggleAll: (on: boolean) => void;
  onOpen: (id: number) => void;
}

const COLUMNS = 10;

/** The other files of one report follow it directly (when they are on this page), so they read as one. */
function withPartners(items: ReportSummary[]): ReportSummary[] {
  const byId = new Map(items.map((r) => [r.id, r]));
  const placed = new Set<number>();
  const out: ReportSummary[] = [];
  for (const r of items) {
    if (placed.has(r.id)) continue;
    placed.add(r.id);
    out.push(r);
    for (const id of r.sameAs) {
      const other = byId.get(id);
      if (other && !placed.has(id)) {
        placed.add(id);
        out.push(other);
      }
    }
  }
  return out;
}

function groups(reports: ReportSummary[]): { year: number | null; items: ReportSummary[] }[] {
  const out: { year: number | null; items: ReportSummary[] }[] = [];
  for (const r of reports) {
    const last = out[out.length - 1];
    if (last && last.year === r.year) last.items.push(r);
    else out.push({ year: r.year, items: [r] });
  }
  return out.map((g) => ({ ...g, items: withPartners(g.items) }));
}

function SameAs({ r, names }: { r: ReportSummary; names: Map<number, string> }): React.JSX.Element | null {
  if (r.sameAs.length === 0) return null;
  const others = r.sameAs.map((id) => names.get(id) ?? `编号 ${id}`);
  return (
    <small className="same-as" title={others.join('\n')}>
      ⇄ 同一报告的另一文件：{others.join('、')}
    </small>
  );
}

function Status({ r }: { r: ReportSummary }): React.JSX.Element {
  const why = r.attention;
  return (
    <>
      <span className={`status-badge status-badge--${r.status}`} title={why.length > 0 ? why.join('\n') : undefined}>
        {STATUS_LABEL[r.status]}
      </span>
      {why.length > 0 && (
        <small className="attention" title={why.join('\n')}>
          {why[0]}
          {why.length > 1 ? ` 等 ${why.length} 项` : ''}
        </small>
      )}
    </>
  );
}

interface RowProps {
  r: ReportSummary;
  names: Map<number, string>;
  partner: boolean;
  hit?: SearchHit;
  checked: boolean;
  onToggle: () => void;
  onOpen: () => void;
}

function Row({ r, names, partner, hit, checked, onToggle, onOpen }: RowProps): React.JSX.Element {
  const cls = `report-row status--${r.status}${r.sameAs.length > 0 ? ' report-row--same-as' : ''}${partner ? ' report-row--partner' : ''}`;
  return (
    <>
      <tr className={cls} data-report-id={r.id}>
        <td>
          <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`选择 ${r.fileName}`} />
        </td>
        <td>{r.organ ?? <span className="muted">未识别</span>}</td>
        <td>{r.year ?? <span className="muted">—</span>}</td>
        <td className="file-cell">
          <button type="button" className="link-button report-open" onClick={onOpen} title={r.fileName}>
            {r.fileName}
          </button>
          <SameAs r={r} names={names} />
        </td>
        <td>{FORMAT_LABEL[r.format]}</td>
        <td className="status-cell">
          <Status r={r} />
        </td>
        <td className="grading-col">
          <GradingCell grading={r.grading} />
        </td>
        <td className="num uncertain-count">{r.uncertainCells || ''}</td>
        <td className="num">{r.problemCount || ''}</td>
        <td className="num">{r.correctionCount || ''}</td>
      </tr>
      {hit && (
        <tr className="hit-row">
          <td />
          <td colSpan={COLUMNS - 1}>
            <Snippet text={hit.snippet} />
          </td>
        </tr>
      )}
    </>
  );
}

export function ReportTable({ reports, hits, selected, onToggle, onToggleAll, onOpen }: Props): React.JSX.Element {
  const hitOf = new Map(hits.map((h) => [h.reportId, h]));
  const names = new Map(reports.map((r) => [r.id, r.fileName]));
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
          <th>评分</th>
          <th title="存疑或未找到的单元格">待核</th>
          <th title="导入时发现的问题">问题</th>
          <th>更正</th>
        </tr>
      </thead>
      {groups(reports).map((g) => (
        <tbody key={`${g.year ?? 'none'}-${g.items[0]?.id ?? 0}`}>
          <tr className="year-row">
            <th colSpan={COLUMNS}>
              {g.year ? `${g.year} 年度` : '年度未识别'} · {g.items.length} 份
            </th>
          </tr>
          {g.items.map((r, i) => (
            <Row
              key={r.id}
              r={r}
              names={names}
              partner={i > 0 && g.items[i - 1]?.sameAs.includes(r.id) === true}
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
