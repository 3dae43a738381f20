// When a table 二 digit run splits in several ways, the report's own prose may state the numbers
// ("现行有效行政规范性文件698件"). Readings that agree with every such statement are kept. If any statement
// matches no reading, the prose contradicts the table and settles nothing: the table is never overwritten by prose.
import type { RowDef } from '../template/catalog';
import type { Stream } from './stream';
import type { Reading } from './values';

export function proseFilter(stream: Stream, region: [number, number], row: RowDef, readings: Reading[]): Reading[] {
  // Prose lies outside the table: before and after the table 二 region.
  const prose = stream.text.slice(0, region[0]) + '\n' + stream.text.slice(region[1]);
  const compact = prose.replace(/[ \t]/g, '');
  const rowWord = row.keys[row.keys.length - 1]!;
  let kept = readings;
  for (const [i, col] of row.cols.entries()) {
    const colWord = col.labels[col.labels.length - 1]!;
    for (const stated of statedNumbers(compact, colWord, rowWord)) {
      const match = kept.filter((r) => r[i]?.state === 'number' && r[i]?.value === stated);
      if (match.length === 0) return readings;
      kept = match;
    }
  }
  return kept;
}

function statedNumbers(text: string, colWord: string, rowWord: string): number[] {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const re = new RegExp(`${esc(colWord)}[^。；;，,\\d]{0,10}?${esc(rowWord)}[^。；;，,\\d]{0,3}?(\\d+)件`, 'g');
  return [...text.matchAll(re)].map((m) => Number(m[1]));
}
