// The national format's own words as the recogniser's dictionary: a label cell read with a character or two wrong
// ("1.本机关不党所相关政" for 1.本机关不掌握相关政…) is put back to the printed label it nearly matches, so the parser finds
// its row. Only near matches to one label are taken; anything else is left as read.
import { T2_V2019, T2_V2021, T3_COLUMNS, T3_GROUPS, T3_V2019, T3_V2021, T4_COLUMNS } from '../../../../../shared/template/catalog';

/** Every label and column header of the three tables, without spaces. */
const LABELS: string[] = [
  ...new Set(
    [
      ...[...T2_V2021, ...T2_V2019].flatMap((b) => b.rows.flatMap((r) => [r.label, ...r.cols.flatMap((c) => c.labels)])),
      ...[...T3_V2021, ...T3_V2019].map((r) => r.label),
      ...T3_GROUPS.map((g) => g.label),
      ...[...T3_COLUMNS, ...T4_COLUMNS].flatMap((c) => c.labels),
      '信息内容',
      '申请人情况',
      '法人或其他组织',
      '自然人',
      '行政复议',
      '行政诉讼',
      '未经复议直接起诉',
      '复议后起诉',
    ]
      .map((l) => l.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）'))
      .filter((l) => l.length >= 4),
  ),
];

/**
 * The substring of `label` nearest to `text` and its edit distance (the text may be a wrapped part of the label, so
 * the match may start and end anywhere in it).
 */
export function nearestPart(text: string, label: string): { distance: number; part: string } {
  const n = text.length;
  const m = label.length;
  // d[i][j]: distance between text[0..i) and the best substring of label ending at j; start[i][j]: where it starts.
  let prev = new Array<number>(m + 1).fill(0);
  let prevStart = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    const curStart = new Array<number>(m + 1);
    cur[0] = i;
    curStart[0] = 0;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + (text[i - 1] === label[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const best = Math.min(sub, del, ins);
      cur[j] = best;
      curStart[j] = best === sub ? prevStart[j - 1]! : best === del ? prevStart[j]! : curStart[j - 1]!;
    }
    prev = cur;
    prevStart = curStart;
  }
  // Of equally near parts, the one as long as the text (substitutions rather than dropped characters).
  const gap = (j: number) => Math.abs(j - prevStart[j]! - n);
  let end = 0;
  for (let j = 1; j <= m; j++) if (prev[j]! < prev[end]! || (prev[j] === prev[end] && gap(j) < gap(end))) end = j;
  return { distance: prev[end]!, part: label.slice(prevStart[end], end) };
}

/**
 * The label wording a cell's text nearly matches (within one wrong character in four of exactly one label, at least
 * four characters read), and whether it is that whole label; undefined when it matches none, or several alike.
 */
export function matchLabel(text: string): { part: string; whole: boolean } | undefined {
  const read = text.replace(/\s+/g, '');
  if (read.length < 4 || (read.match(/[\u3400-\u9fff]/g)?.length ?? 0) < 3) return undefined;
  const allowed = Math.floor(read.length / 4);
  let best: { distance: number; part: string; label: string } | undefined;
  let tie = false;
  for (const label of LABELS) {
    const m = nearestPart(read, label);
    if (m.distance > allowed || m.part.length < read.length - allowed) continue;
    if (!best || m.distance < best.distance) [best, tie] = [{ ...m, label }, false];
    else if (m.distance === best.distance && m.part !== best.part) tie = true;
  }
  if (!best || tie) return undefined;
  return { part: best.part, whole: best.part === best.label };
}

/** A label cell's text put back to the format's wording when it nearly matches one label; otherwise as read. */
export function snapLabel(text: string): string {
  const m = matchLabel(text);
  return m && m.part !== text.replace(/\s+/g, '') ? m.part : text;
}
