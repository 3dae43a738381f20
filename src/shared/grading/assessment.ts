// The inspector's assessment: the suggested sheet merged with what the inspector decided. A decision always wins over
// a suggestion; when the suggestion has moved since (a cell corrected, last year's report imported), the item is
// flagged for a second look instead of being changed.
import type { Sheet, SheetItem } from './score';

/** One decision on one item, as stored (append-only; the latest per item is the current one). */
export interface Decision {
  itemId: string;
  points: number;
  /** The suggestion the inspector saw when deciding. */
  suggested: number;
  note: string;
  /** The checklist (id@version) the decision was made on. */
  checklist: string;
  by: string;
  at: string;
}

export interface Comment {
  /** null: the comment on the whole report. */
  itemId: string | null;
  text: string;
  by: string;
  at: string;
}

/** 未评分 · 评审中 · 已评分 */
export type GradingState = 'ungraded' | 'in-progress' | 'graded';

export const GRADING_STATE_LABEL: Record<GradingState, string> = { ungraded: '未评分', 'in-progress': '评审中', graded: '已评分' };

export interface AssessedItem extends SheetItem {
  decision: Decision | null;
  /** The inspector's points where decided, else the suggestion. */
  points: number;
  confirmed: boolean;
  /** Decided, but the suggestion changed since (or the checklist did): look again. */
  secondLook: boolean;
  comment: string | null;
}

export interface Assessment {
  checklist: string;
  items: AssessedItem[];
  /** Points as they stand: the inspector's where decided, suggestions elsewhere. */
  total: number;
  suggestedTotal: number;
  max: number;
  grade: string;
  state: GradingState;
  confirmed: number;
  secondLook: number;
  comment: string | null;
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** Latest decision per item (the list is in the order they were made). */
export function latestByItem<T extends { itemId: string | null }>(rows: readonly T[]): Map<string | null, T> {
  const out = new Map<string | null, T>();
  for (const r of rows) out.set(r.itemId, r);
  return out;
}

export function assess(
  sheet: Sheet,
  decisions: readonly Decision[],
  comments: readonly Comment[],
  gradeOf: (total: number) => string,
): Assessment {
  const decided = latestByItem(decisions);
  const said = latestByItem(comments);
  const items = sheet.items.map((it): AssessedItem => {
    const d = decided.get(it.id) ?? null;
    const points = d ? Math.min(it.max, Math.max(0, d.points)) : it.suggested;
    const secondLook = d !== null && (!close(d.suggested, it.suggested) || d.checklist !== sheet.checklist);
    const text = said.get(it.id)?.text.trim();
    return { ...it, decision: d, points, confirmed: d !== null, secondLook, comment: text ? text : null };
  });
  const total = Math.round(items.reduce((s, i) => s + i.points, 0) * 2) / 2;
  const confirmed = items.filter((i) => i.confirmed).length;
  const secondLook = items.filter((i) => i.secondLook).length;
  const state: GradingState = confirmed === 0 ? 'ungraded' : confirmed === items.length && secondLook === 0 ? 'graded' : 'in-progress';
  const overall = said.get(null)?.text.trim();
  return {
    checklist: sheet.checklist,
    items,
    total,
    suggestedTotal: sheet.suggestedTotal,
    max: sheet.max,
    grade: gradeOf(total),
    state,
    confirmed,
    secondLook,
    comment: overall ? overall : null,
  };
}
