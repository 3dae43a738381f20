// The county summary behind the Excel file: each report's grading as it stands (the inspector's points where
// confirmed, suggestions elsewhere), whether it was published on time, its failed and warned checks, and its rank.
import { checkDef } from '../../shared/checks/catalog';
import type { CheckStatus } from '../../shared/checks/types';
import { GRADING_STATE_LABEL, type AssessedItem, type GradingState } from '../../shared/grading/assessment';
import type { Checklist } from '../../shared/grading/checklist';
import { mainDeductions, rank } from '../../shared/grading/ranking';
import type { GradingService } from '../services/grading';

export interface Finding {
  id: string;
  title: string;
  status: 'fail' | 'warn';
  message: string;
  cells: string[];
}

export interface SummaryRow {
  reportId: number;
  organ: string | null;
  year: number | null;
  template: string;
  publishedAt: string | null;
  /** From MET-01: pass 是, fail 否, anything else 未知. */
  onTime: '是' | '否' | '未知';
  items: AssessedItem[];
  total: number;
  max: number;
  grade: string;
  state: GradingState;
  /** 未评分 / 评审中 / 已评分, with （含建议分） while any item is not confirmed. */
  status: string;
  /** Within the report's year; null without a year. Ties share a rank. */
  rank: number | null;
  mainDeductions: string[];
  findings: Finding[];
}

export interface Summary {
  checklist: Checklist;
  rows: SummaryRow[];
}

export const TEMPLATE_LABEL: Record<string, string> = { v2021: '2021版', v2019: '2019版', hybrid: '新旧混用', unknown: '未识别' };
const ON_TIME: Partial<Record<CheckStatus, SummaryRow['onTime']>> = { pass: '是', fail: '否' };

/** Grades every report (one at a time, yielding between them so progress reaches the window) and ranks each year. */
export async function summarize(
  grading: GradingService,
  ids: readonly number[],
  order: 'ranking' | 'unit' = 'unit',
  onProgress?: (current: number, total: number, label: string) => void,
): Promise<Summary> {
  const rows: SummaryRow[] = [];
  let checklist: Checklist | undefined;
  for (const [i, id] of ids.entries()) {
    const g = grading.grade(id);
    const model = grading.effectiveModel(id);
    checklist ??= g.checklist;
    const a = g.assessment;
    const allConfirmed = a.confirmed === a.items.length;
    rows.push({
      reportId: id,
      organ: model.organ,
      year: model.year,
      template: TEMPLATE_LABEL[model.template] ?? model.template,
      publishedAt: g.publishedAt.date,
      onTime: ON_TIME[g.graded.checks.find((c) => c.id === 'MET-01')?.status ?? 'na'] ?? '未知',
      items: a.items,
      total: a.total,
      max: a.max,
      grade: a.grade,
      state: a.state,
      status: `${GRADING_STATE_LABEL[a.state]}${allConfirmed ? '' : '（含建议分）'}`,
      rank: null,
      mainDeductions: mainDeductions(a.items, 3, 40),
      findings: g.graded.checks
        .filter((c): c is typeof c & { status: 'fail' | 'warn' } => c.status === 'fail' || c.status === 'warn')
        .map((c) => ({ id: c.id, title: checkDef(c.id)?.title ?? '', status: c.status, message: c.message, cells: c.cells })),
    });
    onProgress?.(i + 1, ids.length, model.organ ?? `报告 ${id}`);
    await new Promise((r) => setImmediate(r));
  }
  if (!checklist) throw new Error('summarize: no reports');
  const byYear = new Map<number, SummaryRow[]>();
  for (const r of rows) if (r.year !== null) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  for (const group of byYear.values()) {
    const ranked = rank(group.map((r) => ({ ...r, mainDeductions: r.mainDeductions })));
    const byId = new Map(ranked.map((x) => [x.reportId, x.rank]));
    for (const r of group) r.rank = byId.get(r.reportId) ?? null;
  }
  const collate = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh-Hans-CN');
  rows.sort((a, b) =>
    order === 'ranking'
      ? (b.year ?? 0) - (a.year ?? 0) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || collate(a.organ, b.organ)
      : collate(a.organ, b.organ) || (b.year ?? 0) - (a.year ?? 0) || a.reportId - b.reportId,
  );
  return { checklist, rows };
}
