// Uses the arithmetic of table 三 (R1 column balance, R2 result total) to choose between the readings of
// rows whose digit runs split in more than one way. Only combinations that satisfy every identity survive;
// if none does (the report itself is inconsistent), nothing is chosen.
import type { Reading } from './values';

const MAX_COMBINATIONS = 50_000;
const RESULT_ROWS = (id: string) => id === 'granted' || id === 'partial' || /^(denied|unable|not_processed|other)(\.|$)/.test(id);

export function solveT3(rowIds: string[], readings: (Reading[] | null)[]): (Reading[] | null)[] {
  const multi = readings.map((r, i) => (r && r.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (multi.length === 0) return readings;
  const count = multi.reduce((n, i) => n * readings[i]!.length, 1);
  if (count > MAX_COMBINATIONS) return readings;

  const index = (id: string) => rowIds.indexOf(id);
  const rNew = index('new');
  const rIn = index('carried_in');
  const rTotal = index('total');
  const rOut = index('carried_out');
  const results = rowIds.map((id, i) => (RESULT_ROWS(id) ? i : -1)).filter((i) => i >= 0);

  const chosen = readings.map((r) => (r && r.length === 1 ? r[0]! : null));
  const keep = multi.map(() => new Set<number>());
  const pick = new Array<number>(multi.length).fill(0);
  for (let n = 0; n < count; n++) {
    let rest = n;
    multi.forEach((row, j) => {
      const options = readings[row]!;
      pick[j] = rest % options.length;
      rest = Math.floor(rest / options.length);
      chosen[row] = options[pick[j]!]!;
    });
    if (holds(chosen, rNew, rIn, rTotal, rOut, results)) pick.forEach((p, j) => keep[j]!.add(p));
  }
  if (keep.every((s) => s.size === 0)) return readings;
  return readings.map((r, i) => {
    const j = multi.indexOf(i);
    return j < 0 ? r : r!.filter((_, p) => keep[j]!.has(p));
  });
}

/** Every identity whose cells are all known holds. */
function holds(rows: (Reading | null)[], rNew: number, rIn: number, rTotal: number, rOut: number, results: number[]): boolean {
  for (let c = 0; c < 7; c++) {
    const v = (r: number): number | undefined => {
      const cell = r < 0 ? undefined : rows[r]?.[c];
      return cell ? (cell.value ?? 0) : undefined;
    };
    const [a, b, t, o] = [v(rNew), v(rIn), v(rTotal), v(rOut)];
    if (a !== undefined && b !== undefined && t !== undefined && o !== undefined && a + b !== t + o) return false;
    let sum = 0;
    let known = t !== undefined;
    for (const r of results) {
      const x = v(r);
      if (x === undefined) known = false;
      else sum += x;
    }
    if (known && sum !== t) return false;
  }
  return true;
}
