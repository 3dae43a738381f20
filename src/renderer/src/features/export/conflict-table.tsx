// Conflicts between two inspectors' decisions on the same item (both kept): unit, item, the points in force here and
// the colleague's, by whom, and a link to the report's grading panel on that item.
import type { PackageImportSummary } from '../../../../shared/ipc/contract';
import { pts } from '../grading/evidence';

export type Conflict = PackageImportSummary['conflicts'][number];

interface Props {
  conflicts: Conflict[];
  titles: Map<string, string>;
  onOpen: (reportId: number, itemId: string) => void;
}

export function ConflictTable({ conflicts, titles, onOpen }: Props): React.JSX.Element {
  return (
    <table className="conflict-table">
      <thead>
        <tr>
          <th>单位</th>
          <th>评分项</th>
          <th className="num">本机得分</th>
          <th className="num">对方得分</th>
          <th>对方评审人</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {conflicts.map((c, i) => (
          <tr key={`${c.reportId}-${c.itemId}-${i}`} className="conflict-row" data-report-id={c.reportId} data-item-id={c.itemId}>
            <td>{c.organ ?? '（未识别单位）'}</td>
            <td>
              <span className="conflict-item-id">{c.itemId}</span> {titles.get(c.itemId) ?? ''}
            </td>
            <td className="num" data-field="here">
              {pts(c.here)}
            </td>
            <td className="num conflict-there" data-field="there">
              {pts(c.there)}
            </td>
            <td>{c.thereBy}</td>
            <td>
              <button type="button" className="link-button" onClick={() => onOpen(c.reportId, c.itemId)}>
                查看评分
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
