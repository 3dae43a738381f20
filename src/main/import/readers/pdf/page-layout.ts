// Lays out one page: ruled tables first, then tables found in aligned text, then paragraphs, in reading order.
import { fillTable, isEmptyTable } from './fill-table';
import { bodyMetrics, buildParagraphs, dropPageFurniture, type BodyMetrics, type TextItem } from './paragraphs';
import { findSkeletons } from './ruled-tables';
import { dedupeRuns, groupLines, type TextLine } from './text-runs';
import type { PageContent, PageTable, Segment, TextRun } from './types';
import { findTextTables } from './text-tables';

export type PageItem = ({ kind: 'table'; table: PageTable } | TextItem) & { page: number };

export interface PageLayout {
  page: number;
  height: number;
  items: PageItem[];
  /** Characters of text on the page, after de-duplication (for the scan test). */
  chars: number;
  hasImages: boolean;
}

function top(item: PageItem): number {
  return item.kind === 'table' ? item.table.box[1] : item.box[1];
}

/** Lines between tables are paragraphed separately so a paragraph never swallows a table. */
function paragraphsAround(lines: TextLine[], tables: PageTable[], m: BodyMetrics, page: number): PageItem[] {
  const cuts = tables.map((t) => t.box[1]).sort((a, b) => a - b);
  const bands: TextLine[][] = Array.from({ length: cuts.length + 1 }, () => []);
  for (const line of lines) bands[cuts.filter((c) => c <= line.y0).length]!.push(line);
  return bands.flatMap((band) => buildParagraphs(band, m).map((p) => ({ ...p, page })));
}

/**
 * Removes text underlines: a horizontal stroke just under a baseline that the text above covers end to end. Left in,
 * they cut every underlined cell of a table into one row per text line.
 */
export function dropUnderlines(segments: Segment[], runs: TextRun[]): Segment[] {
  return segments.filter((s) => {
    if (s.dir !== 'h') return true;
    const above = runs.filter((r) => s.at >= r.base - 0.5 && s.at <= r.base + r.size * 0.25 && r.x1 > s.from && r.x0 < s.to);
    if (!above.length) return true;
    const x0 = Math.min(...above.map((r) => r.x0));
    const x1 = Math.max(...above.map((r) => r.x1));
    return !(x0 <= s.from + 1.5 && x1 >= s.to - 1.5);
  });
}

export function layoutPage(content: PageContent): PageLayout {
  let runs: TextRun[] = dedupeRuns(content.runs);
  const chars = runs.reduce((n, r) => n + r.str.replace(/\s/g, '').length, 0);
  const tables: PageTable[] = [];
  for (const sk of findSkeletons(dropUnderlines(content.segments, runs))) {
    const { table, rest } = fillTable(sk, runs, content.page);
    if (isEmptyTable(table)) continue;
    tables.push(table);
    runs = rest;
  }
  const lines = dropPageFurniture(groupLines(runs), content.height);
  const metrics = bodyMetrics(lines);
  const found = findTextTables(lines, metrics, content.page);
  tables.push(...found.tables);
  const items: PageItem[] = [
    ...tables.map((table) => ({ kind: 'table' as const, table, page: content.page })),
    ...paragraphsAround(found.rest, tables, metrics, content.page),
  ];
  items.sort((a, b) => top(a) - top(b));
  return { page: content.page, height: content.height, items, chars, hasImages: content.hasImages };
}
