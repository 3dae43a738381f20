// A table continued on the next scanned page lands a few points left or right of where it ended (each page is
// deskewed on its own, the paper shifts in the feeder): the continuation is moved so its columns meet the first part's.
import type { PageLayout } from '../page-layout';
import type { PageContent } from '../types';

/** Largest shift taken for a feeder's slip; beyond it the two tables are different tables. */
const MAX_SHIFT = 24;
const MATCH = 2;

function lastTableXs(layout: PageLayout | undefined): number[] | undefined {
  const last = layout?.items[layout.items.length - 1];
  return last?.kind === 'table' ? last.table.xs : undefined;
}

function firstTableXs(layout: PageLayout): number[] | undefined {
  const first = layout.items[0];
  return first?.kind === 'table' ? first.table.xs : undefined;
}

/** The horizontal shift (points) that makes most column boundaries of `next` meet those of `prev`, or 0. */
export function columnShift(prev: number[], next: number[]): number {
  let best = 0;
  let bestHits = 0;
  for (const p of prev) {
    for (const n of next) {
      const dx = p - n;
      if (Math.abs(dx) > MAX_SHIFT) continue;
      const hits = next.filter((x) => prev.some((y) => Math.abs(x + dx - y) <= MATCH)).length;
      if (hits > bestHits || (hits === bestHits && Math.abs(dx) < Math.abs(best))) [best, bestHits] = [dx, hits];
    }
  }
  const needed = Math.max(3, Math.ceil(Math.min(prev.length, next.length) * 0.75));
  return bestHits >= needed ? best : 0;
}

export function shiftContent(content: PageContent, dx: number): PageContent {
  return {
    ...content,
    runs: content.runs.map((r) => ({ ...r, x0: r.x0 + dx, x1: r.x1 + dx })),
    segments: content.segments.map((s) => (s.dir === 'h' ? { ...s, from: s.from + dx, to: s.to + dx } : { ...s, at: s.at + dx })),
  };
}

/** Lays out an OCR'd page, moved to continue the previous page's last table when it starts with one; and the shift. */
export function layoutAligned(
  content: PageContent,
  previous: PageLayout | undefined,
  layout: (c: PageContent) => PageLayout,
): { layout: PageLayout; dx: number } {
  const plain = layout(content);
  const prev = lastTableXs(previous);
  const next = firstTableXs(plain);
  if (!prev || !next) return { layout: plain, dx: 0 };
  const dx = columnShift(prev, next);
  if (Math.abs(dx) < 0.5) return { layout: plain, dx: 0 };
  return { layout: layout(shiftContent(content, dx)), dx };
}
