// Which reports a batch (Excel summary, review package) covers: the chosen ids, checked against the library, or a year.
import type { BatchSelection } from '../../shared/ipc/contract';
import * as repo from '../db/index';
import type { Db } from '../db/index';
import { ServiceError } from '../services/errors';

/** Ids the inspector chose, each once, every one checked to be in the library (print and export batches alike). */
export function chosenIds(db: Db, reportIds: readonly number[]): number[] {
  const ids = [...new Set(reportIds)];
  for (const id of ids) {
    if (!repo.getReportRow(db, id)) throw new ServiceError('not-found', `找不到编号为 ${id} 的报告（可能已被删除）。`);
  }
  return ids;
}

/** The report ids of a selection; chosen ids win over the year. Refuses an unknown id and an empty batch. */
export function selectReports(db: Db, selection: BatchSelection): number[] {
  let ids: number[];
  if (selection.reportIds && selection.reportIds.length > 0) {
    ids = chosenIds(db, selection.reportIds);
  } else if (selection.year !== undefined) {
    ids = repo.reportsOfYear(db, selection.year).map((r) => r.id);
  } else {
    ids = repo.listReportIds(db);
  }
  if (ids.length === 0)
    throw new ServiceError('not-found', selection.year !== undefined ? `库中没有 ${selection.year} 年度的报告。` : '所选范围内没有报告。');
  return ids;
}

/** A job id for job:progress events. */
export function newJobId(kind: string): string {
  return `${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
