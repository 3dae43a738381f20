// The scoring stage: check results + checklist → the suggested points of every item with its reasons (contract.md §5 `sheet`).
// Pure and cheap; it is re-run whenever the checks or the checklist change. Uncertain and manual results never deduct.
import type { CheckResult, CheckStatus, Span } from '../checks/types';
import { checklistRef, gradeOf, maxTotal, type Checklist, type ChecklistItem } from './checklist';

/** One reason behind an item's suggestion: a check's result, what it took off (0 for evidence only). */
export interface Reason {
  check: string;
  status: CheckStatus;
  message: string;
  deduct: number;
  cells: string[];
  spans: Span[];
}

export interface SheetItem {
  id: string;
  group: string;
  title: string;
  max: number;
  guide: string;
  suggested: number;
  /** The checks feeding the item (contract.md §5). */
  checks: string[];
  needsInspector: boolean;
  /** One line for the sheet: why the suggestion is what it is. */
  reason: string;
  reasons: Reason[];
}

export interface Sheet {
  checklist: string;
  items: SheetItem[];
  suggestedTotal: number;
  max: number;
  grade: string;
}

const WEAK: readonly CheckStatus[] = ['uncertain', 'manual'];
const NOT_WORTH_SHOWING: readonly CheckStatus[] = ['pass', 'na'];

const half = (n: number) => Math.round(n * 2) / 2;

export function scoreItem(item: ChecklistItem, byId: Map<string, CheckResult>): SheetItem {
  let deducted = 0;
  let cap = item.max;
  const reasons: Reason[] = [];
  const taken = new Set<string>();
  for (const rule of item.rules) {
    const r = byId.get(rule.check);
    if (!r || !rule.when.includes(r.status)) continue;
    let off = 0;
    if (rule.deduct !== undefined) off = rule.deduct * (rule.each ? Math.max(1, r.count ?? 1) : 1);
    if (rule.setTo !== undefined) cap = Math.min(cap, rule.setTo);
    deducted += off;
    taken.add(r.id);
    reasons.push(reasonOf(r, rule.setTo !== undefined ? Math.max(off, item.max - rule.setTo) : off));
  }
  const fed = [...new Set([...item.rules.map((r) => r.check), ...(item.informs ?? [])])];
  // The rest of the evidence: results that did not deduct but the inspector should see (uncertain, manual, warnings).
  for (const id of fed) {
    const r = byId.get(id);
    if (!r || taken.has(id) || NOT_WORTH_SHOWING.includes(r.status)) continue;
    taken.add(id);
    reasons.push(reasonOf(r, 0));
  }
  const suggested = half(Math.max(0, Math.min(cap, item.max - deducted)));
  const weak = fed.some((id) => WEAK.includes(byId.get(id)?.status ?? 'na'));
  return {
    id: item.id,
    group: item.group,
    title: item.title,
    max: item.max,
    guide: item.guide,
    suggested,
    checks: fed,
    needsInspector: Boolean(item.human) || weak,
    reason: summary(item, suggested, reasons, weak),
    reasons,
  };
}

function reasonOf(r: CheckResult, deduct: number): Reason {
  return { check: r.id, status: r.status, message: r.message, deduct, cells: r.cells, spans: r.spans };
}

function summary(item: ChecklistItem, suggested: number, reasons: Reason[], weak: boolean): string {
  const off = reasons.filter((r) => r.deduct > 0).map((r) => r.message);
  if (off.length > 0) return off.join('；');
  if (weak) return '有存疑或需人工判断的检查，请评审人确认';
  if (item.human) return '未发现扣分依据，请评审人判断';
  return suggested === item.max ? '未发现问题' : '';
}

export function scoreSheet(checklist: Checklist, checks: readonly CheckResult[]): Sheet {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const items = checklist.items.map((it) => scoreItem(it, byId));
  const suggestedTotal = half(items.reduce((s, i) => s + i.suggested, 0));
  return { checklist: checklistRef(checklist), items, suggestedTotal, max: maxTotal(checklist), grade: gradeOf(checklist, suggestedTotal) };
}
