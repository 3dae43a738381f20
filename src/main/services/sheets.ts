// What the print channels print: each selected report's assessment with its unit, year, template and dates (one report
// per sheet, the other files of the same report left out), in ranking or unit order; and the county ranking rows.
import { setImmediate as yieldNow } from 'node:timers/promises';
import { mainDeductions, rank, SMALL_SAMPLE, type RankRow } from '../../shared/grading/ranking';
import type { BatchSelection } from '../../shared/ipc/contract';
import type { RankingData, SheetData } from '../../shared/print/types';
import * as repo from '../db/index';
import { chosenIds } from '../export/selection';
import { ServiceError } from './errors';
import type { ServiceContext } from './handlers/context';

export interface GatheredSheet extends SheetData {
  reportId: number;
}

/** The reports a selection covers: the given ids as given, or the year's reports with one file per report. */
export function selectReports(ctx: ServiceContext, sel: BatchSelection): number[] {
  if (sel.reportIds) return chosenIds(ctx.db, sel.reportIds);
  if (sel.year === undefined) throw new ServiceError('invalid-input', '请指定报告或年度。');
  const ids = repo.reportsOfYear(ctx.db, sel.year).map((r) => r.id);
  // The same report imported as several files (Word and PDF): print the file the inspector worked on (most decisions).
  const out: number[] = [];
  const done = new Set<number>();
  for (const id of ids) {
    if (done.has(id)) continue;
    const group = [id, ...ctx.grading.sameAs(id)].filter((x) => ids.includes(x));
    group.forEach((x) => done.add(x));
    const weight = (x: number): number => repo.listDecisions(ctx.db, x).length;
    out.push(group.reduce((best, x) => (weight(x) > weight(best) || (weight(x) === weight(best) && x < best) ? x : best)));
  }
  return out;
}

export function sheetData(ctx: ServiceContext, id: number): GatheredSheet {
  const row = repo.getReportRow(ctx.db, id);
  if (!row) throw new ServiceError('not-found', `找不到编号为 ${id} 的报告（可能已被删除）。`);
  const g = ctx.grading.grade(id);
  const decided = g.assessment.items
    .map((i) => i.decision?.at ?? '')
    .filter(Boolean)
    .sort();
  return {
    reportId: id,
    organ: row.organ,
    year: row.year,
    template: row.template,
    publishedAt: g.publishedAt.date,
    publishedSource: g.publishedAt.source,
    reviewedAt: decided[decided.length - 1] ?? null,
    fileName: row.fileName,
    checklist: { ref: g.assessment.checklist, name: g.checklist.name, groups: g.checklist.groups },
    assessment: g.assessment,
  };
}

/** Grades every selected report, yielding to the event loop between reports; cancellable between them. */
export async function gatherSheets(
  ctx: ServiceContext,
  ids: readonly number[],
  order: BatchSelection['order'],
  each?: (done: number, total: number, label: string) => void,
  signal?: AbortSignal,
): Promise<GatheredSheet[]> {
  const out: GatheredSheet[] = [];
  for (const id of ids) {
    if (signal?.aborted) throw new ServiceError('cancelled', '已取消。');
    await yieldNow();
    const s = sheetData(ctx, id);
    out.push(s);
    each?.(out.length, ids.length, s.organ ?? s.fileName ?? '');
  }
  return orderSheets(out, order ?? 'ranking');
}

const byUnit = (a: { organ: string | null }, b: { organ: string | null }): number =>
  (a.organ ?? '').localeCompare(b.organ ?? '', 'zh-Hans-CN');

export function orderSheets(sheets: GatheredSheet[], order: 'ranking' | 'unit'): GatheredSheet[] {
  if (order === 'unit') return [...sheets].sort((a, b) => byUnit(a, b) || (a.year ?? 0) - (b.year ?? 0) || a.reportId - b.reportId);
  const byId = new Map(sheets.map((s) => [s.reportId, s]));
  return rank(sheets.map(rankInput)).map((r) => byId.get(r.reportId)!);
}

function rankInput(s: GatheredSheet) {
  const a = s.assessment;
  return {
    reportId: s.reportId,
    organ: s.organ,
    year: s.year,
    total: a.total,
    max: a.max,
    grade: a.grade,
    state: a.state,
    mainDeductions: mainDeductions(a.items),
  };
}

export function rankingOf(sheets: readonly GatheredSheet[], year: number | null): RankingData & { rows: RankRow[] } {
  const rows = rank(sheets.map(rankInput));
  return { year, rows, smallSample: rows.length < SMALL_SAMPLE, madeAt: new Date().toISOString().slice(0, 10) };
}
