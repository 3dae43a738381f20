// The county ranking (排名): units of one year by total, with their grade and main deductions; ties share a rank.
import type { AssessedItem, GradingState } from './assessment';

export interface RankInput {
  reportId: number;
  organ: string | null;
  year: number | null;
  total: number;
  max: number;
  grade: string;
  state: GradingState;
  /** The items that lost most, as "评分项 −n（原因）", largest first. */
  mainDeductions: string[];
}

export interface RankRow extends RankInput {
  /** 1-based; equal totals share the rank (1, 2, 2, 4). */
  rank: number;
}

/** Below this many units a ranking says 样本偏少 (lessons.md: rank only with guard-rails). */
export const SMALL_SAMPLE = 30;

export function rank(entries: readonly RankInput[]): RankRow[] {
  const sorted = [...entries].sort(
    (a, b) => b.total - a.total || (a.organ ?? '').localeCompare(b.organ ?? '', 'zh-Hans-CN') || a.reportId - b.reportId,
  );
  const out: RankRow[] = [];
  sorted.forEach((e, i) => {
    const prev = out[i - 1];
    out.push({ ...e, rank: prev && Math.abs(prev.total - e.total) < 1e-9 ? prev.rank : i + 1 });
  });
  return out;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The items that lost most, largest first: "A1 按时发布 −5（原因）"; the one wording of the printed and the Excel ranking. */
export function mainDeductions(items: readonly AssessedItem[], limit = 3, clipAt = 24): string[] {
  return items
    .map((it, i) => ({ it, i, lost: it.max - it.points }))
    .filter((x) => x.lost > 1e-9)
    .sort((a, b) => b.lost - a.lost || a.i - b.i)
    .slice(0, limit)
    .map(({ it, lost }) => {
      const why = (it.decision?.note.trim() || it.reason || '').replace(/\s+/g, ' ');
      const short = why.length > clipAt ? `${why.slice(0, clipAt - 1)}…` : why;
      return `${it.id} ${it.title.replace(/[（(].*$/, '')} −${fmt(lost)}${short ? `（${short}）` : ''}`;
    });
}
