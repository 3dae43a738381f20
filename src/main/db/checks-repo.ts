// The checks stored with a report, in the order the checker produced them.
import type { CheckResult } from '../../shared/model/report';
import type { Db } from './connection';

export function listChecks(db: Db, reportId: number): CheckResult[] {
  const rows = db
    .prepare('SELECT check_id AS id, status, message, cells_json AS cells FROM checks WHERE report_id = ? ORDER BY ord, check_id')
    .all(reportId) as { id: string; status: CheckResult['status']; message: string; cells: string }[];
  return rows.map((r) => ({ ...r, cells: JSON.parse(r.cells) as string[] }));
}
